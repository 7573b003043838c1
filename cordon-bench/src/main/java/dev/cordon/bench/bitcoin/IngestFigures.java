package dev.cordon.bench.bitcoin;

import dev.cordon.bench.bitcoin.RealBlocks.BlockSet;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.bitcoin.BlockDecoder;
import dev.cordon.bitcoin.synth.SyntheticChain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.utxo.UtxoBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ingest figures for {@code bitcoin-parse}: blocks decoded to {@link UtxoBlock}s, then appended
 * to a fresh RocksDB store by {@link IngestBench#measureIngest} (which times the ingest alone,
 * decoded blocks in memory, until the store is closed). Every directory is created under a fresh temporary
 * directory that is deleted afterwards.
 */
final class IngestFigures {
    private IngestFigures() {
    }

    /**
     * Writes a synthetic chain of {@code blocks} blocks as blk files, decodes them with
     * {@link BlkFileReader#forEachBlock} (one thread, file reads included) and ingests them.
     *
     * @return figures keyed {@code synthetic_*} and {@code ingest_*}
     */
    static Map<String, Object> synthetic(long seed, int blocks, int txPerBlock) throws IOException {
        Path tmp = Files.createTempDirectory("cordon-bitcoin-parse");
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            SyntheticChain.Stats stats = SyntheticChain.generate(tmp.resolve("blocks"), seed, blocks, txPerBlock);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            List<UtxoBlock> decoded = new ArrayList<>(blocks);
            long t1 = System.nanoTime();
            new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(tmp.resolve("blocks"), decoded::add);
            double decodeSeconds = (System.nanoTime() - t1) / 1e9;
            delete(tmp.resolve("blocks"));
            m.put("synthetic_blocks", stats.blocks());
            m.put("synthetic_txs", stats.txs());
            m.put("synthetic_inputs", stats.inputs());
            m.put("synthetic_outputs", stats.outputs());
            m.put("synthetic_blk_bytes", stats.bytes());
            m.put("synthetic_generate_seconds", Math.round(genSeconds * 100) / 100.0);
            m.put("synthetic_decode_mb_per_s", Throughput.round1(stats.bytes() / decodeSeconds / 1e6));
            m.put("synthetic_decode_tx_per_s", Math.round(stats.txs() / decodeSeconds));
            Map<String, Object> ingest = measure(decoded, tmp);
            putPrefixed(m, "ingest_", ingest);
            if (ingest.get("seconds") instanceof Number s) {
                m.put("blk_to_store_tx_per_s", Math.round(stats.txs() / (decodeSeconds + s.doubleValue())));
            }
            return m;
        } finally {
            delete(tmp);
        }
    }

    /**
     * Generates {@code blocks} blocks of {@link Utxo2021Chain} in memory and ingests them
     * {@code rounds} times, each time into a fresh store. The figures are those of the median
     * round by tx/s, so that they belong together; {@code tx_per_s_rounds} lists every round's
     * tx/s in run order and {@code tx_per_s_min_max} their range. The machine's speed can drift
     * by a quarter within minutes: one round alone says little.
     *
     * @return figures keyed {@code reuse_ingest_*}
     */
    static Map<String, Object> reuse(long seed, int blocks, int txPerBlock, int rounds) throws IOException {
        Path tmp = Files.createTempDirectory("cordon-bitcoin-parse");
        try {
            List<UtxoBlock> chain = new Utxo2021Chain(seed, txPerBlock).blocks(blocks);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                runs.add(measure(chain, tmp));
            }
            List<Map<String, Object>> byRate = new ArrayList<>(runs);
            byRate.sort(Comparator.comparingLong(IngestFigures::txPerS));
            Map<String, Object> m = new LinkedHashMap<>();
            putPrefixed(m, "reuse_ingest_", byRate.get((byRate.size() - 1) / 2));
            m.put("reuse_ingest_rounds", rounds);
            m.put("reuse_ingest_tx_per_s_rounds", runs.stream().map(IngestFigures::txPerS).toList());
            m.put("reuse_ingest_tx_per_s_min_max", List.of(txPerS(byRate.get(0)), txPerS(byRate.get(byRate.size() - 1))));
            return m;
        } finally {
            delete(tmp);
        }
    }

    private static long txPerS(Map<String, Object> run) {
        return ((Number) run.get("tx_per_s")).longValue();
    }

    /** Ingests real blocks (which must start at the genesis block), figures keyed {@code real_ingest_*}. */
    static Map<String, Object> real(BlockSet set) throws IOException {
        Path tmp = Files.createTempDirectory("cordon-bitcoin-parse");
        try {
            BlockDecoder d = new BlockDecoder();
            List<UtxoBlock> decoded = new ArrayList<>(set.blocks().size());
            for (byte[] b : set.blocks()) {
                decoded.add(d.decode(b, set.name()));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            putPrefixed(m, "real_ingest_", measure(decoded, tmp));
            return m;
        } finally {
            delete(tmp);
        }
    }

    /**
     * {@link IngestBench#measureIngest}, plus MB/s of serialized block (10^6 bytes) and
     * {@code cores_busy} when it reports CPU time.
     */
    private static Map<String, Object> measure(List<UtxoBlock> blocks, Path tmp) {
        Map<String, Object> m = new LinkedHashMap<>(IngestBench.measureIngest(blocks, tmp));
        long bytes = blocks.stream().mapToLong(UtxoBlock::size).sum();
        if (m.get("seconds") instanceof Number wall && wall.doubleValue() > 0) {
            m.put("mb_per_s", Throughput.round1(bytes / wall.doubleValue() / 1e6));
        }
        if (m.get("cpu_seconds") instanceof Number cpu && cpu.doubleValue() > 0) {
            m.put("mb_per_cpu_s", Throughput.round1(bytes / cpu.doubleValue() / 1e6));
        }
        if (m.get("cpu_seconds") instanceof Number cpu && m.get("seconds") instanceof Number wall && wall.doubleValue() > 0) {
            m.put("cores_busy", Math.round(cpu.doubleValue() / wall.doubleValue() * 100) / 100.0);
        }
        return m;
    }

    private static void putPrefixed(Map<String, Object> into, String prefix, Map<String, Object> from) {
        from.forEach((k, v) -> into.put(prefix + k, v));
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot delete temporary directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
