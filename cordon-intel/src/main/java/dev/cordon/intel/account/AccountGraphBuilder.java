package dev.cordon.intel.account;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.EthBlockInfo;
import dev.cordon.store.EthereumStore;
import java.util.Optional;

/**
 * Fills an {@link AccountGraph} from the Ethereum side of a chain store, and keeps it current:
 * {@link #extend} appends the blocks the store holds beyond the graph (one sequential scan of the
 * store's transfers), {@link #current} also rebuilds a graph that no longer matches the store
 * (after a reorganisation rolled the store back).
 */
public final class AccountGraphBuilder {
    private AccountGraphBuilder() {
    }

    /** A new graph of everything the store holds. */
    public static AccountGraph build(EthereumStore store) {
        AccountGraph g = new AccountGraph();
        extend(g, store);
        return g;
    }

    /**
     * {@code graph} extended to the store's tip, or a new graph when {@code graph} does not match
     * the store any more (its newest block was rolled back or replaced).
     */
    public static AccountGraph current(AccountGraph graph, EthereumStore store) {
        if (!matches(graph, store)) {
            return build(store);
        }
        extend(graph, store);
        return graph;
    }

    /**
     * Appends the flows of the blocks the store holds above the graph's newest block.
     *
     * @return flows added
     * @throws CordonException with {@link ErrorCode#DATA} when the graph does not match the store
     */
    public static long extend(AccountGraph graph, EthereumStore store) {
        if (!matches(graph, store)) {
            throw new CordonException(ErrorCode.DATA, "the account graph ends at block " + graph.lastHeight()
                    + ", which the chain store no longer holds with the same hash; rebuild the graph");
        }
        int before = graph.flowCount();
        long[] block = {-1};
        store.forEachTransfer(graph.lastHeight() + 1, (seq, h, txIndex, kind, from, to, asset, amount) -> {
            if (h != block[0]) {
                addBlock(graph, store, h);
                block[0] = h;
            }
            graph.append(seq, h, txIndex, kind, from, to, asset, amount);
            return true;
        });
        return graph.flowCount() - before;
    }

    private static boolean matches(AccountGraph graph, EthereumStore store) {
        if (graph.lastHeight() < 0) {
            return true;
        }
        Optional<EthBlockInfo> b = store.block(graph.lastHeight());
        return b.isPresent() && graph.lastHash().map(h -> h.equals(b.get().hash())).orElse(false);
    }

    private static void addBlock(AccountGraph graph, EthereumStore store, long h) {
        EthBlockInfo b = store.block(h).orElseThrow(() ->
                new CordonException(ErrorCode.DATA, "transfers of block " + h + " but no block record in the store"));
        graph.block(h, b.time().getEpochSecond(), b.hash());
    }
}
