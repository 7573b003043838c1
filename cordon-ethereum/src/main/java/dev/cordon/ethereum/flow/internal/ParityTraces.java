package dev.cordon.ethereum.flow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.TransferKind;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Value flows from a parity-dialect {@code trace_block} result (OpenEthereum, Erigon, Reth,
 * Nethermind): a flat array of frames in depth-first order, each with its transaction position
 * and trace address (path of child indexes from the root call).
 *
 * <p>A frame with an {@code error} reverted: it and every frame below it (trace addresses it
 * prefixes) moved nothing. Value moves with {@code call} frames whose call type is {@code call}
 * (delegatecall and staticcall carry none; callcode sends the value from the caller to itself),
 * with {@code create} and with {@code suicide}. Block and uncle {@code reward} frames are not
 * transaction flows and are left out. Linear in the number of frames.
 */
public final class ParityTraces {
    private final JsonNode frames;
    private final int[] start;
    private final int[] end;

    private ParityTraces(JsonNode frames, int[] start, int[] end) {
        this.frames = frames;
        this.start = start;
        this.end = end;
    }

    /**
     * Groups the frames by transaction and checks they belong to the block.
     *
     * @throws dev.cordon.core.DecodeException if a transaction has no frames, frames are out of
     *         order, or a frame names another block
     */
    public static ParityTraces index(JsonNode frames, int txCount, String blockHash, Ctx ctx) {
        if (frames == null || !frames.isArray()) {
            throw ctx.fail("trace_block result is " + Json.describe(frames) + ", expected an array");
        }
        int[] start = new int[txCount];
        int[] end = new int[txCount];
        Arrays.fill(start, -1);
        int last = -1;
        for (int k = 0, n = frames.size(); k < n; k++) {
            JsonNode f = frames.get(k);
            if (!f.isObject()) {
                throw ctx.fail("trace " + k + " is " + Json.describe(f) + ", expected an object");
            }
            String bh = Json.optText(f, "blockHash", ctx);
            if (bh != null && !bh.equals(blockHash) && !bh.equalsIgnoreCase(blockHash)) {
                throw ctx.fail("trace " + k + " belongs to block " + bh + " (the chain reorganised while fetching)");
            }
            JsonNode pos = f.get("transactionPosition");
            if (pos == null || pos.isNull()) {
                if (!"reward".equals(Json.text(f, "type", ctx))) {
                    throw ctx.fail("trace " + k + " has no transactionPosition and is not a reward");
                }
                continue;
            }
            if (!pos.canConvertToInt() || !pos.isIntegralNumber() || pos.intValue() < 0 || pos.intValue() >= txCount) {
                throw ctx.fail("trace " + k + " has transactionPosition " + pos + " in a block of " + txCount + " transactions");
            }
            int p = pos.intValue();
            if (p != last) {
                if (p < last || start[p] >= 0) {
                    throw ctx.fail("traces of transaction " + p + " are not contiguous (trace " + k + ")");
                }
                start[p] = k;
                last = p;
            }
            end[p] = k + 1;
        }
        for (int i = 0; i < txCount; i++) {
            if (start[i] < 0) {
                throw ctx.fail("trace_block has no trace for transaction " + i);
            }
        }
        return new ParityTraces(frames, start, end);
    }

    /**
     * Emits the value flows of transaction {@code tx} when it succeeded.
     *
     * @return whether the root call succeeded (the transaction's status according to the trace)
     */
    public boolean decodeTx(TxFacts tx, Emitter em, Ctx ctx) {
        int from = start[tx.index()];
        JsonNode root = frames.get(from);
        String rootHash = Json.optText(root, "transactionHash", ctx);
        if (rootHash != null && !rootHash.equalsIgnoreCase(tx.hash())) {
            throw ctx.fail("trace names transaction " + rootHash);
        }
        if (Json.array(root, "traceAddress", ctx).size() != 0) {
            throw ctx.fail("the first trace of the transaction is not its root call");
        }
        boolean ok = !hasError(root);
        if (!ok) {
            return false;
        }
        JsonNode skip = null;
        for (int k = from; k < end[tx.index()]; k++) {
            JsonNode f = frames.get(k);
            JsonNode addr = Json.array(f, "traceAddress", ctx);
            if (k > from && addr.size() == 0) {
                throw ctx.fail("transaction has two root traces");
            }
            if (skip != null && startsWith(addr, skip)) {
                continue;
            }
            skip = null;
            if (hasError(f)) {
                skip = addr;
                continue;
            }
            frame(f, addr.size() == 0, tx, em, ctx);
        }
        return true;
    }

    private static void frame(JsonNode f, boolean root, TxFacts tx, Emitter em, Ctx ctx) {
        String type = Json.text(f, "type", ctx);
        JsonNode action = Json.object(f, "action", ctx);
        switch (type) {
            case "call" -> {
                BigInteger value = value(action, "value", root, tx, ctx);
                String callType = Json.optText(action, "callType", ctx);
                if (value.signum() != 0 && (root || "call".equals(callType))) {
                    em.ether(root ? TransferKind.NATIVE : TransferKind.INTERNAL,
                            Json.address(action, "from", ctx), Json.address(action, "to", ctx), value);
                }
            }
            case "create" -> {
                BigInteger value = value(action, "value", root, tx, ctx);
                Address creator = Json.address(action, "from", ctx);
                Address created = Json.address(Json.object(f, "result", ctx), "address", ctx);
                em.creation(creator, created);
                em.ether(TransferKind.CREATE, creator, created, value);
            }
            case "suicide", "selfdestruct" -> em.ether(TransferKind.SELFDESTRUCT,
                    Json.address(action, "address", ctx), Json.address(action, "refundAddress", ctx),
                    Json.quantity(action, "balance", ctx));
            default -> throw ctx.fail("unknown trace type '" + type + "'");
        }
    }

    private static BigInteger value(JsonNode action, String field, boolean root, TxFacts tx, Ctx ctx) {
        String v = Json.optText(action, field, ctx);
        BigInteger value = v == null || Json.isZero(v) ? BigInteger.ZERO : Json.quantity(v, field, ctx);
        if (root && value.compareTo(tx.value()) != 0) {
            throw ctx.fail("root trace moves " + value + " wei but the transaction's value is " + tx.value());
        }
        return value;
    }

    static boolean hasError(JsonNode f) {
        JsonNode e = f.get("error");
        return e != null && !e.isNull();
    }

    private static boolean startsWith(JsonNode addr, JsonNode prefix) {
        int n = prefix.size();
        if (addr.size() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (addr.get(i).asInt(-1) != prefix.get(i).asInt(-2)) {
                return false;
            }
        }
        return true;
    }
}
