package dev.cordon.store.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link KeyValueStore} on sorted maps with the same unsigned key order as RocksDB's default
 * comparator. Its content lives as long as the object: closing does not clear it, so a test
 * can "reopen" the same content.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
    private final Map<Column, ConcurrentSkipListMap<byte[], byte[]>> columns = new EnumMap<>(Column.class);

    public MemoryKeyValueStore() {
        for (Column c : Column.values()) {
            columns.put(c, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
        }
    }

    @Override
    public Optional<byte[]> get(Column column, byte[] key) {
        byte[] v = columns.get(column).get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public void scan(Column column, byte[] prefix, boolean reverse, EntryVisitor visitor) {
        ConcurrentSkipListMap<byte[], byte[]> map = columns.get(column);
        byte[] end = Bytes.prefixEnd(prefix);
        NavigableMap<byte[], byte[]> range = end == null ? map.tailMap(prefix, true) : map.subMap(prefix, true, end, false);
        if (reverse) {
            range = range.descendingMap();
        }
        for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
            if (!visitor.visit(e.getKey(), e.getValue())) {
                return;
            }
        }
    }

    @Override
    public void scanFrom(Column column, byte[] prefix, byte[] from, EntryVisitor visitor) {
        ConcurrentSkipListMap<byte[], byte[]> map = columns.get(column);
        byte[] start = Arrays.compareUnsigned(from, prefix) > 0 ? from : prefix;
        for (Map.Entry<byte[], byte[]> e : map.tailMap(start, true).entrySet()) {
            if (!Bytes.startsWith(e.getKey(), prefix) || !visitor.visit(e.getKey(), e.getValue())) {
                return;
            }
        }
    }

    @Override
    public Batch newBatch() {
        return new MemoryBatch();
    }

    @Override
    public synchronized void commit(Batch batch) {
        for (Op op : ((MemoryBatch) batch).ops) {
            ConcurrentSkipListMap<byte[], byte[]> map = columns.get(op.column);
            if (op.value == null) {
                map.remove(op.key);
            } else {
                map.put(op.key, op.value);
            }
        }
    }

    @Override
    public void close() {
        // content is kept so that the same object can be reopened
    }

    private record Op(Column column, byte[] key, byte[] value) {
    }

    private static final class MemoryBatch implements Batch {
        private final List<Op> ops = new ArrayList<>();
        private final List<Integer> savePoints = new ArrayList<>();

        @Override
        public void setSavePoint() {
            savePoints.add(ops.size());
        }

        @Override
        public void rollbackToSavePoint() {
            int mark = savePoints.remove(savePoints.size() - 1);
            ops.subList(mark, ops.size()).clear();
        }

        @Override
        public void put(Column column, byte[] key, byte[] value) {
            ops.add(new Op(column, key.clone(), value.clone()));
        }

        @Override
        public void delete(Column column, byte[] key) {
            ops.add(new Op(column, key.clone(), null));
        }

        @Override
        public void close() {
            ops.clear();
        }
    }
}
