package dev.cordon.intel.cluster;

/**
 * One Bitcoin-model transaction as clustering sees it: dense address ids and values of its
 * inputs (the outputs they spend, resolved by the chain store) and of its outputs. A flyweight:
 * the feeder may reuse one instance for every transaction, so heuristics must not keep it.
 *
 * <p>Address ids are dense non-negative ints from an {@link AddressIds} dictionary; {@code -1}
 * marks an input or output without an address (bare multisig, OP_RETURN, non-standard).
 */
public interface TxInputs {
    int inputCount();

    /** Address id of the output spent by input {@code i}, or -1. */
    int inputAddress(int i);

    /** Value in satoshis of the output spent by input {@code i}. */
    long inputValue(int i);

    int outputCount();

    /** Address id of output {@code i}, or -1. */
    int outputAddress(int i);

    /** Value of output {@code i} in satoshis. */
    long outputValue(int i);
}
