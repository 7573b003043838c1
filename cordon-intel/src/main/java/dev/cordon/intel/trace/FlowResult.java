package dev.cordon.intel.trace;

import dev.cordon.intel.trace.internal.IntList;

/**
 * What a trace found, in graph ids: the taint book and where each tainted output ended. All
 * amounts in base units. For a conserving model the books balance exactly:
 * {@code seeded - overlap = endpoints + held + fees + untraced + mined}.
 */
public final class FlowResult {
    final TaintBook book = new TaintBook();
    final IntList endpointOutputs = new IntList();
    final IntList heldOutputs = new IntList();
    final IntList untracedOutputs = new IntList();
    long seeded;
    long endpoints;
    long held;
    long fees;
    long untraced;
    long mined;
    int txsVisited;

    public TaintBook book() {
        return book;
    }

    /** Taint put on the seeds. */
    public long seeded() {
        return seeded;
    }

    /** Taint that reached an endpoint (forward) or a labelled source (backward). */
    public long endpoints() {
        return endpoints;
    }

    /** Taint on unspent outputs (or spent after the until block) at unlabelled addresses. */
    public long held() {
        return held;
    }

    /** Taint paid as fees (forward only). */
    public long fees() {
        return fees;
    }

    /** Taint not followed further because of the hop limit or the minimum value. */
    public long untraced() {
        return untraced;
    }

    /** Backward only: value traced to coinbase outputs (newly mined coins and fees). */
    public long mined() {
        return mined;
    }

    /** See {@link TaintBook#overlap()}. */
    public long overlap() {
        return book.overlap();
    }

    public int txsVisited() {
        return txsVisited;
    }

    /** Outputs at endpoints, in the order reached. */
    public int endpointOutputCount() {
        return endpointOutputs.size();
    }

    public int endpointOutput(int i) {
        return endpointOutputs.get(i);
    }

    public int heldOutputCount() {
        return heldOutputs.size();
    }

    public int heldOutput(int i) {
        return heldOutputs.get(i);
    }

    /** Whether {@code seeded - overlap} equals everything accounted for. */
    public boolean balances() {
        return seeded - overlap() == endpoints + held + fees + untraced + mined;
    }
}
