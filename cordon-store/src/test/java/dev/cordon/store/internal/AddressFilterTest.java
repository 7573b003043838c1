package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressFilterTest {
    private static final byte[] BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAG = new CheckpointCodec(840_000, new BlockHash(new byte[32]),
            1_000_000_000L, 1_200_000_000).encode();

    @TempDir
    Path dir;

    @Test
    void mightContain_twoMillionAddedKeys_noFalseNegative() {
        int n = 2_000_000;
        AddressFilter f = AddressFilter.withCapacity(n);
        byte[] key = new byte[64];
        Random r = new Random(11);
        for (int i = 0; i < n; i++) {
            f.add(key, 0, randomAddressKey(r, key));
        }
        r = new Random(11);
        int missing = 0;
        for (int i = 0; i < n; i++) {
            int len = randomAddressKey(r, key);
            if (!f.mightContain(key, 0, len) || !f.mightContain(Arrays.copyOf(key, len))) {
                missing++;
            }
        }
        assertThat(missing).isZero();
        assertThat(f.count()).isEqualTo(n);
        assertThat(f.isFull()).isFalse();
    }

    @Test
    void mightContain_atCapacity_falsePositiveRateAtMostOnePointFivePercent() {
        int n = 1_000_000;
        AddressFilter f = AddressFilter.withCapacity(n);
        byte[] key = new byte[64];
        Random added = new Random(21);
        for (int i = 0; i < n; i++) {
            f.add(key, 0, randomAddressKey(added, key));
        }
        Random other = new Random(22);
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (f.mightContain(key, 0, randomAddressKey(other, key))) {
                positives++;
            }
        }
        double rate = positives / (double) n;
        assertThat(rate).isGreaterThan(0).isLessThanOrEqualTo(0.015);
    }

    @Test
    void mightContain_sequentialKeysAtCapacity_falsePositiveRateAtMostOnePointFivePercent() {
        int n = 200_000;
        AddressFilter f = AddressFilter.withCapacity(n);
        for (int i = 0; i < n; i++) {
            f.add(btcKey(String.format("1Seq%08d", i)));
        }
        int positives = 0;
        for (int i = n; i < 2 * n; i++) {
            if (f.mightContain(btcKey(String.format("1Seq%08d", i)))) {
                positives++;
            }
        }
        assertThat(positives / (double) n).isGreaterThan(0).isLessThanOrEqualTo(0.015);
    }

    @Test
    void add_beyondCapacity_isFullAndStillNoFalseNegative() {
        AddressFilter f = AddressFilter.withCapacity(1000);
        byte[] key = new byte[64];
        Random r = new Random(31);
        for (int i = 0; i < 1000; i++) {
            f.add(key, 0, randomAddressKey(r, key));
        }
        assertThat(f.isFull()).isFalse();
        for (int i = 0; i < 3000; i++) {
            f.add(key, 0, randomAddressKey(r, key));
        }
        assertThat(f.isFull()).isTrue();
        assertThat(f.count()).isEqualTo(4000);
        r = new Random(31);
        for (int i = 0; i < 4000; i++) {
            assertThat(f.mightContain(key, 0, randomAddressKey(r, key))).isTrue();
        }
    }

    @Test
    void add_slice_sameAsWholeKey() {
        AddressFilter f = AddressFilter.withCapacity(100);
        byte[] padded = "xx\u0000bc1qslice".getBytes(StandardCharsets.US_ASCII);
        f.add(padded, 2, padded.length - 2);
        assertThat(f.mightContain(Arrays.copyOfRange(padded, 2, padded.length))).isTrue();
    }

    @Test
    void withCapacity_zero_refused() {
        assertThatThrownBy(() -> AddressFilter.withCapacity(0)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).code()).isEqualTo(ErrorCode.USAGE));
    }

    @Test
    void build_storeWithTwoChains_holdsExactlyTheChainsKeys() {
        MemoryKeyValueStore kv = new MemoryKeyValueStore();
        KeyValueStore.Batch batch = kv.newBatch();
        byte[] key = new byte[64];
        Random r = new Random(41);
        List<byte[]> btc = new ArrayList<>();
        List<byte[]> eth = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = Arrays.copyOf(key, randomAddressKey(r, key));
            btc.add(b);
            byte[] e = b.clone();
            e[0] = (byte) Chain.ETHEREUM.id();
            eth.add(e);
            batch.put(Column.ADDRESS_ID_BY_TEXT, b, FixedCodecs.int4(i));
            batch.put(Column.ADDRESS_ID_BY_TEXT, e, FixedCodecs.int4(i));
            batch.put(Column.ADDRESS_SUMMARY, Keys.summary(Chain.BITCOIN, i, 0), b);
        }
        kv.commit(batch);

        AddressFilter f = AddressFilter.build(kv, Chain.BITCOIN, 20_000);

        assertThat(f.count()).isEqualTo(20_000);
        assertThat(btc).allMatch(f::mightContain);
        assertThat(eth.stream().filter(f::mightContain).count()).isLessThanOrEqualTo(300);
    }

    @Test
    void save_thenLoad_sameAnswersAndSameBytes() throws IOException {
        AddressFilter f = filledFilter(50_000, 51);
        Path file = dir.resolve("btc.addrfilter");
        f.save(file, TAG);

        Optional<AddressFilter> loaded = AddressFilter.load(file, TAG);

        assertThat(loaded).isPresent();
        AddressFilter g = loaded.get();
        assertThat(g.count()).isEqualTo(f.count());
        assertThat(g.capacity()).isEqualTo(f.capacity());
        byte[] key = new byte[64];
        Random r = new Random(52);
        for (int i = 0; i < 200_000; i++) {
            int len = randomAddressKey(r, key);
            assertThat(g.mightContain(key, 0, len)).isEqualTo(f.mightContain(key, 0, len));
        }
        assertThat(resaved(g)).isEqualTo(Files.readAllBytes(file));
        assertThat(dir.toFile().list()).containsExactly("btc.addrfilter");
    }

    @Test
    void save_overExistingFile_replacesIt() {
        Path file = dir.resolve("btc.addrfilter");
        filledFilter(100, 61).save(file, TAG);
        AddressFilter f = filledFilter(1000, 62);
        f.save(file, new byte[] {7});

        assertThat(AddressFilter.load(file, TAG)).isEmpty();
        assertThat(AddressFilter.load(file, new byte[] {7})).get().extracting(AddressFilter::count).isEqualTo(1000L);
    }

    @Test
    void load_otherTag_empty() {
        Path file = dir.resolve("btc.addrfilter");
        filledFilter(1000, 71).save(file, TAG);
        byte[] changed = TAG.clone();
        changed[changed.length - 1] ^= 1;

        assertThat(AddressFilter.load(file, changed)).isEmpty();
        assertThat(AddressFilter.load(file, Arrays.copyOf(TAG, TAG.length - 1))).isEmpty();
        assertThat(AddressFilter.load(file, Arrays.copyOf(TAG, TAG.length + 1))).isEmpty();
        assertThat(AddressFilter.load(file, new byte[0])).isEmpty();
    }

    @Test
    void load_missingFile_empty() {
        assertThat(AddressFilter.load(dir.resolve("absent"), TAG)).isEmpty();
        assertThat(AddressFilter.load(dir, TAG)).isEmpty();
    }

    @Test
    void load_everyHeaderByteFlipped_empty() throws IOException {
        Path file = dir.resolve("f");
        filledFilter(1000, 81).save(file, TAG);
        byte[] good = Files.readAllBytes(file);
        int header = 16 + TAG.length + 20;
        for (int i = 0; i < header; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) 0x80;
            Files.write(file, bad);
            assertThat(AddressFilter.load(file, TAG)).as("byte %d flipped", i).isEmpty();
        }
    }

    @Test
    void load_mutatedFile_neverThrowsAndNeverMisreads() throws IOException {
        Path file = dir.resolve("f");
        filledFilter(2000, 91).save(file, TAG);
        byte[] good = Files.readAllBytes(file);
        Random r = new Random(92);
        for (int round = 0; round < 3000; round++) {
            byte[] bad = mutate(good, r);
            Files.write(file, bad);
            Optional<AddressFilter> loaded = AddressFilter.load(file, TAG);
            if (loaded.isPresent()) {
                assertThat(resaved(loaded.get())).as("round %d", round).isEqualTo(good);
            }
        }
    }

    /**
     * Pins format {@value AddressFilter#VERSION}, hash included: a failure means files saved by
     * an older build would be misread. Bump the version instead of editing this.
     */
    @Test
    void save_fixedKeys_goldenBytes() throws IOException {
        AddressFilter f = AddressFilter.withCapacity(40);
        f.add(Keys.addressText(new Address(Chain.BITCOIN, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")));
        f.add(Keys.addressText(new Address(Chain.BITCOIN, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")));
        f.add(Keys.addressText(new Address(Chain.BITCOIN, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")));
        Path file = dir.resolve("golden");
        f.save(file, new byte[] {1, 2, 3});

        // magic, version 1, tag length 3, tag, capacity 40, 1 block, 3 keys, 8 words, CRC32C
        assertThat(Hex.encode(Files.readAllBytes(file))).isEqualTo("4352444e41444446" + "01000000" + "03000000" + "010203"
                + "2800000000000000" + "01000000" + "0300000000000000"
                + "00000024000000010000041000000000000c0000000040000000010180000000"
                + "0008000000002000200000000002020000000000080028000000010001002000"
                + "03f5a8fa");
    }

    private static byte[] mutate(byte[] good, Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return Arrays.copyOf(good, r.nextInt(good.length));
            case 1: {
                byte[] longer = Arrays.copyOf(good, good.length + 1 + r.nextInt(100));
                for (int i = good.length; i < longer.length; i++) {
                    longer[i] = (byte) r.nextInt(256);
                }
                return longer;
            }
            default: {
                byte[] bad = good.clone();
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return bad;
            }
        }
    }

    private byte[] resaved(AddressFilter f) throws IOException {
        Path again = dir.resolve("resaved");
        f.save(again, TAG);
        byte[] bytes = Files.readAllBytes(again);
        Files.delete(again);
        return bytes;
    }

    private static AddressFilter filledFilter(int n, long seed) {
        AddressFilter f = AddressFilter.withCapacity(n);
        byte[] key = new byte[64];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            f.add(key, 0, randomAddressKey(r, key));
        }
        return f;
    }

    private static byte[] btcKey(String text) {
        return Keys.addressText(new Address(Chain.BITCOIN, text));
    }

    /**
     * Writes a Bitcoin {@link Keys#addressText} key of a random address into {@code key}: P2PKH,
     * P2SH, P2WPKH or P2TR shaped, 35 to 63 bytes; returns its length.
     */
    private static int randomAddressKey(Random r, byte[] key) {
        key[0] = (byte) Chain.BITCOIN.id();
        switch (r.nextInt(4)) {
            case 0:
                return fill(r, key, "1", 33 + r.nextInt(2), BASE58);
            case 1:
                return fill(r, key, "3", 33, BASE58);
            case 2:
                return fill(r, key, "bc1q", 38, BECH32);
            default:
                return fill(r, key, "bc1p", 58, BECH32);
        }
    }

    private static int fill(Random r, byte[] key, String prefix, int chars, byte[] alphabet) {
        int p = 1;
        for (int i = 0; i < prefix.length(); i++) {
            key[p++] = (byte) prefix.charAt(i);
        }
        for (int i = 0; i < chars; i++) {
            key[p++] = alphabet[r.nextInt(alphabet.length)];
        }
        return p;
    }
}
