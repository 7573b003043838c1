package dev.cordon.intel.trace;

import dev.cordon.intel.graph.UtxoGraph;
import java.math.BigInteger;

/**
 * A rule for how taint on the outputs a transaction spends passes to its outputs (forward) and
 * how an output's value is attributed to the outputs it was paid from (backward). On Bitcoin a
 * transaction pools its inputs into its outputs and its fee; the rules differ in how they cut
 * that pool. Implementations: {@link PoisonTaint}, {@link HaircutTaint}, {@link FifoTaint},
 * {@link LifoTaint}.
 *
 * <p>Contract for conserving models ({@link #conserves()}): for every transaction, the taint
 * spread equals the taint spent, to the base unit: the sum over outputs of the taint
 * {@link #spread} adds plus the tainted fee it returns equals the taint on the spent outputs;
 * and {@link #gather} moves exactly the taint of the outputs onto the spent outputs. Taint
 * moves only forward in time (from a transaction's spent outputs to its own outputs) or, for
 * {@code gather}, only backward. Implementations are stateless and thread-safe; the book and
 * any scratch space belong to the caller.
 */
public interface TaintModel {
    /** The name used on the command line and in reports ({@code fifo}). */
    String name();

    /** Whether the model conserves value; false only for poison, which marks reachability. */
    boolean conserves();

    /**
     * Taints the outputs of {@code tx} from the taint on the outputs it spends.
     *
     * @param scratch reusable working space of the calling trace
     * @return the taint that went to the fee (for poison, the whole fee when any input is tainted)
     */
    long spread(UtxoGraph graph, int tx, TaintBook book, Scratch scratch);

    /**
     * Attributes the taint on the outputs of {@code tx} to the outputs it spends.
     *
     * @param scratch reusable working space of the calling trace
     */
    void gather(UtxoGraph graph, int tx, TaintBook book, Scratch scratch);

    /**
     * Taints the first {@code amount} base units of an output, as a trace's seed.
     *
     * @param amount at most the output's value
     */
    default void seed(UtxoGraph graph, int output, long amount, TaintBook book) {
        book.beginRanges(output);
        book.addRange(0, amount);
        book.endRanges();
    }

    /**
     * The model's rule for an account balance in one asset (account chains such as Ethereum):
     * a new pool that already holds {@code cleanBalance} untainted units.
     */
    AccountPool accountPool(BigInteger cleanBalance);

    /** The model's rule for reading a balance backward: which earlier credits a debit is made of. */
    AccountRule accountRule();

    /** The model of that name: {@code poison}, {@code haircut}, {@code fifo} or {@code lifo}. */
    static TaintModel named(String name) {
        return TaintModels.named(name);
    }
}
