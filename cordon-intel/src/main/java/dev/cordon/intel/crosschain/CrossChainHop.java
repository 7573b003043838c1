package dev.cordon.intel.crosschain;

import dev.cordon.core.TxId;
import java.util.Objects;
import java.util.Optional;

/**
 * Value that left the traced chain through a bridge or cross-chain swap, with where it was sent.
 *
 * @param protocol     {@code thorchain}
 * @param inbound      the transaction that paid the bridge on the traced chain
 * @param vout         its output paid to the bridge's vault
 * @param vault        the vault (or router) address paid, as text
 * @param destChain    the destination chain code as the memo names it ({@code ETH})
 * @param destAsset    the destination asset ({@code ETH.ETH})
 * @param destAddress  the destination address as written in the memo
 * @param memo         the memo as found on chain
 * @param outbound     the bridge's payment out, when it is on the traced chain and was found
 */
public record CrossChainHop(String protocol, TxId inbound, int vout, String vault, String destChain, String destAsset,
                            String destAddress, String memo, Optional<CrossChainOutbound> outbound) {
    /** A hop whose outbound is not known. */
    public CrossChainHop(String protocol, TxId inbound, int vout, String vault, String destChain, String destAsset,
                         String destAddress, String memo) {
        this(protocol, inbound, vout, vault, destChain, destAsset, destAddress, memo, Optional.empty());
    }

    /** The same hop with its outbound payment. */
    public CrossChainHop withOutbound(CrossChainOutbound out) {
        return new CrossChainHop(protocol, inbound, vout, vault, destChain, destAsset, destAddress, memo, Optional.of(out));
    }

    public CrossChainHop {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(destChain, "destChain");
        Objects.requireNonNull(destAsset, "destAsset");
        Objects.requireNonNull(destAddress, "destAddress");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(outbound, "outbound");
    }
}
