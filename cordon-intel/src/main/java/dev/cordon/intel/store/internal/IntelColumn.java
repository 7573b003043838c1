package dev.cordon.intel.store.internal;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Column families of the intel store ({@code <data>/intel}). The {@link #id()} is persisted (it
 * is the RocksDB column family name, one byte) and never reused or renumbered; a retired column
 * keeps its id reserved.
 *
 * <pre>
 * id column             key                                  value
 *  0 META               "format"                             magic "cordon-intel" + u32 format
 *  1 LABELS             subjectKey 0x00 dataset 0x00 name    LabelCodec
 *  2 LABELS_BY_DATASET  dataset 0x00 labelKey                (empty)
 *  3 ACTORS             utf8 actor id                        ActorCodec
 *  4 DATASETS           utf8 dataset id                      DatasetCodec
 *  5 CLUSTER_NODES      chain(1) chunk(4)                    ClusterChunkCodec
 *  6 CLUSTER_STATE      chain(1)                             ClusterStateCodec
 *  7 CLUSTER_CONFLICTS  chain(1) seq(8)                      ConflictCodec
 *  8 ADDRESS_IDS        chain(1) ascii address               id(4)
 *  9 ID_ADDRESSES       chain(1) id(4)                       ascii address
 * </pre>
 */
public enum IntelColumn {
    META(0),
    LABELS(1),
    LABELS_BY_DATASET(2),
    ACTORS(3),
    DATASETS(4),
    CLUSTER_NODES(5),
    CLUSTER_STATE(6),
    CLUSTER_CONFLICTS(7),
    ADDRESS_IDS(8),
    ID_ADDRESSES(9);

    private final int id;

    IntelColumn(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The RocksDB column family name: {@code "default"} for META, else the id as one byte. */
    public byte[] familyName() {
        return id == 0 ? "default".getBytes(StandardCharsets.US_ASCII) : new byte[] {(byte) id};
    }

    /**
     * @throws CordonException with {@link ErrorCode#STORE} for a column this build does not know
     */
    public static IntelColumn ofFamilyName(byte[] name) {
        for (IntelColumn c : values()) {
            if (Arrays.equals(c.familyName(), name)) {
                return c;
            }
        }
        throw new CordonException(ErrorCode.STORE, "intel store has an unknown column family "
                + HexFormat.of().formatHex(name) + "; it was written by a newer cordon");
    }
}
