package dev.cordon.intel.account;

import dev.cordon.intel.trace.AccountPool;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A tainted account during a trace: its pools per asset, the next flow to apply to them, the
 * fewest hops from a seed and, per asset, the flow that brought it the most taint (for paths).
 */
final class Holder {
    final int account;
    /** The next flow to apply, or {@link AccountGraph#NONE} while dormant (no taint held). */
    int cursor = AccountGraph.NONE;
    /** The last flow applied to the pools, or {@link AccountGraph#NONE}. */
    int applied = AccountGraph.NONE;
    int hop = Integer.MAX_VALUE;
    final Map<Integer, AccountPool> pools = new HashMap<>(4);
    /** Per asset: the flow that brought the most taint, and that taint. */
    final Map<Integer, Integer> parentFlow = new HashMap<>(4);
    final Map<Integer, BigInteger> parentTaint = new HashMap<>(4);

    Holder(int account) {
        this.account = account;
    }

    boolean activeAt(int flow) {
        return cursor == flow;
    }

    /** Remembers {@code flow} as the asset's parent when it brought more taint than any before. */
    void offerParent(int asset, int flow, BigInteger taint) {
        if (taint.compareTo(parentTaint.getOrDefault(asset, BigInteger.ZERO)) > 0) {
            parentTaint.put(asset, taint);
            parentFlow.put(asset, flow);
        }
    }

    /** The asset's parent flow, or {@link AccountGraph#NONE}. */
    int parent(int asset) {
        return parentFlow.getOrDefault(asset, AccountGraph.NONE);
    }

    boolean holdsTaint() {
        for (AccountPool p : pools.values()) {
            if (p.taint().signum() > 0) {
                return true;
            }
        }
        return false;
    }
}
