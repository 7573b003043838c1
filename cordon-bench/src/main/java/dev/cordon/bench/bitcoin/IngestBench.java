package dev.cordon.bench.bitcoin;

import dev.cordon.bitcoin.BlockDecoder;
import dev.cordon.bitcoin.synth.SyntheticChain;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.RocksChainStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ingest throughput of the RocksDB store: decoded blocks, already in memory, through a
 * {@link BlockIngestor} into a new store, timed from the first block to the closed (flushed)
 * store. Decoding is not timed. A warm-up ingest of the first half of the input into a throw-away
 * store runs first so the JIT has compiled the write path.
 */
public final class IngestBench {
    /**
     * System property: the warm-up's share of the blocks, in percent (default 50). With a fifth,
     * C2 still compiled for 0.6-1.2 s of the timed ingest of 300 blocks; with 60%, for 0.2 s.
     */
    public static final String WARM_UP_PROPERTY = "cordon.bench.warmPercent";

    private IngestBench() {
    }

    /**
     * Ingests {@code blocks} (in chain order) into a new store under {@code tmpDir}, which is
     * deleted afterwards.
     *
     * @return tx_per_s, blocks_per_s, seconds, blocks, txs, inputs, outputs, disk_bytes and
     *         disk_bytes_per_tx (the closed store's files); cpu_seconds is the process's CPU time
 *         over all threads (RocksDB's background threads included), writer_cpu_seconds that of
 *         the ingesting thread alone, and tx_per_cpu_s the
 *         throughput per busy core, which a busy machine affects less than the wall clock
     */
    public static Map<String, Object> measureIngest(List<UtxoBlock> blocks, Path tmpDir) {
        long txs = 0;
        long inputs = 0;
        long outputs = 0;
        for (UtxoBlock b : blocks) {
            txs += b.txs().size();
            for (var tx : b.txs()) {
                inputs += tx.inputs().size();
                outputs += tx.outputs().size();
            }
        }
        Path warm = tmpDir.resolve("ingest-warmup");
        ingest(blocks.subList(0, Math.max(1, blocks.size() * Integer.getInteger(WARM_UP_PROPERTY, 50) / 100)), warm,
                new HashMap<>());
        delete(warm);
        Path dir = tmpDir.resolve("ingest");
        Map<Integer, ThreadTicks.Ticks> threads0 = ThreadTicks.snapshot();
        long cpu0 = processCpuNanos();
        long writer0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Map<Integer, ThreadTicks.Ticks> beforeClose = new HashMap<>();
        double closeSeconds = ingest(blocks, dir, beforeClose);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        double writerCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - writer0) / 1e9;
        Map<String, Double> threadCpu = ThreadTicks.secondsSince(threads0, beforeClose);
        long bytes = sizeOf(dir);
        if (!Boolean.getBoolean("cordon.bench.keep")) {
            delete(dir);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tx_per_s", Math.round(txs / s));
        m.put("blocks_per_s", Math.round(blocks.size() / s * 10) / 10.0);
        m.put("seconds", Math.round(s * 100) / 100.0);
        m.put("close_seconds", Math.round(closeSeconds * 100) / 100.0);
        m.put("cpu_seconds", Math.round(cpu * 100) / 100.0);
        m.put("writer_cpu_seconds", Math.round(writerCpu * 100) / 100.0);
        m.put("tx_per_cpu_s", Math.round(txs / cpu));
        m.put("blocks", blocks.size());
        m.put("txs", txs);
        m.put("inputs", inputs);
        m.put("outputs", outputs);
        m.put("disk_bytes", bytes);
        m.put("disk_bytes_per_tx", Math.round((double) bytes / Math.max(1, txs)));
        if (!threadCpu.isEmpty()) {
            m.put("thread_cpu_seconds", threadCpu);
        }
        return m;
    }

    /**
     * Ingests, returning the seconds spent closing the store (the last groups and the final flush);
     * {@code beforeClose} receives the threads' CPU ticks just before the close, which stops the
     * store's commit thread.
     */
    private static double ingest(List<UtxoBlock> blocks, Path dir, Map<Integer, ThreadTicks.Ticks> beforeClose) {
        ChainStore store = RocksChainStore.open(dir);
        try {
            BlockIngestor in = new BlockIngestor(store, 0);
            for (UtxoBlock b : blocks) {
                in.accept(b);
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        beforeClose.putAll(ThreadTicks.snapshot());
        long t = System.nanoTime();
        store.close();
        return (System.nanoTime() - t) / 1e9;
    }

    /** Decodes every block of a {@link SyntheticChain} of {@code count} blocks. */
    public static List<UtxoBlock> syntheticBlkChain(long seed, int count, int txPerBlock) {
        SyntheticChain chain = new SyntheticChain(seed, txPerBlock);
        BlockDecoder decoder = new BlockDecoder();
        List<UtxoBlock> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(decoder.decode(chain.nextBlock(), "synthetic block " + i));
        }
        return out;
    }

    /**
     * Arguments: input ({@code reuse} for {@link Utxo2021Chain}, {@code blk} for
     * {@link SyntheticChain}), block count, transactions per block, temporary directory.
     */
    public static void main(String[] args) throws IOException {
        String input = args.length > 0 ? args[0] : "reuse";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int txPerBlock = args.length > 2 ? Integer.parseInt(args[2]) : 2_300;
        Path tmp = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("cordon-ingest");
        List<UtxoBlock> blocks = input.equals("blk") ? syntheticBlkChain(42, count, txPerBlock)
                : new Utxo2021Chain(42, txPerBlock).blocks(count);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        m.putAll(measureIngest(blocks, tmp));
        m.forEach((k, v) -> System.out.println(k + " " + v));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
