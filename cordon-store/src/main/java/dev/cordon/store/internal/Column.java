package dev.cordon.store.internal;

import dev.cordon.store.StoreException;
import dev.cordon.core.ErrorCode;

/**
 * The store's column families. The {@link #id()} is persisted (it is the RocksDB column
 * family name) and is never reused or renumbered; a retired column keeps its id reserved.
 *
 * <p>Every chain-scoped key starts with the chain's one-byte id ({@code c} below). All
 * integers are big-endian, so byte order equals numeric order for the non-negative values
 * used in keys. {@code txNum} is the dense transaction number (8 bytes), {@code addr} the dense
 * address id (4 bytes, -1 in values for an output without an address).
 *
 * <pre>
 * id column                key                               value (bytes)
 *  0 META                  "format"                          magic "cordon-store" + u32 format (16)
 *                          "ckpt" c                          CheckpointCodec (49)
 *  1 BLOCKS_BY_HEIGHT      c height(4)                       BlockCodec (105)
 *  2 BLOCK_HEIGHT_BY_HASH  c hash(32)                        height (4)
 *  3 TX_ID_BY_HASH         c txid(32)                        txNum (8)
 *  4 TX_RECORD             c txNum(8)                        TxCodec (66 + 24/input + 13/output)
 *  5 ADDRESS_ID_BY_TEXT    c utf8 text                       addr (4)
 *  6 (retired in format 2: ADDRESS_TEXT_BY_ID; the text is in ADDRESS_SUMMARY)
 *  7 ADDRESS_SUMMARY       c addr(4) asset(4)                SummaryCodec (37 + utf8 text)
 *  8 ADDRESS_HISTORY       c addr(4) txNum(8)                height(4) received(8) sent(8) (20)
 *  9 (retired in format 2: UTXO; an output is unspent when its TX_RECORD entry exists and
 *    SPENDS has no entry for it)
 * 10 SPENDS                c txNum(8) vout(4)                spender txNum(8) input index(4) (12)
 * 11 OUTPUT_DATA           c txNum(8) vout(4)                script or OP_RETURN payload bytes
 * </pre>
 *
 * Ids 6 and 9 stay reserved; ids 12 and up are free. Planned: account-model value flows (asset
 * id in keys), asset registry, labels, graph adjacency.
 */
public enum Column {
    META(0),
    BLOCKS_BY_HEIGHT(1),
    BLOCK_HEIGHT_BY_HASH(2),
    TX_ID_BY_HASH(3),
    TX_RECORD(4),
    ADDRESS_ID_BY_TEXT(5),
    ADDRESS_SUMMARY(7),
    ADDRESS_HISTORY(8),
    SPENDS(10),
    OUTPUT_DATA(11);

    private static final Column[] BY_ID;

    static {
        int max = 0;
        for (Column c : values()) {
            max = Math.max(max, c.id);
        }
        BY_ID = new Column[max + 1];
        for (Column c : values()) {
            if (BY_ID[c.id] != null) {
                throw new ExceptionInInitializerError("duplicate column id " + c.id);
            }
            BY_ID[c.id] = c;
        }
    }

    private final int id;

    Column(int id) {
        this.id = id;
    }

    /** The persisted id, 0..255. */
    public int id() {
        return id;
    }

    /** The RocksDB column family name: the id in decimal. */
    public String familyName() {
        return Integer.toString(id);
    }

    /**
     * @throws StoreException with {@link ErrorCode#STORE} for an id this build does not know
     */
    public static Column ofId(int id) {
        if (id < 0 || id >= BY_ID.length || BY_ID[id] == null) {
            throw new StoreException(ErrorCode.STORE, "unknown column family id " + id);
        }
        return BY_ID[id];
    }
}
