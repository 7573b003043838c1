package dev.cordon.ethereum.ingest;

import dev.cordon.core.BlockHash;
import dev.cordon.core.account.EthBlockFlows;
import java.util.List;
import java.util.Map;

/** Where blocks come from: a node over JSON-RPC ({@link RpcBlockSource}) or a fake chain in tests. */
public interface BlockSource {
    /**
     * The node's latest block number.
     *
     * @throws dev.cordon.core.CordonException with code REMOTE when the node cannot answer
     */
    long tipHeight();

    /**
     * Fetches and decodes the blocks {@code from..to} (inclusive), in height order; every height
     * is in the result, or an exception is thrown.
     *
     * @throws MissingBlockException when the node does not (yet) serve one of the blocks
     * @throws dev.cordon.core.DecodeException when a response is malformed or inconsistent
     * @throws dev.cordon.core.CordonException with code REMOTE when the node fails
     */
    List<EthBlockFlows> fetch(long from, long to);

    /**
     * The node's canonical hashes at the given heights; a height the node does not serve is
     * absent from the map.
     */
    Map<Long, BlockHash> canonicalHashes(List<Long> heights);
}
