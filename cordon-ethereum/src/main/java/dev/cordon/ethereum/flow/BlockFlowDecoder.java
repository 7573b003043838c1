package dev.cordon.ethereum.flow;

import dev.cordon.core.account.EthBlockFlows;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.TransferKind;
import dev.cordon.ethereum.flow.internal.Ctx;
import dev.cordon.ethereum.flow.internal.Emitter;
import dev.cordon.ethereum.flow.internal.Fees;
import dev.cordon.ethereum.flow.internal.GethTraces;
import dev.cordon.ethereum.flow.internal.Json;
import dev.cordon.ethereum.flow.internal.LogDecoder;
import dev.cordon.ethereum.flow.internal.ParityTraces;
import dev.cordon.ethereum.flow.internal.ReceiptFacts;
import dev.cordon.ethereum.flow.internal.TxFacts;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * Decodes one block's JSON-RPC results into its value flows.
 *
 * <h2>Design notes</h2>
 * Input is the Jackson tree of {@code eth_getBlockByNumber(n, true)}, the block's receipts (from
 * {@code eth_getBlockReceipts} or one {@code eth_getTransactionReceipt} per transaction, in
 * transaction order) and, optionally, its traces in either dialect. Each transaction yields, in
 * this order of positions:
 * <ol>
 *   <li>its gas fee, paid whether or not it succeeded ({@link Fees});</li>
 *   <li>if it succeeded, the ether it moved: with traces, every value-carrying call, create and
 *       self-destruct depth first, reverted subtrees left out; without traces, only the
 *       transaction's own value (internal calls are then invisible);</li>
 *   <li>if it succeeded, its token movements in log order ({@link LogDecoder}).</li>
 * </ol>
 * Successful transactions' THORChain router {@code Deposit} events become the block's bridge
 * deposits ({@link dev.cordon.ethereum.flow.internal.RouterDeposits}), numbered by their
 * block-wide log index.
 * Success comes from the receipt's {@code status}; when a trace is given its root call must
 * agree, and a disagreement is a {@link DecodeException}, never a guess. Receipts and traces must
 * name the block's hash and transactions, so that results fetched across a reorganisation are
 * caught. Every field is checked strictly: malformed node output throws
 * {@link DecodeException}; odd event logs (chosen by arbitrary contracts) are skipped. Field
 * errors build their messages lazily ({@link Ctx}); the only per-transfer allocations are the
 * transfer, its amount and its addresses. Thread-safe: holds no mutable state.
 */
public final class BlockFlowDecoder {
    private final LogDecoder logs;

    /** Decodes WETH9 mainnet {@code Deposit}/{@code Withdrawal} as wraps. */
    public BlockFlowDecoder() {
        this(LogDecoder.WETH9);
    }

    /** @param wrappedNative the wrapped-ether contract of the chain (WETH9 on mainnet) */
    public BlockFlowDecoder(Address wrappedNative) {
        this.logs = new LogDecoder(Objects.requireNonNull(wrappedNative, "wrappedNative"));
    }

    /**
     * @param block    {@code eth_getBlockByNumber} result with full transaction objects
     * @param receipts array of receipts in transaction order
     * @param dialect  the dialect of {@code traces}; {@link TraceDialect#NONE} ignores them
     * @param traces   {@code trace_block} or {@code debug_traceBlockByNumber} result; may be
     *                 {@code null} with {@link TraceDialect#NONE}
     * @throws DecodeException naming the block, transaction and field on any malformed or
     *                         inconsistent input; never any other exception
     */
    public EthBlockFlows decode(JsonNode block, JsonNode receipts, TraceDialect dialect, JsonNode traces) {
        Ctx ctx = new Ctx();
        if (block == null || !block.isObject()) {
            throw new DecodeException("block", -1, "block is " + describe(block) + ", expected an object");
        }
        try {
            return decodeChecked(block, receipts, dialect, traces, ctx);
        } catch (DecodeException e) {
            throw e;
        } catch (CordonException e) {
            throw ctx.fail(e.getMessage(), e);
        }
    }

    private EthBlockFlows decodeChecked(JsonNode block, JsonNode receipts, TraceDialect dialect, JsonNode traces,
                                        Ctx ctx) {
        long height = Json.quantityLong(block, "number", ctx);
        ctx.block(height);
        String hashText = Json.text(block, "hash", ctx);
        BlockHash hash = Json.blockHash(hashText, "hash", ctx);
        BlockHash parent = Json.blockHash(Json.text(block, "parentHash", ctx), "parentHash", ctx);
        Instant time = Instant.ofEpochSecond(Json.quantityLong(block, "timestamp", ctx));
        Address miner = Json.optAddress(block, "miner", ctx);
        if (miner == null) {
            miner = Json.address(block, "author", ctx);
        }
        BigInteger baseFee = Json.optQuantity(block, "baseFeePerGas", ctx);
        JsonNode txs = Json.array(block, "transactions", ctx);
        int n = txs.size();
        if (receipts == null || !receipts.isArray() || receipts.size() != n) {
            throw ctx.fail("expected " + n + " receipts, got " + (receipts != null && receipts.isArray()
                    ? receipts.size() : describe(receipts)));
        }
        ParityTraces parity = dialect == TraceDialect.PARITY ? ParityTraces.index(traces, n, hashText, ctx) : null;
        GethTraces geth = dialect == TraceDialect.GETH ? GethTraces.of(traces, n, ctx) : null;
        Emitter em = new Emitter(height);
        int unknownStatus = 0;
        for (int i = 0; i < n; i++) {
            TxFacts tx = TxFacts.parse(txs.get(i), i, ctx);
            ReceiptFacts rc = ReceiptFacts.parse(receipts.get(i), tx, hashText, ctx);
            em.beginTx(tx.id(), i);
            Fees.emit(tx, rc, baseFee, miner, em, ctx);
            unknownStatus += transaction(tx, rc, parity, geth, em, ctx) ? 0 : 1;
        }
        ctx.noTx();
        if (unknownStatus > 0) {
            em.note(ctx.where() + ": " + unknownStatus + " receipts carry no status (before Byzantium) and no traces"
                    + " were given; their values are counted as sent");
        }
        return new EthBlockFlows(height, hash, parent, time, miner, n, em.transfers(), em.creations(), em.notes(),
                em.deposits());
    }

    /**
     * Emits the value and token flows of a transaction whose fee is already emitted.
     *
     * @return false when its status is unknown (no receipt status and no trace)
     */
    private boolean transaction(TxFacts tx, ReceiptFacts rc, ParityTraces parity, GethTraces geth, Emitter em,
                                Ctx ctx) {
        boolean ok;
        if (parity != null || geth != null) {
            ok = parity != null ? parity.decodeTx(tx, em, ctx) : geth.decodeTx(tx, em, ctx);
            if (rc.status() != null && rc.status() != ok) {
                throw ctx.fail("receipt status says " + (rc.status() ? "success" : "failure")
                        + " but the root trace " + (ok ? "has no error" : "failed"));
            }
        } else {
            ok = rc.status() == null || rc.status();
            if (ok) {
                ownValue(tx, rc, em);
            }
        }
        if (ok) {
            logs.decode(rc.logs(), em, ctx);
        } else if (rc.logs().size() != 0) {
            throw ctx.fail("a failed transaction's receipt holds " + rc.logs().size() + " logs");
        }
        return rc.status() != null || parity != null || geth != null;
    }

    private static void ownValue(TxFacts tx, ReceiptFacts rc, Emitter em) {
        if (tx.to() != null) {
            em.ether(TransferKind.NATIVE, tx.from(), tx.to(), tx.value());
        } else if (rc.contractAddress() != null) {
            em.creation(tx.from(), rc.contractAddress());
            em.ether(TransferKind.CREATE, tx.from(), rc.contractAddress(), tx.value());
        }
    }

    private static String describe(JsonNode n) {
        return n == null ? "missing" : n.isNull() ? "null" : "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
