package dev.cordon.intel.crosschain;

import dev.cordon.core.TxId;
import java.util.Objects;

/**
 * A bridge's payment out on the traced chain for an inbound made elsewhere or on the same chain:
 * for THORChain, a vault transaction whose OP_RETURN carries {@code OUT:<inbound hash>} (or
 * {@code REFUND:<inbound hash>}).
 *
 * @param protocol    {@code thorchain}
 * @param inboundHash the inbound transaction hash the memo names, lower-case hex without
 *                    {@code 0x} (a Bitcoin txid in display order, an Ethereum transaction hash...)
 * @param refund      whether the memo is a refund rather than a swap's payment
 * @param txid        the outbound transaction
 * @param vout        its output paying the recipient, or -1 when every addressed output pays back
 *                    to an input address
 * @param address     the recipient as text, empty when {@code vout} is -1
 * @param value       what that output pays, base units (0 when {@code vout} is -1)
 * @param height      the outbound's block
 */
public record CrossChainOutbound(String protocol, String inboundHash, boolean refund, TxId txid, int vout, String address,
                                 long value, long height) {
    public CrossChainOutbound {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(inboundHash, "inboundHash");
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(address, "address");
    }
}
