package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cordon.bitcoin.synth.SyntheticChain;
import dev.cordon.core.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the block decoder and the blk-file reader: whatever the bytes, they
 * either decode or fail with {@link DecodeException}, never anything else. Reproduce a failure with
 * {@code -Dcordon.fuzz.seed=<seed> -Dcordon.fuzz.iterations=<n>}.
 */
class DecoderFuzzTest {
    private static final long SEED = Long.getLong("cordon.fuzz.seed", 0x5eedb10c5L);
    private static final int ITERATIONS = Integer.getInteger("cordon.fuzz.iterations", 20_000);

    @Test
    void decode_mutatedRealBlocks_onlyDecodeException() {
        System.out.println("DecoderFuzzTest seed=" + SEED + " iterations=" + ITERATIONS
                + " (rerun with -Dcordon.fuzz.seed=" + SEED + ")");
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<byte[]> small = smallCorpus();
        List<byte[]> large = new ArrayList<>();
        for (String n : TestData.MAINNET_BLOCKS) {
            large.add(TestData.bytes(n));
        }
        byte[] blk = TestData.bytes(TestData.FIRST_BLOCKS);
        BlockCursor cursor = new BlockCursor();
        BlockDecoder decoder = new BlockDecoder();
        BlkFileReader reader = new BlkFileReader(BitcoinNetwork.MAINNET);
        int decoded = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int pick = rnd.nextInt(100);
            byte[] original = pick < 2 ? large.get(rnd.nextInt(large.size()))
                    : pick < 12 ? blk : small.get(rnd.nextInt(small.size()));
            StringBuilder how = new StringBuilder();
            byte[] input = mutate(original, rnd, how);
            try {
                if (original == blk) {
                    reader.forEachRecord(input, "fuzz", (b, off, len, src, at) -> cursor.parse(b, off, len, src, at));
                } else {
                    decoder.decode(input, "fuzz");
                    decoded++;
                }
            } catch (DecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (Throwable t) {
                fail("seed " + SEED + " iteration " + i + " (" + how + "): " + t, t);
            }
        }
        System.out.println("DecoderFuzzTest: " + decoded + " mutated blocks still decoded");
    }

    @Test
    void classify_randomAndMutatedScripts_neverThrow() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        ScriptClassifier classifier = new ScriptClassifier(BitcoinNetwork.MAINNET);
        byte[][] seeds = {
            dev.cordon.core.Hex.decode("5121030000000000000000000000000000000000000000000000000000000000000000"
                    + "2102000000000000000000000000000000000000000000000000000000000000000052ae", "s"),
            dev.cordon.core.Hex.decode("6a4c0401020304", "s"),
            dev.cordon.core.Hex.decode("0014751e76e8199196d454941c45d1b3a323f1433bd6", "s"),
            dev.cordon.core.Hex.decode("76a914751e76e8199196d454941c45d1b3a323f1433bd688ac", "s"),
        };
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] s = i % 2 == 0 ? mutate(seeds[rnd.nextInt(seeds.length)], rnd, new StringBuilder())
                    : randomScript(rnd);
            try {
                classifier.classify(0, s, 0, s.length);
            } catch (Throwable t) {
                fail("seed " + SEED + " iteration " + i + " script " + dev.cordon.core.Hex.encode(s) + ": " + t, t);
            }
        }
    }

    private static byte[] randomScript(SplittableRandom rnd) {
        byte[] s = new byte[rnd.nextInt(80)];
        rnd.nextBytes(s);
        if (s.length > 0 && rnd.nextBoolean()) {
            s[0] = (byte) (rnd.nextBoolean() ? 0x6a : 0x51 + rnd.nextInt(16));
        }
        return s;
    }

    /** Small real blocks plus a small synthetic segwit block. */
    private static List<byte[]> smallCorpus() {
        List<byte[]> out = new ArrayList<>();
        List<byte[]> first = TestData.firstBlocks();
        for (int i = 0; i < first.size(); i += 40) {
            out.add(first.get(i));
        }
        out.add(first.get(170));
        out.add(TestData.bytes("bitcoinj/block169482.dat"));
        out.add(TestData.bytes("bitcoinj/block227836.dat"));
        TestData.TESTNET_BLOCKS.forEach(n -> out.add(TestData.bytes(n)));
        SyntheticChain chain = new SyntheticChain(7, 12);
        for (int h = 0; h < 4; h++) {
            out.add(chain.nextBlock());
        }
        return out;
    }

    static byte[] mutate(byte[] original, SplittableRandom rnd, StringBuilder how) {
        byte[] b = original.clone();
        int rounds = 1 + rnd.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
            switch (rnd.nextInt(6)) {
                case 0:
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    how.append("flip@").append(at).append(' ');
                    break;
                case 1:
                    b = Arrays.copyOf(b, at);
                    how.append("truncate@").append(at).append(' ');
                    break;
                case 2:
                    b = insert(b, at, rnd.nextInt(1, 16), rnd);
                    how.append("insert@").append(at).append(' ');
                    break;
                case 3:
                    int len = Math.min(b.length - at, rnd.nextInt(1, 64));
                    byte[] cut = new byte[b.length - len];
                    System.arraycopy(b, 0, cut, 0, at);
                    System.arraycopy(b, at + len, cut, at, b.length - at - len);
                    b = cut;
                    how.append("delete@").append(at).append(' ');
                    break;
                case 4:
                    varint(b, at, rnd);
                    how.append("varint@").append(at).append(' ');
                    break;
                default:
                    if (b.length > 0) {
                        b[at] = (byte) rnd.nextInt(256);
                    }
                    how.append("byte@").append(at).append(' ');
                    break;
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, int n, SplittableRandom rnd) {
        byte[] out = new byte[b.length + n];
        System.arraycopy(b, 0, out, 0, at);
        for (int i = 0; i < n; i++) {
            out[at + i] = (byte) rnd.nextInt(256);
        }
        System.arraycopy(b, at, out, at + n, b.length - at);
        return out;
    }

    /** Overwrites a CompactSize-looking prefix with a large or non-canonical one. */
    private static void varint(byte[] b, int at, SplittableRandom rnd) {
        int[] prefixes = {0xfd, 0xfe, 0xff, 0xfc, 0x00};
        if (at < b.length) {
            b[at] = (byte) prefixes[rnd.nextInt(prefixes.length)];
        }
        for (int i = 1; i < 9 && at + i < b.length; i++) {
            b[at + i] = (byte) (rnd.nextBoolean() ? 0xff : rnd.nextInt(256));
        }
    }
}
