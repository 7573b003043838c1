package dev.cordon.store;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.EthereumSink;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The Ethereum side of a {@link ChainStore}: an {@link EthereumSink} that keeps blocks, transfers
 * (ordered by block, transaction index and position, numbered densely), per-address and
 * per-asset totals, contract creations and bridge router deposits, with the undo information that
 * {@link #rollbackTo} needs. Each block is one atomic write together with the checkpoint; a
 * rollback is one atomic write. Reads may run concurrently with a writer. All methods throw
 * {@link StoreException}.
 */
public interface EthereumStore extends EthereumSink {
    Optional<EthBlockInfo> block(long height);

    Optional<EthBlockInfo> block(BlockHash hash);

    Optional<EthTxInfo> tx(TxId txid);

    /**
     * The address's totals and its {@code latest} newest transfers.
     *
     * @throws StoreException with code USAGE for a negative {@code latest} or a non-Ethereum address
     */
    Optional<EthAddressInfo> address(Address address, int latest);

    /**
     * The bridge router deposits the transaction announced, in log order; empty when it made none
     * or is not stored (a transaction is found through its stored transfers: every transaction that
     * paid gas has one).
     */
    List<BridgeDeposit> bridgeDeposits(TxId txid);

    /**
     * The bridge router deposits of blocks {@code fromHeight} to {@code toHeight} inclusive, in
     * chain order (block, transaction index, log index). Blocks ingested by a build that did not
     * keep deposits, or from a source without logs (the ethereum-etl import), have none.
     */
    List<BridgeDeposit> bridgeDeposits(long fromHeight, long toHeight);

    /** Transfers stored, over all blocks. */
    long transferCount();

    /**
     * Visits the stored transfers in chain order (block, transaction index, position), starting
     * with the first transfer of the first stored block at or above {@code fromHeight}, until the
     * visitor returns {@code false} or the transfers end. Parties and assets are given as dense
     * ids ({@link #addressById}, {@link #assetById}); no {@code Transfer} object is built. A block
     * applied while the scan runs may or may not be visited.
     */
    void forEachTransfer(long fromHeight, TransferVisitor visitor);

    /**
     * The stored transfer with that sequence number (the {@code seq} of {@link TransferVisitor}),
     * empty when there is none.
     */
    Optional<Transfer> transfer(long seq);

    /** The address with that dense id (the ids of {@link TransferVisitor} and {@link EthAddressInfo#addressId}). */
    Optional<Address> addressById(int id);

    /** The asset with that dense id; 0 is ETH. */
    Optional<Asset> assetById(int assetId);

    /** Receives one stored transfer; returns whether to continue. */
    @FunctionalInterface
    interface TransferVisitor {
        /**
         * @param seq     dense number of the transfer, in chain order
         * @param txIndex the transaction's index in its block
         * @param amount  in base units of the asset (wei for ETH)
         */
        boolean visit(long seq, long height, int txIndex, TransferKind kind, int fromId, int toId, int assetId, BigInteger amount);
    }
}
