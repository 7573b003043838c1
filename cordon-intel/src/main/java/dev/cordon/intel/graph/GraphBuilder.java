package dev.cordon.intel.graph;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.BlockInfo;
import dev.cordon.store.ChainStore;
import dev.cordon.store.TxFlow;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Fills a {@link UtxoGraph} from a {@link ChainStore}: one pass over {@link ChainStore#forEachTx}
 * in chain order, so a graph id is the store's {@code txNum} and the store's address ids are
 * kept. Running time O(transactions + inputs + outputs) plus one block lookup per height.
 */
public final class GraphBuilder {
    /** How often, in transactions, the progress listener hears from {@link #extend}. */
    public static final int PROGRESS_EVERY = 1 << 16;

    private GraphBuilder() {
    }

    /** A new graph of everything the store holds for {@code chain}. */
    public static UtxoGraph build(ChainStore store, Chain chain) {
        UtxoGraph g = new UtxoGraph(chain);
        extend(g, store, n -> { });
        return g;
    }

    /**
     * Appends the transactions the store holds beyond the graph's last one.
     *
     * @param progress told the number of transactions appended so far, now and then
     * @return how many transactions were appended
     * @throws CordonException with {@link ErrorCode#DATA} when the graph's last transaction
     *                         does not match the store's (a graph of another store)
     */
    public static long extend(UtxoGraph g, ChainStore store, LongConsumer progress) {
        checkSameHistory(g, store);
        long[] added = {0};
        store.forEachTx(g.chain(), g.txCount(), tx -> {
            append(g, store, tx);
            if (++added[0] % PROGRESS_EVERY == 0) {
                progress.accept(added[0]);
            }
            return true;
        });
        progress.accept(added[0]);
        return added[0];
    }

    private static void append(UtxoGraph g, ChainStore store, TxFlow tx) {
        if (tx.txNum() != g.txCount()) {
            throw new CordonException(ErrorCode.DATA, "store gave transaction " + tx.txNum() + ", graph expected " + g.txCount());
        }
        while (g.blockCount() <= tx.height()) {
            g.blockTime(g.blockCount(), blockTime(store, g.chain(), g.blockCount()));
        }
        g.beginTx(tx.height());
        if (!tx.coinbase()) {
            for (int i = 0, n = tx.inputCount(); i < n; i++) {
                g.spend(Math.toIntExact(tx.inputSpentTxNum(i)), tx.inputSpentVout(i));
            }
        }
        for (int i = 0, n = tx.outputCount(); i < n; i++) {
            g.pay(tx.outputValue(i), tx.outputAddressId(i));
        }
        g.endTx();
    }

    private static long blockTime(ChainStore store, Chain chain, int height) {
        Optional<BlockInfo> b = store.block(chain, height);
        return b.map(info -> info.time().getEpochSecond()).orElse(-1L);
    }

    /**
     * Whether the store holds the graph's history: its last transaction is the store's
     * transaction of that number, at the same height with the same output values. False when the
     * graph is ahead of the store or was built from another store. An empty graph matches.
     */
    public static boolean sameHistory(UtxoGraph g, ChainStore store) {
        int last = g.txCount() - 1;
        if (last < 0) {
            return true;
        }
        Optional<TxFlow> flow = store.txFlow(g.chain(), last);
        boolean same = flow.isPresent() && flow.get().height() == g.height(last)
                && flow.get().outputCount() == g.endOutput(last) - g.firstOutput(last);
        for (int i = 0; same && i < flow.get().outputCount(); i++) {
            same = flow.get().outputValue(i) == g.value(g.firstOutput(last) + i);
        }
        return same;
    }

    private static void checkSameHistory(UtxoGraph g, ChainStore store) {
        if (!sameHistory(g, store)) {
            throw new CordonException(ErrorCode.DATA, "the graph's transaction " + (g.txCount() - 1)
                    + " differs from the store's: the graph was built from another store; rebuild it");
        }
    }
}
