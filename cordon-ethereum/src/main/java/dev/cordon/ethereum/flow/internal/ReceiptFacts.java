package dev.cordon.ethereum.flow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import java.math.BigInteger;

/**
 * What decoding needs of one transaction receipt.
 *
 * @param status            {@code TRUE} success, {@code FALSE} failure, {@code null} unknown
 *                          (receipts before Byzantium carry a state root instead of a status)
 * @param effectiveGasPrice {@code null} when the node omits it (old nodes, pre-London blocks)
 * @param contractAddress   the created contract for a creating transaction, else {@code null}
 * @param blobGasUsed       EIP-4844 blob gas, or {@code null}
 * @param blobGasPrice      EIP-4844 blob gas price, or {@code null}
 */
public record ReceiptFacts(Boolean status, BigInteger gasUsed, BigInteger effectiveGasPrice, Address contractAddress,
                           BigInteger blobGasUsed, BigInteger blobGasPrice, JsonNode logs) {

    /** Reads a receipt and checks that it belongs to {@code tx} of the block {@code blockHash}. */
    public static ReceiptFacts parse(JsonNode r, TxFacts tx, String blockHash, Ctx ctx) {
        if (r == null || !r.isObject()) {
            throw ctx.fail("receipt is " + Json.describe(r) + ", expected an object");
        }
        String txHash = Json.text(r, "transactionHash", ctx);
        if (!txHash.equalsIgnoreCase(tx.hash())) {
            throw ctx.fail("receipt is for transaction " + txHash);
        }
        String bh = Json.optText(r, "blockHash", ctx);
        if (bh != null && !bh.equalsIgnoreCase(blockHash)) {
            throw ctx.fail("receipt belongs to block " + bh + " (the chain reorganised while fetching)");
        }
        String s = Json.optText(r, "status", ctx);
        Boolean status = null;
        if (s != null) {
            long v = Json.quantityLong(s, "status", ctx);
            if (v > 1) {
                throw ctx.fail("receipt status " + s + " is neither 0x0 nor 0x1");
            }
            status = v == 1;
        }
        return new ReceiptFacts(status, Json.quantity(r, "gasUsed", ctx), Json.optQuantity(r, "effectiveGasPrice", ctx),
                Json.optAddress(r, "contractAddress", ctx), Json.optQuantity(r, "blobGasUsed", ctx),
                Json.optQuantity(r, "blobGasPrice", ctx), Json.array(r, "logs", ctx));
    }
}
