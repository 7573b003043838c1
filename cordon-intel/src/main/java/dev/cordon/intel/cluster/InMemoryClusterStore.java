package dev.cordon.intel.cluster;

import dev.cordon.intel.store.internal.IntelColumn;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/** The in-memory twin of {@link RocksClusterStore}: the same bytes, in sorted maps. */
public final class InMemoryClusterStore extends KvClusterStore {
    private final Map<IntelColumn, TreeMap<byte[], byte[]>> columns = new EnumMap<>(IntelColumn.class);

    private TreeMap<byte[], byte[]> column(IntelColumn c) {
        return columns.computeIfAbsent(c, k -> new TreeMap<>(Arrays::compareUnsigned));
    }

    @Override
    synchronized Optional<byte[]> get(IntelColumn c, byte[] key) {
        return Optional.ofNullable(column(c).get(key)).map(byte[]::clone);
    }

    @Override
    synchronized void scan(IntelColumn c, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        for (Map.Entry<byte[], byte[]> e : column(c).tailMap(prefix, true).entrySet()) {
            byte[] k = e.getKey();
            if (k.length < prefix.length || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)
                    || !visitor.test(k.clone(), e.getValue().clone())) {
                return;
            }
        }
    }

    @Override
    synchronized void write(List<Object[]> puts) {
        for (Object[] p : puts) {
            column((IntelColumn) p[0]).put(((byte[]) p[1]).clone(), ((byte[]) p[2]).clone());
        }
    }

    @Override
    synchronized void delete(List<Object[]> keys) {
        for (Object[] k : keys) {
            column((IntelColumn) k[0]).remove((byte[]) k[1]);
        }
    }

    @Override
    public void close() {
    }
}
