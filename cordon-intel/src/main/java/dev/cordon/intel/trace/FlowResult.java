package dev.cordon.intel.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.internal.IntList;
import java.util.Arrays;

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

    /**
     * Seeds the book with {@code amounts[i]} of each output, the shared start of every trace.
     *
     * @param role named in errors ({@code seed}, {@code target})
     * @return the outputs, sorted, for membership tests during the trace
     * @throws CordonException with {@link ErrorCode#USAGE} for lengths that differ, an output out
     *                         of range or given twice, or an amount outside {@code 1 .. value}
     */
    int[] seed(UtxoGraph g, TaintModel model, int[] outputs, long[] amounts, String role) {
        if (outputs.length != amounts.length) {
            throw new CordonException(ErrorCode.USAGE, role + " outputs and amounts differ in length");
        }
        for (int i = 0; i < outputs.length; i++) {
            int o = outputs[i];
            if (o < 0 || o >= g.outputCount() || amounts[i] < 1 || amounts[i] > g.value(o) || book.slot(o) >= 0) {
                throw new CordonException(ErrorCode.USAGE, "bad " + role + ": output " + o + " amount " + amounts[i]);
            }
            model.seed(g, o, amounts[i], book);
            seeded += amounts[i];
        }
        int[] sorted = outputs.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Output {@code o} (book slot {@code s}) reached a labelled endpoint: its taint stops there. */
    void stopAtEndpoint(int o, int s) {
        endpoints += book.amountAt(s);
        endpointOutputs.add(o);
        book.stop(s);
    }

    /** Output {@code o} (book slot {@code s}) is past the hop limit or below the minimum value. */
    void stopUntraced(int o, int s) {
        untraced += book.amountAt(s);
        untracedOutputs.add(o);
        book.stop(s);
    }
}
