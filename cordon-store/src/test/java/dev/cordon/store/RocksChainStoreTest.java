package dev.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.ErrorCode;
import dev.cordon.store.internal.KeyValueStore;
import dev.cordon.store.internal.RocksKeyValueStore;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.store.internal.AddressFilter;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksChainStoreTest extends AbstractChainStoreTest {
    @TempDir
    Path dir;

    @Override
    protected ChainStore open() {
        return RocksChainStore.open(dir, 8 << 20);
    }

    @Override
    protected KeyValueStore openRaw() {
        return RocksKeyValueStore.open(dir, 8 << 20);
    }

    @Test
    void addressFilter_savedAtClose_reusedWhenItNamesTheTip_rebuiltWhenStale() throws Exception {
        List<UtxoBlock> blocks = new ChainGenerator(5, 300).blocks(90, 30);
        String expected;
        try (ChainStore reference = MemoryChainStore.create()) {
            blocks.forEach(reference::append);
            expected = reference.contentDigest();
        }
        Path filter = dir.resolve("address-filter-btc.bin");
        try (ChainStore s = open()) {
            blocks.subList(0, 30).forEach(s::append);
        }
        assertThat(filter).exists();
        Path stale = dir.resolveSibling(dir.getFileName() + "-stale-filter.bin");
        Files.copy(filter, stale);
        try (ChainStore s = open()) {
            blocks.subList(30, 60).forEach(s::append); // uses the saved filter
        }
        // a filter saved for another state (as after a crash) is not trusted: it is rebuilt, and
        // addresses seen before keep their ids
        Files.copy(stale, filter, StandardCopyOption.REPLACE_EXISTING);
        try (ChainStore s = open()) {
            blocks.subList(60, 90).forEach(s::append);
            assertThat(s.contentDigest()).isEqualTo(expected);
        }
        // a damaged file is rebuilt as well
        byte[] bytes = Files.readAllBytes(filter);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(filter, bytes);
        List<UtxoBlock> more = new ChainGenerator(5, 300).blocks(100, 30).subList(90, 100);
        try (ChainStore reference = MemoryChainStore.create(); ChainStore s = open()) {
            blocks.forEach(reference::append);
            more.forEach(reference::append);
            more.forEach(s::append);
            assertThat(s.contentDigest()).isEqualTo(reference.contentDigest());
        }
    }

    @Test
    void addressFilter_fileNamingTheTip_isTrusted() throws Exception {
        // shows that the saved filter, not a rebuild, answers after a reopen: an empty filter
        // saved under the right tag makes a known address look new
        List<UtxoBlock> blocks = new ChainGenerator(6, 50).blocks(20, 10);
        try (ChainStore s = open()) {
            blocks.subList(0, 10).forEach(s::append);
        }
        Path file = dir.resolve("address-filter-btc.bin");
        byte[] saved = Files.readAllBytes(file);
        int tagLength = java.nio.ByteBuffer.wrap(saved, 12, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] tag = java.util.Arrays.copyOfRange(saved, 16, 16 + tagLength);
        AddressFilter.withCapacity(1_000).save(file, tag);
        long addressesBefore;
        try (ChainStore s = open()) {
            addressesBefore = s.addressCount(Chain.BITCOIN);
            blocks.subList(10, 20).forEach(s::append);
            assertThat(s.addressCount(Chain.BITCOIN) - addressesBefore)
                    .as("with an empty filter every address paid looks new")
                    .isGreaterThan(countNewAddresses(blocks.subList(0, 10), blocks.subList(10, 20)));
        }
    }

    private static long countNewAddresses(List<UtxoBlock> known, List<UtxoBlock> next) {
        java.util.Set<Address> seen = new java.util.HashSet<>();
        known.forEach(b -> b.txs().forEach(t -> t.outputs().forEach(o -> o.address().ifPresent(seen::add))));
        java.util.Set<Address> fresh = new java.util.HashSet<>();
        next.forEach(b -> b.txs().forEach(t -> t.outputs().forEach(o -> o.address().filter(a -> !seen.contains(a))
                .ifPresent(fresh::add))));
        return fresh.size();
    }

    @Test
    void columnOptions_bitcoinColumnsHaveSmallHintedMemtables_othersTheDefault() throws Exception {
        try (ChainStore s = open()) {
            assertThat(s.blockCount(Chain.BITCOIN)).isZero();
        }
        java.util.Map<String, java.util.Map<String, String>> families = familyOptions(dir);
        for (String name : List.of("1", "3", "4", "5", "7", "10", "11")) {
            assertThat(families.get(name)).as("column family " + name)
                    .containsEntry("write_buffer_size", "8388608")
                    .containsEntry("memtable_insert_with_hint_prefix_extractor", "rocksdb.FixedPrefix.1");
        }
        assertThat(families.get("8")).containsEntry("write_buffer_size", "8388608")
                .containsEntry("memtable_factory", "{id=VectorRepFactory;count=0;}");
        for (String name : List.of("0", "12", "15", "19", "25")) {
            assertThat(families.get(name)).as("column family " + name)
                    .containsEntry("write_buffer_size", "33554432")
                    .containsEntry("memtable_insert_with_hint_prefix_extractor", "rocksdb.FixedPrefix.1");
        }
    }

    /** The column family sections of the newest RocksDB OPTIONS file: family name to its options. */
    private static java.util.Map<String, java.util.Map<String, String>> familyOptions(Path dir) throws Exception {
        Path newest;
        try (var files = Files.list(dir)) {
            newest = files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-"))
                    .max(java.util.Comparator.comparing(f -> Long.parseLong(f.getFileName().toString().substring(8))))
                    .orElseThrow();
        }
        java.util.Map<String, java.util.Map<String, String>> out = new java.util.HashMap<>();
        java.util.Map<String, String> current = null;
        for (String line : Files.readAllLines(newest)) {
            String t = line.trim();
            if (t.startsWith("[")) {
                current = null;
                if (t.startsWith("[CFOptions \"")) {
                    current = new java.util.HashMap<>();
                    out.put(t.substring("[CFOptions \"".length(), t.length() - 2), current);
                }
            } else if (current != null && t.contains("=")) {
                current.put(t.substring(0, t.indexOf('=')), t.substring(t.indexOf('=') + 1));
            }
        }
        return out;
    }

    @Test
    void open_heldByAnotherOpener_inUse() {
        try (ChainStore first = open()) {
            assertThat(first.blockCount(dev.cordon.core.Chain.BITCOIN)).isZero();
            assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE))
                    .hasMessage("store " + dir.toAbsolutePath() + " is in use by another process");
        }
    }
}
