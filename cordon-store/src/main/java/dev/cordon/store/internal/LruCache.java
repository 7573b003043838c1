package dev.cordon.store.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded map dropping its least recently used entry; single-threaded (the writer's). */
final class LruCache<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    LruCache(int capacity) {
        super(Math.min(capacity, 1 << 16), 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
