package dev.cordon.store;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.UtxoBlock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Blocks, transactions and addresses of one or more chains, with every input resolved to the
 * output it spends. Implementations: {@link RocksChainStore} (on disk) and
 * {@link MemoryChainStore} (its in-memory twin); both pass the same contract tests and store
 * the same bytes.
 *
 * <p>One writer at a time calls {@link #append}; readers may run concurrently with it and see
 * each block either wholly or not at all for point lookups (a listing that spans several keys
 * may see a block appear while it runs). Values are in base units of the chain's native asset.
 * All methods throw {@link StoreException} with {@link ErrorCode#STORE} when the store fails or
 * is closed.
 */
public interface ChainStore extends AutoCloseable {

    /**
     * Applies a block on top of its chain's tip, atomically with the new checkpoint: after a
     * crash the store holds the block wholly or not at all. The block may be committed together
     * with the blocks appended after it, so a crash may lose a few of the newest blocks (whole,
     * never part of one); {@link #flush} or {@link #close} commits at once. Reads see appended
     * blocks at once. Most callers want {@link BlockIngestor}, which orders blocks and skips those
     * already present.
     *
     * @return the stored block
     * @throws StoreException with {@link ErrorCode#USAGE} when the block is not the child of
     *                        the tip (or a genesis block of an empty chain), and with
     *                        {@link ErrorCode#DATA} when one of its inputs spends an output the
     *                        store does not hold; in both cases nothing of the block is
     *                        written, and every block appended before it is committed
     */
    BlockInfo append(UtxoBlock block);

    /** Commits every appended block: after it returns, a crash loses none of them. */
    void flush();

    Optional<BlockInfo> block(Chain chain, long height);

    /** The block with that hash on any chain. */
    Optional<BlockInfo> block(BlockHash hash);

    /** The transaction with that id on any chain (the newest one, if an id repeats). */
    Optional<TxInfo> tx(TxId txid);

    Optional<AddressSummary> address(Address address);

    /**
     * Up to {@code limit} transactions of the address, in chain order or reversed. Running time
     * O(limit) reads.
     */
    List<HistoryEntry> history(Address address, int limit, HistoryOrder order);

    /** The {@code n} addresses with the largest balances, largest first. Scans all summaries. */
    List<AddressSummary> richest(Chain chain, int n);

    Optional<Checkpoint> checkpoint(Chain chain);

    long blockCount(Chain chain);

    long txCount(Chain chain);

    long addressCount(Chain chain);

    /** The dense id of an address seen in an output. */
    OptionalInt addressId(Address address);

    /** The address with that dense id. */
    Optional<Address> addressById(Chain chain, int id);

    /** The dense number of a transaction. */
    OptionalLong txNum(Chain chain, TxId txid);

    Optional<TxFlow> txFlow(Chain chain, long txNum);

    /**
     * Visits transactions in chain order starting at {@code fromTxNum} until the visitor
     * returns {@code false}. The flows may be kept.
     */
    void forEachTx(Chain chain, long fromTxNum, TxFlowVisitor visitor);

    /**
     * Visits an address's transactions in chain order, until the visitor returns {@code false}.
     */
    void forEachAddressTx(Chain chain, int addressId, AddressTxVisitor visitor);

    /** The number of the transaction spending output {@code vout} of {@code txNum}, if spent. */
    OptionalLong spendingTx(Chain chain, long txNum, int vout);

    /**
     * SHA-256 (hex) over every column's entries in key order. Two stores holding the same
     * content have the same digest, whatever their backend and however they got there.
     */
    String contentDigest();

    /**
     * The Ethereum blocks, transfers and balances held in the same store (columns of their own,
     * atomic per block like {@link #append}).
     *
     * @throws StoreException with {@link ErrorCode#USAGE} when this store cannot hold Ethereum
     */
    default EthereumStore ethereum() {
        throw new StoreException(ErrorCode.USAGE, "this store does not hold Ethereum");
    }

    /** Commits every appended block, then releases the store. */
    @Override
    void close();

    @FunctionalInterface
    interface TxFlowVisitor {
        boolean visit(TxFlow tx);
    }

    /** Receives one history entry; amounts in base units; returns whether to continue. */
    @FunctionalInterface
    interface AddressTxVisitor {
        boolean visit(long txNum, int height, long received, long sent);
    }
}
