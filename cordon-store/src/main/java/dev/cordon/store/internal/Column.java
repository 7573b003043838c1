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
 * Ids 6 and 9 stay reserved. Ids 12 to 24 hold Ethereum (account model), added to format 2
 * without a bump because nothing existing changed: an older format-2 build opens every column
 * family it finds on disk and never reads these. Heights and transfer numbers are 8 bytes here;
 * {@code seq} is the dense, chain-ordered transfer number, {@code asset} the dense asset id (0 is
 * ETH), {@code a20} a raw 20-byte address. See {@link EthCodecs} for the values.
 *
 * <pre>
 * 12 ETH_BLOCKS            c height(8)                       EthCodecs block (113)
 * 13 ETH_BLOCK_BY_HASH     c hash(32)                        height (8)
 * 14 ETH_TX                c txid(32)                        EthCodecs tx (25)
 * 15 ETH_TRANSFERS         c seq(8)                          EthCodecs transfer (64 + amount + token id)
 * 16 ETH_ADDRESS_HISTORY   c addr(4) seq(8) of the tx's      EthHistory: the address's transfers in
 *                          first transfer                    the tx, varints (gap &lt;&lt; 2 | flags)
 * 17 ETH_ADDRESS_ID        c a20                             addr (4)
 * 18 ETH_ADDRESS_BY_ID     c addr(4)                         a20 (20)
 * 19 ETH_BALANCES          c addr(4) asset(4)                EthCodecs balance (24 + amounts)
 * 20 ETH_ASSETS            c asset(4)                        EthCodecs asset (22 + utf8 symbol)
 * 21 ETH_ASSET_ID          c contract a20, utf8 symbol       asset (4)
 * 22 ETH_CREATIONS         c height(8) txIndex(4) ordinal(4) EthCodecs creation (73)
 * 23 ETH_CREATED_BY        c addr(4) of the contract         creation key without c (16)
 * 24 ETH_UNDO              c height(8)                       EthCodecs undo: the block's id counters
 *                                                            and the balances it overwrote
 * 25 ETH_BRIDGE_DEPOSITS   c height(8) txIndex(4) logIndex(4) EthCodecs deposit (94 + amount + utf8
 *                                                            memo): router Deposit events
 * META                     "acct" c                          EthCodecs checkpoint (65)
 * </pre>
 *
 * Id 25 was added after 24 in the same way: a store written before it has no such family (it is
 * created empty when opened) and holds no deposits for the blocks it ingested then. Ids 26 and up
 * are free. Planned: asset registry names, labels, graph adjacency.
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
    OUTPUT_DATA(11),
    ETH_BLOCKS(12),
    ETH_BLOCK_BY_HASH(13),
    ETH_TX(14),
    ETH_TRANSFERS(15),
    ETH_ADDRESS_HISTORY(16),
    ETH_ADDRESS_ID(17),
    ETH_ADDRESS_BY_ID(18),
    ETH_BALANCES(19),
    ETH_ASSETS(20),
    ETH_ASSET_ID(21),
    ETH_CREATIONS(22),
    ETH_CREATED_BY(23),
    ETH_UNDO(24),
    ETH_BRIDGE_DEPOSITS(25);

    /** The first id added after format 2 was released; such columns are digested only when non-empty. */
    public static final int FIRST_ACCOUNT_ID = 12;

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
