package dev.cordon.bench.intel;

import dev.cordon.bench.Report;
import dev.cordon.bench.bitcoin.Utxo2021Chain;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.intel.exposure.ExposureMaintainer;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.RocksChainStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Exposure maintenance as {@code cordon ingest bitcoin} runs it: 2021-shaped blocks
 * ({@link Utxo2021Chain}) are ingested into a fresh RocksDB store, with an
 * {@link ExposureMaintainer} catch-up every {@code every} transactions and one at the end
 * followed by a save, exactly as the ingest command does. Timed on the ingesting thread (thread
 * CPU time and wall clock), split into the ingest proper and the exposure work (flush, graph
 * extension read from the store, index extension, saving both files). The figure for the goal
 * is value flows (inputs plus outputs) per CPU second of exposure work.
 */
final class ExposureIngestFigures {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ExposureIngestFigures() {
    }

    static void measure(Report report, long seed, int blockCount, int txPerBlock, int every, int hops, int riskyPermille) {
        List<UtxoBlock> blocks = new Utxo2021Chain(seed, txPerBlock).blocks(blockCount);
        long txs = 0;
        long flows = 0;
        for (UtxoBlock b : blocks) {
            txs += b.txs().size();
            for (var tx : b.txs()) {
                flows += tx.inputs().size() + tx.outputs().size();
            }
        }
        RiskLabels labels = ExposureBench.labels(new Random(seed + 1), (int) Math.min(Integer.MAX_VALUE, txs), riskyPermille);
        Path tmp = tempDir();
        try {
            run(blocks.subList(0, Math.max(1, blocks.size() / 5)), tmp.resolve("warm"), labels, every, hops);
            long[] t = run(blocks, tmp.resolve("run"), labels, every, hops);
            double ingestCpu = t[0] / 1e9;
            double exposureCpu = t[1] / 1e9;
            double exposureWall = t[3] / 1e9;
            report.put("ingest_blocks", blocks.size())
                    .put("ingest_transactions", txs)
                    .put("ingest_value_flows", flows)
                    .put("ingest_exposure_every_txs", every)
                    .put("ingest_risk_labelled_addresses", labels.size())
                    .put("ingest_cpu_s", Report.round(ingestCpu))
                    .put("ingest_wall_s", Report.round(t[2] / 1e9))
                    .put("ingest_tx_per_cpu_s", Math.round(txs / ingestCpu))
                    .put("in_ingest_exposure_cpu_s", Report.round(exposureCpu))
                    .put("in_ingest_exposure_wall_s", Report.round(exposureWall))
                    .put("in_ingest_exposure_share_of_cpu", Report.round(exposureCpu / (ingestCpu + exposureCpu)))
                    .put("in_ingest_exposure_value_flows_per_cpu_s", Math.round(flows / exposureCpu))
                    .put("in_ingest_exposure_value_flows_per_s", Math.round(flows / exposureWall))
                    .put("in_ingest_goal_value_flows_per_s", ExposureBench.GOAL_FLOWS_PER_S)
                    .put("in_ingest_meets_goal", flows / exposureCpu >= ExposureBench.GOAL_FLOWS_PER_S);
        } finally {
            delete(tmp);
        }
    }

    /** Ingests with catch-ups; returns ingest CPU, exposure CPU, ingest wall, exposure wall (ns). */
    private static long[] run(List<UtxoBlock> blocks, Path dir, RiskLabels labels, int every, int hops) {
        long[] t = new long[4];
        try (ChainStore store = RocksChainStore.open(dir.resolve("chain"))) {
            BlockIngestor in = new BlockIngestor(store, 0);
            ExposureMaintainer m = new ExposureMaintainer(dir.resolve("graph"), hops, n -> { });
            long since = 0;
            for (UtxoBlock b : blocks) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                in.accept(b);
                t[0] += THREADS.getCurrentThreadCpuTime() - c0;
                t[2] += System.nanoTime() - w0;
                since += b.txs().size();
                if (since >= every) {
                    timed(t, () -> m.catchUp(store, labels));
                    since = 0;
                }
            }
            timed(t, () -> {
                m.catchUp(store, labels);
                m.save();
            });
        }
        return t;
    }

    private static void timed(long[] t, Runnable r) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        r.run();
        t[1] += THREADS.getCurrentThreadCpuTime() - c0;
        t[3] += System.nanoTime() - w0;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cordon-exposure-ingest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
