package dev.cordon.intel.cluster;

import dev.cordon.core.BlockHash;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.DecodeException;
import dev.cordon.intel.store.internal.ByteReader;
import dev.cordon.intel.store.internal.ByteWriter;
import dev.cordon.intel.store.internal.IntelColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Cluster persistence over key-value columns, shared by the RocksDB store and its in-memory
 * twin so that both write the same bytes. Layout (see {@link IntelColumn}), codecs version 1
 * except the state, written as version 2 (version 1, without the cursor hash, is still read):
 * <pre>
 * CLUSTER_STATE      c                 u8 2, i32 size, i32 clusters, i64 cursor, i32 conflicts,
 *                                      varint n, n x (str key, str name, u8 category, u8 confidence),
 *                                      u8 hash length (0 or 32), the cursor block's hash
 * CLUSTER_NODES      c chunk(4)        u8 1, varint n, n x i32 parent, n x i32 next, n x i32 tag
 * CLUSTER_CONFLICTS  c seq(8)          u8 1, i32 a, i32 b, str tagA, str tagB, str reason
 * ADDRESS_IDS        c ascii           i32 id
 * ID_ADDRESSES       c id(4)           ascii
 * </pre>
 */
abstract class KvClusterStore implements ClusterStore {
    private static final int VERSION = 1;
    /** Version of the CLUSTER_STATE codec: 2 added the cursor block's hash. */
    private static final int STATE_VERSION = 2;

    abstract Optional<byte[]> get(IntelColumn c, byte[] key);

    abstract void scan(IntelColumn c, byte[] prefix, BiPredicate<byte[], byte[]> visitor);

    /** Writes every put atomically. */
    abstract void write(List<Object[]> puts);

    /** Deletes every {column, key} pair atomically. */
    abstract void delete(List<Object[]> keys);

    @Override
    public void clear(Chain chain) {
        byte[] c = {(byte) chain.id()};
        List<Object[]> keys = new ArrayList<>();
        for (IntelColumn col : new IntelColumn[] {IntelColumn.CLUSTER_STATE, IntelColumn.CLUSTER_NODES,
                IntelColumn.CLUSTER_CONFLICTS, IntelColumn.ADDRESS_IDS, IntelColumn.ID_ADDRESSES}) {
            scan(col, c, (k, v) -> keys.add(new Object[] {col, k}));
        }
        delete(keys);
    }

    @Override
    public ChainClusters load(Chain chain) {
        byte[] c = {(byte) chain.id()};
        Optional<byte[]> state = get(IntelColumn.CLUSTER_STATE, c);
        if (state.isEmpty()) {
            return ChainClusters.empty(chain, EntityClusters.CHUNK);
        }
        ByteReader r = new ByteReader(state.get(), "cluster state of " + chain.code());
        int v = r.u8();
        if (v != VERSION && v != STATE_VERSION) {
            throw new DecodeException("cluster state of " + chain.code(), 0, "codec version " + v + " (this build reads "
                    + VERSION + " and " + STATE_VERSION + ")");
        }
        int size = r.i32();
        int count = r.i32();
        long cursor = r.i64();
        int conflictCount = r.i32();
        List<ClusterTag> tags = new ArrayList<>();
        for (int i = r.varint(); i > 0; i--) {
            tags.add(new ClusterTag(r.str(), r.str(), Category.ofId(r.u8()), Confidence.ofId(r.u8())));
        }
        Optional<BlockHash> cursorHash = Optional.empty();
        if (v == STATE_VERSION) {
            int n = r.u8();
            if (n != 0 && n != 32) {
                throw new DecodeException("cluster state of " + chain.code(), 0, "cursor hash of " + n + " bytes");
            }
            cursorHash = n == 0 ? Optional.empty() : Optional.of(new BlockHash(r.raw(n)));
        }
        r.end();
        List<ClusterConflict> conflicts = new ArrayList<>();
        scan(IntelColumn.CLUSTER_CONFLICTS, c, (k, val) -> {
            ByteReader cr = new ByteReader(val, "cluster conflict");
            cr.u8();
            conflicts.add(new ClusterConflict(cr.i32(), cr.i32(), cr.str(), cr.str(), cr.str()));
            return conflicts.size() < conflictCount;
        });
        EntityClusters clusters = EntityClusters.restore(size, count, tags, conflicts, chunk -> readChunk(chain, chunk));
        AddressDictionary ids = new AddressDictionary(chain);
        scan(IntelColumn.ID_ADDRESSES, c, (k, val) -> {
            ids.restore(new ByteReader(Arrays.copyOfRange(k, 1, 5), "address id").i32(),
                    new String(val, StandardCharsets.US_ASCII));
            return true;
        });
        return new ChainClusters(chain, ids, clusters, cursor, cursorHash);
    }

    private int[][] readChunk(Chain chain, int chunk) {
        byte[] key = new ByteWriter(5).u8(chain.id()).i32(chunk).toBytes();
        byte[] v = get(IntelColumn.CLUSTER_NODES, key).orElseThrow(() ->
                new DecodeException("cluster nodes of " + chain.code(), chunk, "chunk missing"));
        ByteReader r = new ByteReader(v, "cluster chunk " + chunk);
        if (r.u8() != VERSION) {
            throw new DecodeException("cluster chunk " + chunk, 0, "unknown codec version");
        }
        int n = r.varint();
        int[][] out = new int[3][n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                out[a][i] = r.i32();
            }
        }
        r.end();
        return out;
    }

    @Override
    public void save(ChainClusters state) {
        Chain chain = state.chain();
        EntityClusters e = state.clusters();
        List<Object[]> puts = new ArrayList<>();
        for (int chunk = 0; chunk * EntityClusters.CHUNK < e.size(); chunk++) {
            if (!e.isDirty(chunk)) {
                continue;
            }
            int[][] a = e.chunk(chunk);
            ByteWriter w = new ByteWriter(1 + 12 * a[0].length + 5).u8(VERSION).varint(a[0].length);
            for (int[] arr : a) {
                for (int x : arr) {
                    w.i32(x);
                }
            }
            puts.add(new Object[] {IntelColumn.CLUSTER_NODES, new ByteWriter(5).u8(chain.id()).i32(chunk).toBytes(), w.toBytes()});
        }
        List<ClusterConflict> conflicts = e.conflicts();
        for (int i = e.savedConflicts(); i < conflicts.size(); i++) {
            ClusterConflict cc = conflicts.get(i);
            puts.add(new Object[] {IntelColumn.CLUSTER_CONFLICTS, new ByteWriter(9).u8(chain.id()).i64(i).toBytes(),
                    new ByteWriter(32).u8(VERSION).i32(cc.a()).i32(cc.b()).str(cc.tagA()).str(cc.tagB()).str(cc.reason()).toBytes()});
        }
        AddressDictionary ids = state.ids();
        for (int id = ids.savedCount(); id < ids.size(); id++) {
            byte[] text = ids.text(id).getBytes(StandardCharsets.US_ASCII);
            byte[] k = new byte[text.length + 1];
            k[0] = (byte) chain.id();
            System.arraycopy(text, 0, k, 1, text.length);
            puts.add(new Object[] {IntelColumn.ADDRESS_IDS, k, new ByteWriter(4).i32(id).toBytes()});
            puts.add(new Object[] {IntelColumn.ID_ADDRESSES, new ByteWriter(5).u8(chain.id()).i32(id).toBytes(), text});
        }
        List<ClusterTag> tags = e.tags();
        ByteWriter s = new ByteWriter(64).u8(STATE_VERSION).i32(e.size()).i32(e.clusterCount()).i64(state.cursor())
                .i32(conflicts.size()).varint(tags.size());
        for (ClusterTag t : tags) {
            s.str(t.key()).str(t.name()).u8(t.category().id()).u8(t.confidence().id());
        }
        s.u8(state.cursorHash().isPresent() ? 32 : 0);
        state.cursorHash().ifPresent(h -> s.raw(h.bytes()));
        puts.add(new Object[] {IntelColumn.CLUSTER_STATE, new byte[] {(byte) chain.id()}, s.toBytes()});
        write(puts);
        e.clearDirty();
        ids.markSaved();
    }
}
