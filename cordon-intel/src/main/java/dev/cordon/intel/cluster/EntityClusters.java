package dev.cordon.intel.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Disjoint sets of dense address ids: the entities that clustering has found on one chain.
 *
 * <h2>Design notes</h2>
 * Union-find with union by size and path halving (Tarjan and van Leeuwen, "Worst-case analysis
 * of set union algorithms", JACM 1984): {@code find} and {@code union} run in O(α(n)) amortised.
 * Everything lives in three primitive int arrays, 12 bytes per address, no objects per address:
 * <ul>
 *   <li>{@code parent[i]}: the parent of {@code i}, or {@code -size} when {@code i} is a root;</li>
 *   <li>{@code next[i]}: the next member of {@code i}'s set in a circular list, so that a cluster's
 *       members are enumerated in O(size) (two lists are spliced in O(1) on union);</li>
 *   <li>{@code tag[i]}: at a root, 1 + the index of the cluster's strongest label in a small
 *       table of {@link ClusterTag}s; 0 for none.</li>
 * </ul>
 * Arrays grow by a quarter, so a grown structure stays under 16 bytes per address. A merge of
 * two clusters whose tags are different services is refused and recorded as a
 * {@link ClusterConflict}. Chunks of 4096 ids that changed since the last save are tracked so
 * that persistence writes only what changed. Not thread-safe: one ingest thread feeds it.
 */
public final class EntityClusters {
    /** Ids per persisted chunk. */
    public static final int CHUNK = 4096;
    private int[] parent;
    private int[] next;
    private int[] tag;
    private long[] dirty;
    private int size;
    private int clusters;
    private final List<ClusterTag> tags = new ArrayList<>();
    private final Map<ClusterTag, Integer> tagIndex = new HashMap<>();
    private final List<ClusterConflict> conflicts = new ArrayList<>();
    private int savedConflicts;

    /** @param capacity addresses to allocate for up front (the structure grows beyond it) */
    public EntityClusters(int capacity) {
        int c = Math.max(CHUNK, capacity);
        parent = new int[c];
        next = new int[c];
        tag = new int[c];
        dirty = new long[(c / CHUNK + 64) / 64 + 1];
    }

    /** Number of address ids known (ids are 0..size-1). */
    public int size() {
        return size;
    }

    /** Number of clusters (singletons included). */
    public int clusterCount() {
        return clusters;
    }

    /** Bytes held by the per-address arrays. */
    public long footprintBytes() {
        return 12L * parent.length;
    }

    /** Makes ids up to {@code id} known, each a cluster of its own. */
    public void ensure(int id) {
        if (id < size) {
            return;
        }
        if (id >= parent.length) {
            grow(id + 1);
        }
        for (int i = size; i <= id; i++) {
            parent[i] = -1;
            next[i] = i;
            tag[i] = 0;
            markDirty(i);
        }
        clusters += id + 1 - size;
        size = id + 1;
    }

    private void grow(int min) {
        int c = Math.max(min, parent.length + (parent.length >>> 2));
        parent = Arrays.copyOf(parent, c);
        next = Arrays.copyOf(next, c);
        tag = Arrays.copyOf(tag, c);
        dirty = Arrays.copyOf(dirty, (c / CHUNK) / 64 + 2);
    }

    /** The root of {@code id}'s cluster (its representative). Ids not yet known are their own root. */
    public int find(int id) {
        if (id >= size) {
            return id;
        }
        int x = id;
        while (parent[x] >= 0) {
            int p = parent[x];
            int gp = parent[p];
            if (gp >= 0) {
                parent[x] = gp;
                markDirty(x);
                x = gp;
            } else {
                x = p;
            }
        }
        return x;
    }

    /** Members of {@code id}'s cluster. */
    public int clusterSize(int id) {
        return id >= size ? 1 : -parent[find(id)];
    }

    /**
     * Merges the clusters of {@code a} and {@code b}, unless both carry different services.
     *
     * @param reason recorded with a refused merge
     * @return true when the clusters are (now) one, false when the merge was refused
     */
    public boolean union(int a, int b, String reason) {
        ensure(Math.max(a, b));
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return true;
        }
        int ta = tag[ra];
        int tb = tag[rb];
        if (ta != 0 && tb != 0 && tags.get(ta - 1).conflictsWith(tags.get(tb - 1))) {
            conflicts.add(new ClusterConflict(a, b, tags.get(ta - 1).key(), tags.get(tb - 1).key(), reason));
            return false;
        }
        if (-parent[ra] < -parent[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[ra] += parent[rb];
        parent[rb] = ra;
        int n = next[ra];
        next[ra] = next[rb];
        next[rb] = n;
        if (tb != 0 && (ta == 0 || tags.get(tb - 1).strongerThan(tags.get(ta - 1)))) {
            tag[ra] = tb;
        }
        tag[rb] = 0;
        clusters--;
        markDirty(ra);
        markDirty(rb);
        return true;
    }

    /**
     * Puts a member's label on its cluster: the cluster keeps the stronger tag. A cluster that
     * already carries another service keeps its tag and the clash is recorded as a conflict.
     */
    public void tag(int id, ClusterTag t) {
        ensure(id);
        int r = find(id);
        int idx = tagIndex.computeIfAbsent(t, k -> {
            tags.add(k);
            return tags.size();
        });
        int cur = tag[r];
        if (cur == idx) {
            return;
        }
        if (cur != 0 && tags.get(cur - 1).conflictsWith(t)) {
            conflicts.add(new ClusterConflict(id, r, t.key(), tags.get(cur - 1).key(), "labels of one cluster name two services"));
            if (!t.strongerThan(tags.get(cur - 1))) {
                return;
            }
        } else if (cur != 0 && !t.strongerThan(tags.get(cur - 1))) {
            return;
        }
        tag[r] = idx;
        markDirty(r);
    }

    /** Records a conflict found by a heuristic outside {@link #union} (an address claimed by two services). */
    public void conflictOf(int id, String keyA, String keyB, String reason) {
        conflicts.add(new ClusterConflict(id, id, keyA, keyB, reason));
    }

    /** The tag of {@code id}'s cluster, or null. */
    public ClusterTag tagOf(int id) {
        if (id >= size) {
            return null;
        }
        int t = tag[find(id)];
        return t == 0 ? null : tags.get(t - 1);
    }

    /** Visits the members of {@code id}'s cluster, at most {@code limit} of them. */
    public void forEachMember(int id, int limit, IntConsumer action) {
        if (id >= size) {
            action.accept(id);
            return;
        }
        int x = id;
        int n = 0;
        do {
            action.accept(x);
            x = next[x];
        } while (x != id && ++n < limit);
    }

    public List<ClusterConflict> conflicts() {
        return List.copyOf(conflicts);
    }

    public List<ClusterTag> tags() {
        return List.copyOf(tags);
    }

    private void markDirty(int id) {
        int c = id / CHUNK;
        dirty[c >>> 6] |= 1L << (c & 63);
    }

    // persistence support: package-private, used by the cluster stores

    boolean isDirty(int chunk) {
        return (dirty[chunk >>> 6] & (1L << (chunk & 63))) != 0;
    }

    void clearDirty() {
        Arrays.fill(dirty, 0L);
        savedConflicts = conflicts.size();
    }

    int savedConflicts() {
        return savedConflicts;
    }

    /** Copies chunk {@code c}: parent, next, tag arrays of its ids below {@link #size()}. */
    int[][] chunk(int c) {
        int from = c * CHUNK;
        int to = Math.min(size, from + CHUNK);
        return new int[][] {Arrays.copyOfRange(parent, from, to), Arrays.copyOfRange(next, from, to), Arrays.copyOfRange(tag, from, to)};
    }

    /** Restores a persisted state. */
    static EntityClusters restore(int size, int clusters, List<ClusterTag> tags, List<ClusterConflict> conflicts, ChunkSource chunks) {
        EntityClusters e = new EntityClusters(size + size / 4);
        for (int c = 0; c * CHUNK < size; c++) {
            int[][] a = chunks.chunk(c);
            int from = c * CHUNK;
            System.arraycopy(a[0], 0, e.parent, from, a[0].length);
            System.arraycopy(a[1], 0, e.next, from, a[1].length);
            System.arraycopy(a[2], 0, e.tag, from, a[2].length);
        }
        e.size = size;
        e.clusters = clusters;
        for (ClusterTag t : tags) {
            e.tags.add(t);
            e.tagIndex.put(t, e.tags.size());
        }
        e.conflicts.addAll(conflicts);
        e.savedConflicts = conflicts.size();
        return e;
    }

    /** Reads persisted chunks. */
    interface ChunkSource {
        int[][] chunk(int c);
    }
}
