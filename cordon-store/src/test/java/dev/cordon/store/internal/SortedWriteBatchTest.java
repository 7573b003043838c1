package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Hex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedWriteBatchTest {

    @Test
    void serialize_twoColumns_writeBatchRecordsSortedPerColumn() {
        SortedWriteBatch b = new SortedWriteBatch(256);
        b.put(Column.SPENDS, new byte[] {2}, new byte[] {9});
        b.put(Column.META, new byte[] {5, 1}, new byte[] {7, 7});
        b.put(Column.SPENDS, new byte[] {1}, new byte[0]);
        b.delete(Column.META, new byte[] {4});
        byte[] rep = b.serialize(c -> c == Column.META ? 1 : 200);
        // header: sequence 0, count 4; META (family 1): delete 04, put 0501=0707; SPENDS (family
        // 200, varint c801): put 01=empty, put 02=09
        assertThat(Hex.encode(rep)).isEqualTo("0000000000000000" + "04000000"
                + "04" + "01" + "0104"
                + "05" + "01" + "020501" + "020707"
                + "05" + "c801" + "0101" + "00"
                + "05" + "c801" + "0102" + "0109");
    }

    @Test
    void serialize_sameKeyTwice_keepsWriteOrder() {
        SortedWriteBatch b = new SortedWriteBatch(256);
        b.put(Column.META, new byte[] {3}, new byte[] {1});
        b.put(Column.META, new byte[] {2}, new byte[] {0});
        b.put(Column.META, new byte[] {3}, new byte[] {2});
        assertThat(Hex.encode(b.serialize(c -> 1))).isEqualTo("0000000000000000" + "03000000"
                + "050101020100" + "050101030101" + "050101030102");
    }

    @Test
    void rollbackToSavePoint_dropsLaterWritesOnly() {
        SortedWriteBatch b = new SortedWriteBatch(256);
        b.put(Column.META, new byte[] {1}, new byte[] {1});
        b.setSavePoint();
        b.put(Column.META, new byte[] {0}, new byte[] {2});
        b.put(Column.SPENDS, new byte[] {0}, new byte[] {3});
        b.rollbackToSavePoint();
        assertThat(Hex.encode(b.serialize(c -> 1))).isEqualTo("0000000000000000" + "01000000" + "0501010101" + "01");
    }

    @Test
    void serialize_randomKeys_matchesReferenceStableSort() {
        long seed = Long.getLong("cordon.test.seed", System.nanoTime());
        System.out.println("SortedWriteBatchTest seed " + seed + " (rerun with -Dcordon.test.seed=" + seed + ")");
        Random r = new Random(seed);
        for (int round = 0; round < 20; round++) {
            SortedWriteBatch b = new SortedWriteBatch(256);
            List<byte[][]> entries = new ArrayList<>();
            int n = r.nextInt(3000);
            for (int i = 0; i < n; i++) {
                byte[] key = new byte[1 + r.nextInt(12)];
                for (int k = 0; k < key.length; k++) {
                    key[k] = (byte) (r.nextInt(4) * 60);
                }
                byte[] value = new byte[r.nextInt(200)];
                r.nextBytes(value);
                b.put(Column.TX_RECORD, key, value);
                entries.add(new byte[][] {key, value});
            }
            assertThat(Hex.encode(b.serialize(c -> 3))).as("round %d, %d entries", round, n)
                    .isEqualTo(Hex.encode(stableSorted(entries, 3)));
        }
    }

    @Test
    void serialize_storeShapedKeys_matchesReferenceStableSort() {
        // keys as the store writes them: a constant chain byte, a small big-endian id, then more
        // fields, up to 21 bytes; most prefix bytes are shared, so the radix sort skips them, and
        // keys with equal 16-byte prefixes are ordered by the bytes after them
        long seed = Long.getLong("cordon.test.seed", System.nanoTime());
        System.out.println("SortedWriteBatchTest seed " + seed + " (rerun with -Dcordon.test.seed=" + seed + ")");
        Random r = new Random(seed);
        SortedWriteBatch b = new SortedWriteBatch(256); // reused, as the store reuses its batches
        for (int round = 0; round < 6; round++) {
            b.clear();
            List<byte[][]> entries = new ArrayList<>();
            int n = SortedWriteBatch.RADIX_MIN + r.nextInt(40_000);
            int ids = 1 + r.nextInt(round % 2 == 0 ? 50 : 100_000);
            for (int i = 0; i < n; i++) {
                byte[] key = new byte[5 + r.nextInt(5) * 4];
                key[0] = 1;
                int id = r.nextInt(ids);
                key[1] = (byte) (id >>> 24);
                key[2] = (byte) (id >>> 16);
                key[3] = (byte) (id >>> 8);
                key[4] = (byte) id;
                for (int k = 5; k < key.length; k++) {
                    key[k] = (byte) r.nextInt(3);
                }
                byte[] value = {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16)};
                b.put(Column.ADDRESS_HISTORY, key, value);
                entries.add(new byte[][] {key, value});
            }
            assertThat(b.serialize(c -> 7)).as("round %d, %d entries over %d ids", round, n, ids)
                    .isEqualTo(stableSorted(entries, 7));
        }
    }

    /**
     * The reference: the WriteBatch representation of {@code entries} (key, value pairs, all puts
     * into the column family {@code family}, below 128) sorted by key with a stable library sort.
     */
    private static byte[] stableSorted(List<byte[][]> entries, int family) {
        List<byte[][]> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((byte[][] e) -> e[0], Arrays::compareUnsigned));
        int n = sorted.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        for (byte[][] e : sorted) {
            out.writeBytes(new byte[] {5, (byte) family});
            writeWithLength(out, e[0]);
            writeWithLength(out, e[1]);
        }
        return out.toByteArray();
    }

    private static void writeWithLength(ByteArrayOutputStream out, byte[] bytes) {
        byte[] len = new byte[5];
        out.write(len, 0, SortedWriteBatch.putVarint(len, 0, bytes.length));
        out.writeBytes(bytes);
    }
}
