package dev.cordon.intel.cluster;

/**
 * One account-model value transfer (Ethereum: a transaction's value or an internal call, or an
 * ERC-20 Transfer log) as clustering sees it. A flyweight the feeder may reuse.
 *
 * <p>Values are in one unit per asset chosen by the feeder such that they fit a {@code long}:
 * gwei for ether (10^9 wei) is the intended unit, the token's base unit divided as needed for
 * tokens. Only transfers of the same asset are matched against each other.
 */
public interface Transfer {
    /** Dense address id of the sender. */
    int from();

    /** Dense address id of the receiver. */
    int to();

    /** Asset id chosen by the feeder; 0 for the chain's native coin. */
    int asset();

    /** Amount in the feeder's unit for that asset. */
    long value();

    /** Block height. */
    long block();
}
