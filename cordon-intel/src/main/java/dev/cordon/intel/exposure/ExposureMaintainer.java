package dev.cordon.intel.exposure;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.GraphFile;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the Bitcoin graph ({@value #GRAPH_FILE}) and the exposure index ({@value #INDEX_FILE})
 * of one folder current with a chain store, in chain order, as ingest commits blocks.
 *
 * <p>Contract of {@link #catchUp}: the store is flushed first, so the graph and the index never
 * run ahead of its durable checkpoint. On the first call the files are loaded; a graph that is
 * ahead of the store or from another store, or a damaged file, is rebuilt (the reason goes to
 * the notes listener), and so is an index built with other risk labels (their fingerprint), with
 * another hop cap, or on another graph. Then both are extended in memory up to the checkpoint.
 * {@link #save} writes what changed; each file is written to a temporary file and moved into
 * place, and the graph is saved before the index, so a kill at any point leaves files that are
 * behind the store (extended next time) or consistent, never ahead of the store.
 *
 * <p>Not thread-safe: one writer; readers load the files.
 */
public final class ExposureMaintainer {
    /** File name of the graph inside the folder. */
    public static final String GRAPH_FILE = "btc.graph";
    /** File name of the exposure index inside the folder. */
    public static final String INDEX_FILE = "btc.exposure";

    private final Path dir;
    private final int hops;
    private final Consumer<String> notes;
    private UtxoGraph graph;
    private ExposureIndex index;
    private boolean graphChanged;
    private boolean indexChanged;

    /**
     * @param dir   the folder of the two files ({@code <data>/graph})
     * @param hops  the hop cap of the maintained index
     * @param notes told, in one line each, why a file is rebuilt
     */
    public ExposureMaintainer(Path dir, int hops, Consumer<String> notes) {
        this.dir = Objects.requireNonNull(dir, "dir");
        if (hops < 1 || hops > ExposureIndex.MAX_HOPS) {
            throw new CordonException(ErrorCode.USAGE, "exposure hops must be 1.." + ExposureIndex.MAX_HOPS + ": " + hops);
        }
        this.hops = hops;
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    /** What one {@link #catchUp} did. */
    public record Step(long graphTxs, long flows, long fromHeight, long toHeight, boolean rebuilt) {
    }

    /**
     * Brings the graph and the index up to the store's checkpoint, in memory.
     *
     * @param labels the current risk labels (read after the store's last commit)
     * @return transactions added to the graph, value flows applied, heights covered, and whether
     *         the index was rebuilt from the start
     */
    public Step catchUp(ChainStore store, RiskLabels labels) {
        store.flush();
        boolean graphRebuilt = loadGraph(store);
        long added = GraphBuilder.extend(graph, store, n -> { });
        graphChanged |= added > 0;
        boolean rebuilt = loadIndex(labels, graphRebuilt);
        long from = index.heightCursor();
        long tip = store.checkpoint(Chain.BITCOIN).map(Checkpoint::height).orElse(-1L);
        long flows = index.extend(graph, tip);
        indexChanged |= flows > 0 || rebuilt;
        return new Step(added, flows, from, index.heightCursor(), rebuilt);
    }

    private boolean loadGraph(ChainStore store) {
        Path file = dir.resolve(GRAPH_FILE);
        if (graph == null) {
            graph = new UtxoGraph(Chain.BITCOIN);
            if (Files.isRegularFile(file)) {
                try {
                    graph = GraphFile.load(file);
                } catch (CordonException e) {
                    notes.accept(e.getMessage() + "; rebuilding it");
                    graphChanged = true;
                    return true;
                }
            }
        }
        if (!GraphBuilder.sameHistory(graph, store)) {
            notes.accept("the graph " + file + " (" + graph.txCount() + " transactions) is ahead of the chain store ("
                    + store.txCount(Chain.BITCOIN) + ") or was built from another store; rebuilding it");
            graph = new UtxoGraph(Chain.BITCOIN);
            graphChanged = true;
            return true;
        }
        return false;
    }

    /** Loads or rebuilds the index for {@code labels}; true when it starts from nothing. */
    private boolean loadIndex(RiskLabels labels, boolean graphRebuilt) {
        if (index != null && !graphRebuilt && index.labels().fingerprint() == labels.fingerprint()) {
            index.relabel(labels);
            return false;
        }
        Path file = dir.resolve(INDEX_FILE);
        if (index == null && !graphRebuilt && Files.isRegularFile(file)) {
            String why = loadFile(file, labels);
            if (why == null) {
                return false;
            }
            notes.accept(why);
        }
        index = new ExposureIndex(labels, hops);
        return true;
    }

    /** Loads the saved index into {@link #index}; the reason it cannot be used, or null. */
    private String loadFile(Path file, RiskLabels labels) {
        try {
            ExposureFile.Header h = ExposureFile.header(file);
            if (h.fingerprint() != labels.fingerprint() || h.hops() != hops) {
                return "the risk labels or the hop cap changed since " + file + " was written; rebuilding it";
            }
            ExposureIndex x = ExposureFile.load(file, labels, hops);
            if (!x.matches(graph)) {
                return "the exposure index " + file + " (up to block " + x.heightCursor()
                        + ") does not match the graph; rebuilding it";
            }
            index = x;
            return null;
        } catch (CordonException e) {
            return e.getMessage() + "; rebuilding it";
        }
    }

    /** Writes the graph, then the index, when they changed since loaded or last saved. */
    public void save() {
        if (graph != null && graphChanged) {
            GraphFile.save(graph, dir.resolve(GRAPH_FILE));
            graphChanged = false;
        }
        if (index != null && indexChanged) {
            ExposureFile.save(index, dir.resolve(INDEX_FILE));
            indexChanged = false;
        }
    }

    /**
     * The graph as of the last {@link #catchUp}.
     *
     * @throws IllegalStateException before the first catch-up
     */
    public UtxoGraph graph() {
        if (graph == null) {
            throw new IllegalStateException("catchUp first");
        }
        return graph;
    }

    /**
     * The index as of the last {@link #catchUp}.
     *
     * @throws IllegalStateException before the first catch-up
     */
    public ExposureIndex index() {
        if (index == null) {
            throw new IllegalStateException("catchUp first");
        }
        return index;
    }
}
