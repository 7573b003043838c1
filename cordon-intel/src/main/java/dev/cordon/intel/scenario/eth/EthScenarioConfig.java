package dev.cordon.intel.scenario.eth;

import java.math.BigInteger;

/**
 * Size and shape of an Ethereum laundering scenario. Amounts are base units (wei; the token has
 * 18 decimals).
 *
 * @param seed           the random seed: the same config on a fresh node gives the same transactions
 * @param users          background users (externally owned accounts)
 * @param exchanges      exchanges, each with a hot wallet and per-user deposit addresses
 * @param warmupBlocks   blocks of background activity before the theft
 * @param launderingDays days over which the laundering is spread
 * @param blocksPerDay   blocks mined per simulated day after the theft
 * @param backgroundTxs  background transactions per block
 * @param splitWays      fresh addresses the stolen ether is split into
 * @param tokenSplitWays fresh addresses the stolen token is split into
 * @param peelHops       hops of each peel chain
 * @param stolenEth      ether taken from the victim's hot wallet
 * @param stolenToken    token units taken from the victim's hot wallet
 */
public record EthScenarioConfig(long seed, int users, int exchanges, int warmupBlocks, int launderingDays,
                                int blocksPerDay, int backgroundTxs, int splitWays, int tokenSplitWays, int peelHops,
                                BigInteger stolenEth, BigInteger stolenToken) {
    /** 10^18. */
    public static final BigInteger ETHER = BigInteger.TEN.pow(18);

    public EthScenarioConfig {
        positive("users", users, 4);
        positive("exchanges", exchanges, 2);
        positive("warmupBlocks", warmupBlocks, 2);
        positive("launderingDays", launderingDays, 2);
        positive("blocksPerDay", blocksPerDay, 2);
        positive("backgroundTxs", backgroundTxs, 0);
        positive("splitWays", splitWays, 4);
        positive("tokenSplitWays", tokenSplitWays, 4);
        positive("peelHops", peelHops, 1);
        if (stolenEth.compareTo(ETHER.multiply(BigInteger.valueOf(50))) < 0) {
            throw new IllegalArgumentException("stolenEth must be at least 50 ether, got " + stolenEth + " wei");
        }
        if (stolenToken.compareTo(ETHER.multiply(BigInteger.valueOf(10))) < 0) {
            throw new IllegalArgumentException("stolenToken must be at least 10 tokens, got " + stolenToken);
        }
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    /**
     * A few hundred transactions: 30 users, 3 exchanges, 8 warm-up blocks, 4 days of 12 blocks,
     * 400 ether and 2,000 tokens stolen.
     */
    public static EthScenarioConfig small(long seed) {
        return new EthScenarioConfig(seed, 30, 3, 8, 4, 12, 4, 6, 4, 3,
                ETHER.multiply(BigInteger.valueOf(400)), ETHER.multiply(BigInteger.valueOf(2_000)));
    }

    /** Blocks mined after the theft. */
    public int launderingBlocks() {
        return launderingDays * blocksPerDay;
    }

    /** Seconds between two blocks. */
    public long blockSeconds() {
        return 86_400L / blocksPerDay;
    }
}
