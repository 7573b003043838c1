package dev.cordon.core;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * One movement of value on a chain: who paid whom how much of which asset, in which transaction.
 * The same model serves every chain; transfers sort by (block height, transaction index,
 * position), which is the order in which they happened as far as the chain records it.
 *
 * @param chain       the chain it happened on; {@code from}, {@code to} and the asset are on it
 * @param txId        the transaction that made it
 * @param blockHeight height of the block holding the transaction (0 or more)
 * @param txIndex     index of the transaction in its block (0 or more)
 * @param position    ordinal within the transaction (0 or more), unique per transaction; see the
 *                    chain's decoder for how positions are assigned
 * @param kind        how the value moved
 * @param from        the payer
 * @param to          the payee
 * @param amount      what moved, in base units; never negative. For tokens the asset is the
 *                    token contract; for an ERC-721 transfer the amount is 1
 * @param tokenId     the token id for ERC-721 and ERC-1155 transfers, otherwise empty
 */
public record Transfer(Chain chain, TxId txId, long blockHeight, int txIndex, int position, TransferKind kind,
                       Address from, Address to, Amount amount, Optional<BigInteger> tokenId)
        implements Comparable<Transfer> {
    public Transfer {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tokenId, "tokenId");
        if (blockHeight < 0 || txIndex < 0 || position < 0) {
            throw new CordonException(ErrorCode.DATA, "negative block height, tx index or position: "
                    + blockHeight + "/" + txIndex + "/" + position);
        }
        if (from.chain() != chain || to.chain() != chain || amount.asset().chain() != chain) {
            throw new CordonException(ErrorCode.DATA, "transfer mixes chains: " + from + " -> " + to + " " + amount);
        }
        if (amount.units().signum() < 0) {
            throw new CordonException(ErrorCode.DATA, "negative transfer amount " + amount.units());
        }
        if (kind.isToken() == amount.asset().isNative()) {
            throw new CordonException(ErrorCode.DATA, kind + " transfer of " + amount.asset().symbol());
        }
        if (tokenId.isPresent() && kind != TransferKind.ERC721 && kind != TransferKind.ERC1155) {
            throw new CordonException(ErrorCode.DATA, "a token id on a " + kind + " transfer");
        }
    }

    @Override
    public int compareTo(Transfer o) {
        int c = Integer.compare(chain.id(), o.chain.id());
        if (c == 0) {
            c = Long.compare(blockHeight, o.blockHeight);
        }
        if (c == 0) {
            c = Integer.compare(txIndex, o.txIndex);
        }
        return c != 0 ? c : Integer.compare(position, o.position);
    }
}
