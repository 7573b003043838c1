package dev.cordon.intel.scenario;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/**
 * The shape of a generated scenario. Start from {@link #small} and adjust with the
 * {@code with} methods; every value is validated.
 *
 * @param seed                 the same seed and settings give the same bytes
 * @param users                background users
 * @param exchanges            cooperating exchanges the launderer cashes out at (2..8)
 * @param backgroundTxPerBlock background payments, deposits and withdrawals per block
 * @param warmupBlocks         blocks of funding and background before the theft (at least 20)
 * @param launderingDays       days over which the stolen value is laundered (144 blocks a day)
 * @param stolenSats           value stolen, in satoshis
 * @param theftOutputs         outputs of the theft transaction (the stolen outpoints)
 * @param splitWays            fresh addresses each stolen output is split into
 * @param peelHops             hops of each peel chain
 * @param mixRounds            CoinJoin rounds the launderer joins
 * @param thorchainSwaps       split coins the launderer swaps through a THORChain-style vault
 *                             (inbound with a swap memo, later an {@code OUT:} payment from the
 *                             vault); 0 in {@link #small}
 */
public record ScenarioConfig(long seed, int users, int exchanges, int backgroundTxPerBlock, int warmupBlocks,
                             int launderingDays, long stolenSats, int theftOutputs, int splitWays, int peelHops,
                             int mixRounds, int thorchainSwaps) {
    public ScenarioConfig {
        check(users >= 20 && users <= 10_000_000, "users must be 20..10,000,000: " + users);
        check(exchanges >= 2 && exchanges <= 8, "exchanges must be 2..8: " + exchanges);
        check(backgroundTxPerBlock >= 0 && backgroundTxPerBlock <= 5_000, "background tx per block must be 0..5000");
        check(warmupBlocks >= 20, "warmup blocks must be >= 20: " + warmupBlocks);
        check(launderingDays >= 1 && launderingDays <= 60, "laundering days must be 1..60: " + launderingDays);
        check(stolenSats >= 100 * Ledger.COIN / 100 && stolenSats <= 5_000 * Ledger.COIN, "stolen value must be 1..5000 BTC");
        check(theftOutputs >= 1 && theftOutputs <= 50, "theft outputs must be 1..50");
        check(splitWays >= 2 && splitWays <= 200, "split ways must be 2..200");
        check(peelHops >= 1 && peelHops <= 100, "peel hops must be 1..100");
        check(mixRounds >= 0 && mixRounds <= 50, "mix rounds must be 0..50");
        check(thorchainSwaps >= 0 && thorchainSwaps <= 50, "THORChain swaps must be 0..50");
    }

    /** A scenario that generates and traces in a few seconds: about 3,000 transactions. */
    public static ScenarioConfig small(long seed) {
        return new ScenarioConfig(seed, 150, 4, 5, 30, 2, 150 * Ledger.COIN, 3, 8, 5, 2, 0);
    }

    public ScenarioConfig withUsers(int n) {
        return new ScenarioConfig(seed, n, exchanges, backgroundTxPerBlock, warmupBlocks, launderingDays, stolenSats,
                theftOutputs, splitWays, peelHops, mixRounds, thorchainSwaps);
    }

    public ScenarioConfig withBackgroundTxPerBlock(int n) {
        return new ScenarioConfig(seed, users, exchanges, n, warmupBlocks, launderingDays, stolenSats, theftOutputs,
                splitWays, peelHops, mixRounds, thorchainSwaps);
    }

    public ScenarioConfig withLaunderingDays(int days) {
        return new ScenarioConfig(seed, users, exchanges, backgroundTxPerBlock, warmupBlocks, days, stolenSats,
                theftOutputs, splitWays, peelHops, mixRounds, thorchainSwaps);
    }

    /** The same scenario with {@code n} of the split coins swapped through a THORChain-style vault. */
    public ScenarioConfig withThorchainSwaps(int n) {
        return new ScenarioConfig(seed, users, exchanges, backgroundTxPerBlock, warmupBlocks, launderingDays, stolenSats,
                theftOutputs, splitWays, peelHops, mixRounds, n);
    }

    /** Blocks from the theft to the end. */
    int launderingBlocks() {
        return 144 * launderingDays;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new CordonException(ErrorCode.USAGE, message);
        }
    }
}
