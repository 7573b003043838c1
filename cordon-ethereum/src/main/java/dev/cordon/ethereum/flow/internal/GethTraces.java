package dev.cordon.ethereum.flow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.TransferKind;
import java.math.BigInteger;

/**
 * Value flows from a geth {@code debug_traceBlockByNumber} result with {@code callTracer}: one
 * entry per transaction, {@code {"txHash", "result": frame}}, each frame holding its child calls
 * in {@code calls}. Frames are visited depth first, so positions follow the same order as the
 * parity dialect's trace addresses.
 *
 * <p>A frame with an {@code error} reverted, with everything below it. Value moves with
 * {@code CALL}, {@code CREATE}/{@code CREATE2} and {@code SELFDESTRUCT}; {@code DELEGATECALL},
 * {@code STATICCALL} and {@code CALLCODE} move none. Old geth versions wrote self-destruct
 * frames without beneficiary or value: those are noted on the block, not guessed.
 */
public final class GethTraces {
    private final JsonNode entries;

    private GethTraces(JsonNode entries) {
        this.entries = entries;
    }

    /** @throws dev.cordon.core.DecodeException unless an array with one entry per transaction */
    public static GethTraces of(JsonNode entries, int txCount, Ctx ctx) {
        if (entries == null || !entries.isArray()) {
            throw ctx.fail("debug_traceBlockByNumber result is " + Json.describe(entries) + ", expected an array");
        }
        if (entries.size() != txCount) {
            throw ctx.fail("debug_traceBlockByNumber has " + entries.size() + " traces for " + txCount + " transactions");
        }
        return new GethTraces(entries);
    }

    /**
     * Emits the value flows of transaction {@code tx} when it succeeded.
     *
     * @return whether the root call succeeded
     */
    public boolean decodeTx(TxFacts tx, Emitter em, Ctx ctx) {
        JsonNode entry = entries.get(tx.index());
        if (!entry.isObject()) {
            throw ctx.fail("trace entry is " + Json.describe(entry) + ", expected an object");
        }
        String hash = Json.optText(entry, "txHash", ctx);
        if (hash != null && !hash.equalsIgnoreCase(tx.hash())) {
            throw ctx.fail("trace names transaction " + hash + " (the chain reorganised while fetching?)");
        }
        JsonNode result = entry.get("result");
        if ((result == null || result.isNull()) && entry.has("error")) {
            throw ctx.fail("the node could not trace the transaction: " + entry.get("error"));
        }
        JsonNode root = Json.object(entry, "result", ctx);
        if (ParityTraces.hasError(root)) {
            return false;
        }
        walk(root, true, null, tx, em, ctx);
        return true;
    }

    private static void walk(JsonNode f, boolean root, Address context, TxFacts tx, Emitter em, Ctx ctx) {
        String type = Json.text(f, "type", ctx);
        Address next = context;
        switch (type) {
            case "CALL" -> {
                Address from = Json.address(f, "from", ctx);
                Address to = Json.address(f, "to", ctx);
                em.ether(root ? TransferKind.NATIVE : TransferKind.INTERNAL, from, to, value(f, root, tx, ctx));
                next = to;
            }
            case "CREATE", "CREATE2" -> {
                Address from = Json.address(f, "from", ctx);
                Address to = Json.address(f, "to", ctx);
                BigInteger value = value(f, root, tx, ctx);
                em.creation(from, to);
                em.ether(TransferKind.CREATE, from, to, value);
                next = to;
            }
            case "SELFDESTRUCT" -> selfDestruct(f, context, em, ctx);
            case "DELEGATECALL", "CALLCODE" -> next = Json.optAddress(f, "from", ctx);
            case "STATICCALL" -> next = Json.optAddress(f, "to", ctx);
            default -> throw ctx.fail("unknown call frame type '" + Json.abbreviate(type) + "'");
        }
        JsonNode calls = f.get("calls");
        if (calls == null || calls.isNull()) {
            return;
        }
        if (!calls.isArray()) {
            throw ctx.fail("'calls' is " + Json.describe(calls) + ", expected an array");
        }
        for (int i = 0, n = calls.size(); i < n; i++) {
            JsonNode c = calls.get(i);
            if (!c.isObject()) {
                throw ctx.fail("call frame is " + Json.describe(c) + ", expected an object");
            }
            if (!ParityTraces.hasError(c)) {
                walk(c, false, next, tx, em, ctx);
            }
        }
    }

    private static void selfDestruct(JsonNode f, Address context, Emitter em, Ctx ctx) {
        Address from = Json.optAddress(f, "from", ctx);
        Address to = Json.optAddress(f, "to", ctx);
        String value = Json.optText(f, "value", ctx);
        if (from == null) {
            from = context;
        }
        if (from == null || to == null || value == null) {
            em.note(ctx.where() + ": self-destruct of " + (from == null ? "an unknown contract" : from)
                    + " without beneficiary or value in the trace (old geth callTracer); its balance transfer is unknown");
            return;
        }
        em.ether(TransferKind.SELFDESTRUCT, from, to, Json.quantity(value, "value", ctx));
    }

    private static BigInteger value(JsonNode f, boolean root, TxFacts tx, Ctx ctx) {
        String v = Json.optText(f, "value", ctx);
        BigInteger value = v == null || Json.isZero(v) ? BigInteger.ZERO : Json.quantity(v, "value", ctx);
        if (root && v != null && value.compareTo(tx.value()) != 0) {
            throw ctx.fail("root call moves " + value + " wei but the transaction's value is " + tx.value());
        }
        return value;
    }
}
