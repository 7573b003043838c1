package dev.cordon.store.internal;

import dev.cordon.core.TxId;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.store.TxFlow;
import java.util.Arrays;

/**
 * TX_RECORD value, one fixed-width record per transaction with its inputs already resolved:
 *
 * <pre>
 * off  len
 *   0    1  codec version = 1
 *   1   32  txid (display order)
 *  33    4  block height
 *  37    4  index in block
 *  41    1  flags: bit 0 coinbase
 *  42    4  size (bytes)
 *  46    4  vsize
 *  50    8  fee (base units; 0 for a coinbase)
 *  58    4  input count n
 *  62    4  output count m
 *  66 24*n  inputs:  spent txNum(8) spent vout(4) address id(4) value(8)
 *   . 13*m  outputs: address id(4, -1 when none) value(8) script kind id(1)
 * </pre>
 *
 * Writers fill a record in place with {@link #header}, {@link #putInput}, {@link #putOutput}
 * and {@link #putFee}; readers wrap it in a {@link View}.
 */
public final class TxCodec {
    public static final int VERSION = 1;
    public static final int HEADER = 66;
    public static final int INPUT = 24;
    public static final int OUTPUT = 13;

    private TxCodec() {
    }

    public static byte[] header(TxId txid, int height, int index, boolean coinbase, int size, int vsize,
                                int inputs, int outputs) {
        byte[] v = new byte[HEADER + INPUT * inputs + OUTPUT * outputs];
        v[0] = VERSION;
        txid.copyTo(v, 1);
        Bytes.putInt(v, 33, height);
        Bytes.putInt(v, 37, index);
        v[41] = (byte) (coinbase ? 1 : 0);
        Bytes.putInt(v, 42, size);
        Bytes.putInt(v, 46, vsize);
        Bytes.putInt(v, 58, inputs);
        Bytes.putInt(v, 62, outputs);
        return v;
    }

    public static void putInput(byte[] v, int i, long spentTxNum, int spentVout, int addressId, long value) {
        int off = HEADER + INPUT * i;
        Bytes.putLong(v, off, spentTxNum);
        Bytes.putInt(v, off + 8, spentVout);
        Bytes.putInt(v, off + 12, addressId);
        Bytes.putLong(v, off + 16, value);
    }

    public static void putOutput(byte[] v, int inputs, int i, int addressId, long value, ScriptKind kind) {
        int off = HEADER + INPUT * inputs + OUTPUT * i;
        Bytes.putInt(v, off, addressId);
        Bytes.putLong(v, off + 4, value);
        v[off + 12] = (byte) kind.id();
    }

    public static void putFee(byte[] v, long fee) {
        Bytes.putLong(v, 50, fee);
    }

    /** Reads the txid without decoding the rest. */
    public static TxId txid(byte[] v) {
        Codec.check(v, Column.TX_RECORD, VERSION, HEADER);
        return new TxId(Arrays.copyOfRange(v, 1, 33));
    }

    /** A read-only view of one record; it owns the array it is given. */
    public static final class View implements TxFlow {
        private final long txNum;
        private final byte[] v;
        private final int inputs;
        private final int outputs;

        public View(long txNum, byte[] v) {
            Codec.check(v, Column.TX_RECORD, VERSION, HEADER);
            this.txNum = txNum;
            this.v = v;
            this.inputs = Bytes.getInt(v, 58);
            this.outputs = Bytes.getInt(v, 62);
            Codec.checkLength(v, Column.TX_RECORD, HEADER + INPUT * inputs + OUTPUT * outputs);
        }

        @Override
        public long txNum() {
            return txNum;
        }

        @Override
        public TxId txid() {
            return new TxId(Arrays.copyOfRange(v, 1, 33));
        }

        @Override
        public int height() {
            return Bytes.getInt(v, 33);
        }

        @Override
        public int index() {
            return Bytes.getInt(v, 37);
        }

        @Override
        public boolean coinbase() {
            return (v[41] & 1) != 0;
        }

        @Override
        public int size() {
            return Bytes.getInt(v, 42);
        }

        @Override
        public int vsize() {
            return Bytes.getInt(v, 46);
        }

        @Override
        public long fee() {
            return Bytes.getLong(v, 50);
        }

        @Override
        public int inputCount() {
            return inputs;
        }

        @Override
        public int outputCount() {
            return outputs;
        }

        @Override
        public long inputSpentTxNum(int i) {
            return Bytes.getLong(v, in(i));
        }

        @Override
        public int inputSpentVout(int i) {
            return Bytes.getInt(v, in(i) + 8);
        }

        @Override
        public int inputAddressId(int i) {
            return Bytes.getInt(v, in(i) + 12);
        }

        @Override
        public long inputValue(int i) {
            return Bytes.getLong(v, in(i) + 16);
        }

        @Override
        public int outputAddressId(int i) {
            return Bytes.getInt(v, out(i));
        }

        @Override
        public long outputValue(int i) {
            return Bytes.getLong(v, out(i) + 4);
        }

        @Override
        public ScriptKind outputKind(int i) {
            return ScriptKind.ofId(v[out(i) + 12]);
        }

        private int in(int i) {
            if (i < 0 || i >= inputs) {
                throw new IndexOutOfBoundsException("input " + i + " of " + inputs);
            }
            return HEADER + INPUT * i;
        }

        private int out(int i) {
            if (i < 0 || i >= outputs) {
                throw new IndexOutOfBoundsException("output " + i + " of " + outputs);
            }
            return HEADER + INPUT * inputs + OUTPUT * i;
        }
    }
}
