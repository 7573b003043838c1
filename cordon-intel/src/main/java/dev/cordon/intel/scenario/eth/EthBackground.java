package dev.cordon.intel.scenario.eth;

import static dev.cordon.intel.scenario.eth.EthScenarioConfig.ETHER;

import dev.cordon.core.Address;
import dev.cordon.intel.scenario.eth.EthWorld.Exchange;
import java.math.BigInteger;

/**
 * Innocent activity: users pay each other ether and the token (recipients by preferential
 * attachment, so in-degrees follow a power law; amounts a log-uniform share, 0.1% to 20%, of what
 * the payer holds), deposit at their own deposit address of an exchange, receive withdrawals from
 * hot wallets and buy the token at the pool; exchanges sweep their deposit addresses into the hot
 * wallet.
 */
final class EthBackground {
    private final EthWorld w;

    EthBackground(EthWorld w) {
        this.w = w;
    }

    /** Queues {@code backgroundTxs} random transactions for the block being built. */
    void block() {
        for (int i = 0; i < w.cfg.backgroundTxs(); i++) {
            int roll = w.rnd.nextInt(100);
            int payer = w.rnd.nextInt(w.users.size());
            Address from = w.users.get(payer);
            if (roll < 45) {
                Address to = w.users.get(w.preferentialUser(payer));
                pay(from, to, false);
            } else if (roll < 60) {
                pay(from, w.users.get(w.preferentialUser(payer)), true);
            } else if (roll < 75) {
                Exchange e = w.exchanges.get(w.rnd.nextInt(w.exchanges.size()));
                pay(from, w.depositAddress(e, from), w.rnd.nextBoolean());
            } else if (roll < 90) {
                Exchange e = w.exchanges.get(w.rnd.nextInt(w.exchanges.size()));
                withdraw(e, from, w.rnd.nextBoolean());
            } else if (w.canSwap()) {
                BigInteger value = fraction(w.chain.spendableEth(from).subtract(AnvilChain.reserve(EthWorld.GAS_CALL)));
                if (value.signum() > 0) {
                    w.swapEthForToken(from, value);
                }
            }
        }
    }

    private void pay(Address from, Address to, boolean token) {
        if (token) {
            BigInteger amount = fraction(w.chain.flowBalance(w.tokenAsset, from));
            if (amount.signum() > 0 && w.chain.spendableEth(from).compareTo(AnvilChain.reserve(EthWorld.GAS_TOKEN)) > 0) {
                w.payToken(from, to, amount);
            }
        } else {
            BigInteger amount = fraction(w.chain.spendableEth(from).subtract(AnvilChain.reserve(EthWorld.GAS_TRANSFER)));
            if (amount.signum() > 0) {
                w.payEth(from, to, amount);
            }
        }
    }

    private void withdraw(Exchange e, Address user, boolean token) {
        if (token) {
            BigInteger amount = w.logUniform(ETHER, 1, 200).min(w.chain.flowBalance(w.tokenAsset, e.hot));
            if (amount.signum() > 0) {
                w.payToken(e.hot, user, amount);
            }
        } else {
            w.payEth(e.hot, user, w.logUniform(ETHER, 0.05, 20));
        }
    }

    /** Every deposit address with ether or tokens deposited pays them to its exchange's hot wallet. */
    void sweep() {
        for (Exchange e : w.exchanges) {
            for (Address d : e.deposits) {
                BigInteger eth = w.chain.flowBalance(EthFifoOracle.ETH, d);
                if (eth.signum() > 0) {
                    w.payEth(d, e.hot, eth);
                }
                BigInteger tokens = w.chain.flowBalance(w.tokenAsset, d);
                if (tokens.signum() > 0) {
                    w.payToken(d, e.hot, tokens);
                }
            }
        }
    }

    /** A log-uniform share of {@code amount}, between 0.1% and 20%. */
    private BigInteger fraction(BigInteger amount) {
        if (amount.signum() <= 0) {
            return BigInteger.ZERO;
        }
        long ppm = (long) Math.exp(Math.log(1_000) + w.rnd.nextDouble() * (Math.log(200_000) - Math.log(1_000)));
        return EthWorld.share(amount, ppm);
    }
}
