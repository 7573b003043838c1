package dev.cordon.intel.trace;

/**
 * First in, first out: the first unit into a transaction is the first unit out. Inputs are
 * laid end to end in input order, outputs take the line in output order, and the fee is the
 * last units. This is the rule of Clayton's Case (Devaynes v Noble, 1816) as Anderson,
 * Shumailov and Ahmed apply it to Bitcoin in "Making Bitcoin Legal", Security Protocols XXVI
 * (SPW 2018), LNCS 11286, Springer, 2018 (doi:10.1007/978-3-030-03251-7_29).
 * Lossless: an output's taint is an exact set of base-unit ranges, so a trace can be run
 * backward from any output ({@link #gather}). Running time per transaction
 * O(inputs + outputs + tainted ranges).
 */
public final class FifoTaint extends RangeTaint {
    public FifoTaint() {
        super(false);
    }

    @Override
    public String name() {
        return "fifo";
    }
}
