package dev.cordon.ethereum.flow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.TxId;
import java.math.BigInteger;

/**
 * What decoding needs of one transaction of an {@code eth_getBlockByNumber(n, true)} result.
 *
 * @param to       {@code null} for a contract-creating transaction
 * @param gasPrice {@code null} when the node omits it (typed transactions on some nodes)
 * @param maxFee   EIP-1559 {@code maxFeePerGas}, or {@code null}
 * @param maxTip   EIP-1559 {@code maxPriorityFeePerGas}, or {@code null}
 */
public record TxFacts(String hash, TxId id, int index, Address from, Address to, BigInteger value,
                      BigInteger gasPrice, BigInteger maxFee, BigInteger maxTip) {

    /** Reads transaction {@code index} of a block; full transaction objects are required. */
    public static TxFacts parse(JsonNode tx, int index, Ctx ctx) {
        if (tx == null || !tx.isObject()) {
            throw ctx.fail("transaction " + index + " is " + Json.describe(tx)
                    + "; the block must be fetched with full transaction objects");
        }
        String hash = Json.text(tx, "hash", ctx);
        ctx.tx(index, hash);
        String idx = Json.optText(tx, "transactionIndex", ctx);
        if (idx != null && Json.quantityLong(idx, "transactionIndex", ctx) != index) {
            throw ctx.fail("transactionIndex " + idx + " at position " + index + " of the block");
        }
        return new TxFacts(hash, Json.txId(hash, "hash", ctx), index,
                Json.address(tx, "from", ctx), Json.optAddress(tx, "to", ctx),
                Json.quantity(tx, "value", ctx), Json.optQuantity(tx, "gasPrice", ctx),
                Json.optQuantity(tx, "maxFeePerGas", ctx), Json.optQuantity(tx, "maxPriorityFeePerGas", ctx));
    }
}
