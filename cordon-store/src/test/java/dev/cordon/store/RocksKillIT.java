package dev.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Chain;
import dev.cordon.core.utxo.UtxoBlock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a JVM ingesting into a RocksDB store at seeded random points of its run (after
 * a seeded number of accepted blocks, read from its progress output), finishes the
 * ingest, and checks the store is byte for byte what an uninterrupted run gives.
 */
class RocksKillIT {
    private static final int BLOCKS = 300;
    private static final int TXS_PER_BLOCK = 20;
    private static final int KILLS = 4;

    @TempDir
    Path dir;

    static List<UtxoBlock> input(long seed, int blocks, int txsPerBlock) {
        return ChainGenerator.outOfOrder(new ChainGenerator(seed, 500).blocks(blocks, txsPerBlock), 8, seed);
    }

    @Test
    void ingest_killedAtRandomMoments_sameStoreAsUninterruptedRun() throws Exception {
        long seed = Long.getLong("cordon.test.seed", System.nanoTime());
        System.out.println("RocksKillIT seed " + seed + " (rerun with -Dcordon.test.seed=" + seed + ")");
        String expected;
        try (ChainStore reference = MemoryChainStore.create()) {
            BlockIngestor in = new BlockIngestor(reference, 1000);
            input(seed, BLOCKS, TXS_PER_BLOCK).forEach(in::accept);
            assertThat(in.report().waiting()).isEmpty();
            expected = reference.contentDigest();
        }
        Random r = new Random(seed);
        int[] killAt = r.ints(KILLS, BLOCKS / 3, BLOCKS - 40).sorted().toArray();
        List<Long> heightsAtKill = new ArrayList<>();
        for (int target : killAt) {
            Process p = ingestProcess(seed, 5);
            killWhenAccepted(p, target);
            try (ChainStore s = RocksChainStore.open(dir, 8 << 20)) {
                heightsAtKill.add(s.checkpoint(Chain.BITCOIN).map(Checkpoint::height).orElse(-1L));
            }
        }
        System.out.println("RocksKillIT tip heights after each kill: " + heightsAtKill);
        Process last = ingestProcess(seed, 0);
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
        try (ChainStore s = RocksChainStore.open(dir, 8 << 20)) {
            assertThat(s.blockCount(Chain.BITCOIN)).isEqualTo(BLOCKS);
            assertThat(s.contentDigest()).isEqualTo(expected);
        }
        assertThat(heightsAtKill).as("at least one kill landed mid-ingest")
                .anyMatch(h -> h >= 0 && h < BLOCKS - 1);
    }

    /** Reads the child's progress lines and SIGKILLs it once it has accepted {@code target} blocks. */
    private void killWhenAccepted(Process p, int target) throws Exception {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("accepted ") && Integer.parseInt(line.substring(9)) >= target) {
                    break;
                }
            }
            if (line == null) {
                p.waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("the ingest process ended before accepting " + target + " blocks (exit "
                        + p.exitValue() + "): " + Files.readString(errorLog()));
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Path errorLog() {
        return dir.getParent().resolve("ingest-" + dir.getFileName() + ".err");
    }

    private Process ingestProcess(long seed, int pauseMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m",
                "-D" + dev.cordon.store.internal.RocksKeyValueStore.DEFERRED_SYNC_PROPERTY + "=0", "-XX:TieredStopAtLevel=1", "-cp", cp,
                IngestMain.class.getName(), dir.toString(), Long.toString(seed), Integer.toString(BLOCKS),
                Integer.toString(TXS_PER_BLOCK), Integer.toString(pauseMillis));
        pb.redirectError(errorLog().toFile());
        return pb.start();
    }
}
