package dev.cordon.intel.trace;

/**
 * Last in, first out: the mirror of {@link FifoTaint} (Anderson, Shumailov and Ahmed, "Making
 * Bitcoin Legal", 2018). Inputs are laid end to end from the last input to the first, outputs
 * take the line in output order, and the fee is the last units, so the newest coins pay the
 * first outputs. Order-based rules of this kind are among those compared by Tironsakkul,
 * Maarek, Eross and Just, "Probing the Mystery of Cryptocurrency Theft: An Investigation into
 * Methods for Taint Analysis", arXiv:1906.05754, 2019. Running time per transaction
 * O(inputs + outputs + tainted ranges).
 */
public final class LifoTaint extends RangeTaint {
    public LifoTaint() {
        super(true);
    }

    @Override
    public String name() {
        return "lifo";
    }
}
