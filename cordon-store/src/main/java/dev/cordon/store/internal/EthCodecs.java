package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.store.StoreException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Ethereum records (columns 12 to 25, see {@link Column}). Each starts with its codec
 * version byte, {@link #VERSION}, which is also the version of the whole Ethereum layout: 2 since
 * {@link EthHistory} keeps one ETH_ADDRESS_HISTORY entry per address and transaction (1 kept one
 * per transfer and party); a store of another layout is refused when opened. Integers are big-endian; amounts are exact: a length byte then the
 * {@link BigInteger#toByteArray() two's-complement} bytes (a balance may be negative when ingest
 * started after genesis), so no amount is ever rounded or truncated.
 */
public final class EthCodecs {
    public static final int VERSION = 2;
    /** Length of a raw address. */
    public static final int A20 = 20;
    public static final int BLOCK_LENGTH = 113;
    public static final int TX_LENGTH = 25;
    public static final int CHECKPOINT_LENGTH = 65;
    public static final int CREATION_LENGTH = 73;
    static final int TRANSFER_FIXED = 62;
    static final int DEPOSIT_FIXED = 93;
    static final int BALANCE_FIXED = 21;
    private static final int NO_TOKEN_ID = 0xff;

    private EthCodecs() {
    }

    /** The 20 bytes of an Ethereum address ({@code 0x} + 40 lowercase hex digits). */
    public static byte[] a20(Address a) {
        if (a.chain() != Chain.ETHEREUM || a.value().length() != 42 || !a.value().startsWith("0x")) {
            throw new StoreException(ErrorCode.USAGE, "not an Ethereum address: " + a);
        }
        return Hex.decode(a.value().substring(2), "address");
    }

    public static Address address(byte[] b, int off) {
        return new Address(Chain.ETHEREUM, "0x" + Hex.encode(b, off, A20));
    }

    /** ETH_BLOCKS value. */
    public record Block(BlockHash hash, BlockHash parent, long timeSeconds, Address miner, int txCount, long firstSeq,
                        int transferCount, int creationCount) {
        public byte[] encode() {
            byte[] v = new byte[BLOCK_LENGTH];
            v[0] = VERSION;
            hash.copyTo(v, 1);
            parent.copyTo(v, 33);
            Bytes.putLong(v, 65, timeSeconds);
            System.arraycopy(a20(miner), 0, v, 73, A20);
            Bytes.putInt(v, 93, txCount);
            Bytes.putLong(v, 97, firstSeq);
            Bytes.putInt(v, 105, transferCount);
            Bytes.putInt(v, 109, creationCount);
            return v;
        }

        public static Block decode(byte[] v) {
            Codec.check(v, Column.ETH_BLOCKS, VERSION, BLOCK_LENGTH);
            return new Block(new BlockHash(Arrays.copyOfRange(v, 1, 33)), new BlockHash(Arrays.copyOfRange(v, 33, 65)),
                    Bytes.getLong(v, 65), address(v, 73), Bytes.getInt(v, 93), Bytes.getLong(v, 97), Bytes.getInt(v, 105),
                    Bytes.getInt(v, 109));
        }
    }

    /** ETH_TX value: where the transaction is and the range of its transfers. */
    public record Tx(long height, int txIndex, long firstSeq, int transferCount) {
        public byte[] encode() {
            byte[] v = new byte[TX_LENGTH];
            v[0] = VERSION;
            Bytes.putLong(v, 1, height);
            Bytes.putInt(v, 9, txIndex);
            Bytes.putLong(v, 13, firstSeq);
            Bytes.putInt(v, 21, transferCount);
            return v;
        }

        public static Tx decode(byte[] v) {
            Codec.check(v, Column.ETH_TX, VERSION, TX_LENGTH);
            return new Tx(Bytes.getLong(v, 1), Bytes.getInt(v, 9), Bytes.getLong(v, 13), Bytes.getInt(v, 21));
        }
    }

    /** ETH_TRANSFERS value, with the parties and the asset as dense ids. */
    public record Transfer(long height, int txIndex, int position, TransferKind kind, int fromId, int toId, int assetId,
                           TxId txId, BigInteger amount, Optional<BigInteger> tokenId) {
        public byte[] encode() {
            byte[] amt = amount.toByteArray();
            byte[] tok = tokenId.map(BigInteger::toByteArray).orElse(new byte[0]);
            byte[] v = new byte[TRANSFER_FIXED + 2 + amt.length + tok.length];
            v[0] = VERSION;
            Bytes.putLong(v, 1, height);
            Bytes.putInt(v, 9, txIndex);
            Bytes.putInt(v, 13, position);
            v[17] = (byte) kind.id();
            Bytes.putInt(v, 18, fromId);
            Bytes.putInt(v, 22, toId);
            Bytes.putInt(v, 26, assetId);
            txId.copyTo(v, 30);
            int off = putAmount(v, TRANSFER_FIXED, amt);
            if (tokenId.isEmpty()) {
                v[off] = (byte) NO_TOKEN_ID;
            } else {
                putAmount(v, off, tok);
            }
            return v;
        }

        public static Transfer decode(byte[] v) {
            Codec.check(v, Column.ETH_TRANSFERS, VERSION, TRANSFER_FIXED + 2);
            BigInteger amount = amountAt(v, TRANSFER_FIXED, Column.ETH_TRANSFERS);
            int off = TRANSFER_FIXED + 1 + (v[TRANSFER_FIXED] & 0xff);
            Optional<BigInteger> token = Optional.empty();
            if (off >= v.length) {
                throw short_(Column.ETH_TRANSFERS, v.length);
            }
            if ((v[off] & 0xff) != NO_TOKEN_ID) {
                token = Optional.of(amountAt(v, off, Column.ETH_TRANSFERS));
            }
            return new Transfer(Bytes.getLong(v, 1), Bytes.getInt(v, 9), Bytes.getInt(v, 13), TransferKind.ofId(v[17] & 0xff),
                    Bytes.getInt(v, 18), Bytes.getInt(v, 22), Bytes.getInt(v, 26), new TxId(Arrays.copyOfRange(v, 30, 62)),
                    amount, token);
        }
    }

    /** ETH_BALANCES value: one address's totals in one asset. Heights are block numbers. */
    public record Balance(BigInteger balance, BigInteger received, BigInteger sent, int transfers, long firstHeight,
                          long lastHeight) {
        public static final Balance EMPTY = new Balance(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0, -1, -1);

        public byte[] encode() {
            byte[] b = balance.toByteArray();
            byte[] r = received.toByteArray();
            byte[] s = sent.toByteArray();
            byte[] v = new byte[BALANCE_FIXED + 3 + b.length + r.length + s.length];
            v[0] = VERSION;
            Bytes.putInt(v, 1, transfers);
            Bytes.putLong(v, 5, firstHeight);
            Bytes.putLong(v, 13, lastHeight);
            putAmount(v, putAmount(v, putAmount(v, BALANCE_FIXED, b), r), s);
            return v;
        }

        public static Balance decode(byte[] v) {
            Codec.check(v, Column.ETH_BALANCES, VERSION, BALANCE_FIXED + 3);
            int off = BALANCE_FIXED;
            BigInteger b = amountAt(v, off, Column.ETH_BALANCES);
            off += 1 + (v[off] & 0xff);
            BigInteger r = amountAt(v, off, Column.ETH_BALANCES);
            off += 1 + (v[off] & 0xff);
            BigInteger s = amountAt(v, off, Column.ETH_BALANCES);
            return new Balance(b, r, s, Bytes.getInt(v, 1), Bytes.getLong(v, 5), Bytes.getLong(v, 13));
        }
    }

    /** ETH_ASSETS value: a token as decoding named it (the standard as symbol, decimals 0). */
    public record Asset(int decimals, Address contract, String symbol) {
        public byte[] encode() {
            byte[] sym = symbol.getBytes(StandardCharsets.UTF_8);
            byte[] v = new byte[22 + sym.length];
            v[0] = VERSION;
            v[1] = (byte) decimals;
            System.arraycopy(a20(contract), 0, v, 2, A20);
            System.arraycopy(sym, 0, v, 22, sym.length);
            return v;
        }

        public static Asset decode(byte[] v) {
            Codec.check(v, Column.ETH_ASSETS, VERSION, 22);
            return new Asset(v[1] & 0xff, address(v, 2), new String(v, 22, v.length - 22, StandardCharsets.UTF_8));
        }
    }

    /** ETH_CREATIONS value. */
    public record Creation(Address contract, Address creator, TxId txId) {
        public byte[] encode() {
            byte[] v = new byte[CREATION_LENGTH];
            v[0] = VERSION;
            System.arraycopy(a20(contract), 0, v, 1, A20);
            System.arraycopy(a20(creator), 0, v, 21, A20);
            txId.copyTo(v, 41);
            return v;
        }

        public static Creation decode(byte[] v) {
            Codec.check(v, Column.ETH_CREATIONS, VERSION, CREATION_LENGTH);
            return new Creation(address(v, 1), address(v, 21), new TxId(Arrays.copyOfRange(v, 41, 73)));
        }
    }

    /**
     * ETH_BRIDGE_DEPOSITS value: version, txid (32), router, vault, asset (20 each), the amount
     * (length byte, two's-complement bytes), then the memo's UTF-8 bytes to the end. The key holds
     * the block, transaction index and log index.
     */
    public record Deposit(TxId txId, Address router, Address vault, Address asset, BigInteger amount, String memo) {
        public byte[] encode() {
            byte[] amt = amount.toByteArray();
            byte[] text = memo.getBytes(StandardCharsets.UTF_8);
            byte[] v = new byte[DEPOSIT_FIXED + 1 + amt.length + text.length];
            v[0] = VERSION;
            txId.copyTo(v, 1);
            System.arraycopy(a20(router), 0, v, 33, A20);
            System.arraycopy(a20(vault), 0, v, 53, A20);
            System.arraycopy(a20(asset), 0, v, 73, A20);
            int off = putAmount(v, DEPOSIT_FIXED, amt);
            System.arraycopy(text, 0, v, off, text.length);
            return v;
        }

        public static Deposit decode(byte[] v) {
            Codec.check(v, Column.ETH_BRIDGE_DEPOSITS, VERSION, DEPOSIT_FIXED + 2);
            BigInteger amount = amountAt(v, DEPOSIT_FIXED, Column.ETH_BRIDGE_DEPOSITS);
            int off = DEPOSIT_FIXED + 1 + (v[DEPOSIT_FIXED] & 0xff);
            return new Deposit(new TxId(Arrays.copyOfRange(v, 1, 33)), address(v, 33), address(v, 53), address(v, 73),
                    amount, new String(v, off, v.length - off, StandardCharsets.UTF_8));
        }
    }

    /**
     * The META "acct" record: the stored run of blocks and the id counters after its last block.
     *
     * @param firstHeight the lowest stored block
     * @param nextSeq     number the next transfer gets (the transfer count)
     * @param nextAddrId  id the next new address gets
     * @param nextAssetId id the next new token asset gets (0 is ETH)
     */
    public record Checkpoint(long firstHeight, long tipHeight, BlockHash tipHash, long nextSeq, int nextAddrId,
                             int nextAssetId) {
        public byte[] encode() {
            byte[] v = new byte[CHECKPOINT_LENGTH];
            v[0] = VERSION;
            Bytes.putLong(v, 1, firstHeight);
            Bytes.putLong(v, 9, tipHeight);
            tipHash.copyTo(v, 17);
            Bytes.putLong(v, 49, nextSeq);
            Bytes.putInt(v, 57, nextAddrId);
            Bytes.putInt(v, 61, nextAssetId);
            return v;
        }

        public static Checkpoint decode(byte[] v) {
            Codec.check(v, Column.META, VERSION, CHECKPOINT_LENGTH);
            return new Checkpoint(Bytes.getLong(v, 1), Bytes.getLong(v, 9), new BlockHash(Arrays.copyOfRange(v, 17, 49)),
                    Bytes.getLong(v, 49), Bytes.getInt(v, 57), Bytes.getInt(v, 61));
        }
    }

    /** Writes a length byte and {@code bytes} at {@code off}; returns the offset after them. */
    static int putAmount(byte[] v, int off, byte[] bytes) {
        v[off] = (byte) bytes.length;
        System.arraycopy(bytes, 0, v, off + 1, bytes.length);
        return off + 1 + bytes.length;
    }

    static BigInteger amountAt(byte[] v, int off, Column column) {
        int len = v[off] & 0xff;
        if (len == 0 || off + 1 + len > v.length) {
            throw short_(column, v.length);
        }
        return new BigInteger(v, off + 1, len);
    }

    private static StoreException short_(Column column, int length) {
        return new StoreException(ErrorCode.STORE, "a " + column + " record of " + length + " bytes has a bad amount length");
    }
}
