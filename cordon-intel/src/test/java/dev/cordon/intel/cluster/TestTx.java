package dev.cordon.intel.cluster;

import dev.cordon.store.TxFlow;
import java.util.Arrays;

/** A transaction for tests: input ids and values, output ids and values. */
final class TestTx implements TxInputs {
    final int[] in;
    final long[] inValue;
    final int[] out;
    final long[] outValue;

    TestTx(int[] in, long[] inValue, int[] out, long[] outValue) {
        this.in = in;
        this.inValue = inValue;
        this.out = out;
        this.outValue = outValue;
    }

    static TestTx simple(int... inputs) {
        long[] v = new long[inputs.length];
        Arrays.fill(v, 100_000L);
        return new TestTx(inputs, v, new int[] {9_999, 9_998}, new long[] {150_000L, 40_000L});
    }

    /** The values of a stored transaction (address ids left at 0: only the shape counts). */
    static TestTx values(TxFlow tx) {
        long[] iv = new long[tx.inputCount()];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = tx.inputValue(i);
        }
        long[] ov = new long[tx.outputCount()];
        for (int i = 0; i < ov.length; i++) {
            ov[i] = tx.outputValue(i);
        }
        return new TestTx(new int[iv.length], iv, new int[ov.length], ov);
    }

    @Override
    public int inputCount() {
        return in.length;
    }

    @Override
    public int inputAddress(int i) {
        return in[i];
    }

    @Override
    public long inputValue(int i) {
        return inValue[i];
    }

    @Override
    public int outputCount() {
        return out.length;
    }

    @Override
    public int outputAddress(int i) {
        return out[i];
    }

    @Override
    public long outputValue(int i) {
        return outValue[i];
    }
}
