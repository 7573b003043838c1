package dev.cordon.intel.cluster;

import java.util.Arrays;

/**
 * Recognises CoinJoin transactions, whose inputs belong to many people and must not be merged
 * by the multi-input rule. Shapes, checked in this order:
 * <ol>
 *   <li><b>Whirlpool</b> (Samourai Wallet, and Ashigaru after 2024): exactly 5 inputs and 5
 *       outputs, all outputs equal to a pool denomination (100,000, 1,000,000, 5,000,000 or
 *       50,000,000 sat), every input at least the denomination. Source: Samourai's Whirlpool
 *       documentation of pools and the Tx0/mix structure; the GraphSense Samourai TagPack lists
 *       mixes of this shape (nopara73, WasabiVsSamourai).</li>
 *   <li><b>Wasabi 1.x</b> (ZeroLink, Chaumian CoinJoin): at least 10 outputs of one value near the
 *       0.1 BTC base denomination (0.08 to 0.12 BTC, the coordinator adjusts it), and at least as
 *       many inputs. Source: Wasabi documentation; Ficsór et al., ZeroLink.</li>
 *   <li><b>Wasabi 2.x</b> (WabiSabi): at least 50 inputs and 50 outputs, half or more of the
 *       outputs sharing their value with another output (standard denominations).</li>
 *   <li><b>JoinMarket</b> and other equal-output CoinJoins: {@code k >= 2} outputs of one value
 *       (the CoinJoin amount, one per participant), at most one further output per participant
 *       ({@code k + 1 <= outputs <= 2k}), at least {@code k} inputs, and the equal value is not
 *       dust (> 546 sat). This is the shape measured by Möser and Böhme, "Anonymous Alone?
 *       Measuring Bitcoin's Second-Generation Anonymization Techniques" (IEEE EuroS&amp;PW 2017)
 *       and used by BlockSci's CoinJoin heuristic (Kalodner et al., USENIX Security 2020).</li>
 * </ol>
 * Limits: a batch payment that pays several customers the same amount can look like a
 * JoinMarket CoinJoin (its inputs are then not merged: a missed link, never a false one);
 * PayJoin and other steganographic CoinJoins are not detected and will be merged.
 *
 * <p>Allocation-free after warm-up; not thread-safe (one scratch buffer per instance).
 */
public final class CoinJoinDetector {
    private static final long[] WHIRLPOOL_POOLS = {100_000L, 1_000_000L, 5_000_000L, 50_000_000L};
    private static final long DUST = 546;
    private long[] scratch = new long[64];

    /** The shapes this detector names. */
    public enum Kind {
        NONE, WHIRLPOOL, WASABI, WASABI2, JOINMARKET
    }

    public Kind detect(TxInputs tx) {
        int in = tx.inputCount();
        int out = tx.outputCount();
        if (in < 2 || out < 2) {
            return Kind.NONE;
        }
        if (in == 5 && out == 5 && whirlpool(tx)) {
            return Kind.WHIRLPOOL;
        }
        if (out > scratch.length) {
            scratch = new long[Math.max(out, scratch.length * 2)];
        }
        for (int i = 0; i < out; i++) {
            scratch[i] = tx.outputValue(i);
        }
        Arrays.sort(scratch, 0, out);
        long modeValue = 0;
        int modeCount = 0;
        int shared = 0;
        for (int i = 0; i < out; ) {
            int j = i;
            while (j < out && scratch[j] == scratch[i]) {
                j++;
            }
            int run = j - i;
            if (run > 1) {
                shared += run;
            }
            if (run > modeCount || (run == modeCount && scratch[i] > modeValue)) {
                modeCount = run;
                modeValue = scratch[i];
            }
            i = j;
        }
        if (modeCount >= 10 && in >= modeCount && modeValue >= 8_000_000L && modeValue <= 12_000_000L) {
            return Kind.WASABI;
        }
        if (in >= 50 && out >= 50 && shared * 2 >= out) {
            return Kind.WASABI2;
        }
        if (modeCount >= 2 && modeValue > DUST && out >= modeCount + 1 && out <= 2 * modeCount && in >= modeCount) {
            return Kind.JOINMARKET;
        }
        return Kind.NONE;
    }

    private static boolean whirlpool(TxInputs tx) {
        long v = tx.outputValue(0);
        boolean pool = false;
        for (long p : WHIRLPOOL_POOLS) {
            pool |= p == v;
        }
        if (!pool) {
            return false;
        }
        for (int i = 1; i < 5; i++) {
            if (tx.outputValue(i) != v) {
                return false;
            }
        }
        for (int i = 0; i < 5; i++) {
            if (tx.inputValue(i) < v) {
                return false;
            }
        }
        return true;
    }
}
