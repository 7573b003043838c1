package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.exposure.ExposureFile;
import dev.cordon.intel.exposure.ExposureIndex;
import dev.cordon.intel.exposure.ExposureMaintainer;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The exposure index of {@code <data>/graph} as the CLI keeps it: {@code cordon ingest bitcoin}
 * extends it as blocks are committed ({@link #catchUp}, {@link #save}); {@code cordon intel
 * import/update} rebuild it when the risk labels changed; {@code cordon address}, {@code cordon
 * cluster} and {@code cordon exposure} read it ({@link #read}). Risk labels are the open Bitcoin
 * address labels of {@code <data>/intel}.
 */
public final class ExposureUpkeep {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Path dataDir;
    private final ExposureMaintainer maintainer;
    private long flows;
    private long graphTxs;
    private long cpuNanos;
    private long fromHeight = Long.MIN_VALUE;
    private boolean rebuilt;

    /** @param hops the hop cap of the maintained index */
    public ExposureUpkeep(Path dataDir, int hops) {
        this.dataDir = dataDir;
        this.maintainer = new ExposureMaintainer(folder(dataDir), hops, n -> System.err.println("exposure: " + n));
    }

    /** {@code <data>/graph}. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("graph");
    }

    /** The open Bitcoin risk labels of {@code <data>/intel} (none when there is no label store). */
    public static RiskLabels riskLabels(Path dataDir, ChainStore store) {
        if (!Files.isDirectory(dataDir.resolve(IntelStore.FOLDER))) {
            return RiskLabels.of(Chain.BITCOIN, Map.of(), store);
        }
        try (IntelStore intel = IntelStore.open(dataDir)) {
            return RiskLabels.of(Chain.BITCOIN, intel.labels(), store);
        }
    }

    /** Extends the graph and the index in memory up to the store's checkpoint. */
    public ExposureMaintainer.Step catchUp(ChainStore store) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        ExposureMaintainer.Step s = maintainer.catchUp(store, riskLabels(dataDir, store));
        cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        flows += s.flows();
        graphTxs += s.graphTxs();
        rebuilt |= s.rebuilt();
        if (fromHeight == Long.MIN_VALUE) {
            fromHeight = s.fromHeight();
        }
        return s;
    }

    /** Writes the graph and the index when they changed. */
    public void save() {
        long c0 = THREADS.getCurrentThreadCpuTime();
        maintainer.save();
        cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
    }

    /** The maintainer (graph and index as of the last catch-up). */
    public ExposureMaintainer maintainer() {
        return maintainer;
    }

    /** Counts for the ingest report: heights covered, graph transactions, value flows, CPU time. */
    public Map<String, Object> summary() {
        ExposureIndex x = maintainer.index();
        double cpu = cpuNanos / 1e9;
        Map<String, Object> m = Json.object();
        m.put("from_height", fromHeight);
        m.put("to_height", x.heightCursor());
        m.put("hops", x.hops());
        m.put("risk_labelled_addresses", x.labels().size());
        m.put("rebuilt", rebuilt);
        m.put("graph_transactions", graphTxs);
        m.put("value_flows", flows);
        m.put("exposed_unspent_outputs", x.exposedUnspent());
        m.put("cpu_seconds", Math.round(cpu * 100) / 100.0);
        m.put("value_flows_per_cpu_s", Math.round(flows / Math.max(cpu, 1e-3)));
        return m;
    }

    /**
     * After the labels changed ({@code cordon intel import/update}): when an exposure index
     * exists, brings it up to the store with the new risk labels, which rebuilds it when they
     * differ. When the chain store cannot be opened now (an ingest holds it), the index is left
     * as it is: its labels fingerprint no longer matches, so reads report it as stale and the
     * next ingest or {@code cordon exposure} rebuilds it.
     *
     * @return one line saying what was done, empty when there is no index
     */
    public static Optional<String> afterLabelChange(Path dataDir) {
        Path file = folder(dataDir).resolve(ExposureMaintainer.INDEX_FILE);
        if (!Files.isRegularFile(file) || !Files.isDirectory(ChainStores.location(dataDir))) {
            return Optional.empty();
        }
        try (ChainStore store = ChainStores.openExisting(dataDir)) {
            ExposureUpkeep u = new ExposureUpkeep(dataDir, ExposureFile.header(file).hops());
            ExposureMaintainer.Step s = u.catchUp(store);
            u.save();
            return Optional.of("exposure index " + (s.rebuilt() ? "rebuilt with the new risk labels" : "unchanged (same risk labels)")
                    + ", as of block " + s.toHeight());
        } catch (CordonException e) {
            return Optional.of("exposure index not rebuilt now (" + e.getMessage() + "); reads mark it stale and "
                    + "the next ingest or 'cordon exposure' rebuilds it");
        }
    }

    /**
     * A saved index as read, with why it may not be current.
     *
     * @param index      the index
     * @param storeTip   the chain store's checkpoint height (-1 when empty)
     * @param staleLabels whether the risk labels changed since the index was written
     */
    public record Read(ExposureIndex index, long storeTip, boolean staleLabels) {
        /** Whether the index covers the store and was built with the current labels. */
        public boolean current() {
            return !staleLabels && index.heightCursor() == storeTip;
        }

        /** One line on how current the figures are. */
        public String asOf() {
            return "as of block " + index.heightCursor() + (index.heightCursor() == storeTip ? "" : " (store at " + storeTip + ")")
                    + (staleLabels ? ", risk labels changed since (the next ingest rebuilds it)" : "");
        }
    }

    /**
     * Reads the maintained index without extending it; empty when there is none, or when it
     * cannot be read (damaged, another format), which is said on stderr in one line (the next
     * ingest or {@code cordon exposure} rebuilds it).
     */
    public static Optional<Read> read(Path dataDir, ChainStore store) {
        Path file = folder(dataDir).resolve(ExposureMaintainer.INDEX_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RiskLabels labels = riskLabels(dataDir, store);
        try {
            ExposureFile.Header h = ExposureFile.header(file);
            boolean stale = h.fingerprint() != labels.fingerprint();
            ExposureIndex x = ExposureFile.load(file, stale ? RiskLabels.none(Chain.BITCOIN) : labels, h.hops());
            long tip = store.checkpoint(Chain.BITCOIN).map(Checkpoint::height).orElse(-1L);
            return Optional.of(new Read(x, tip, stale));
        } catch (CordonException e) {
            System.err.println("exposure: " + e.getMessage());
            return Optional.empty();
        }
    }
}
