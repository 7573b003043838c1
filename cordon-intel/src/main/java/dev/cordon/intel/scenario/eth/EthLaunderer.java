package dev.cordon.intel.scenario.eth;

import static dev.cordon.intel.scenario.eth.EthScenarioConfig.ETHER;

import dev.cordon.core.Address;
import dev.cordon.intel.scenario.eth.EthWorld.Exchange;
import dev.cordon.intel.scenario.eth.EthWorld.Label;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The theft and its laundering, shaped as public reporting describes DPRK operations (Bybit,
 * February 2025): the victim's hot wallet pays the thief ether and the token; the thief splits
 * both into fresh addresses; ether walks peel chains that drop 5-25% at a fresh deposit address of
 * a random exchange per hop, goes through the mixer in fixed denominations (withdrawn a day later
 * to fresh addresses that deposit at exchanges days after), or is bridged to Bitcoin through the
 * router; tokens are swapped for ether at the pool (the ether deposited at an exchange later),
 * bridged, deposited at an exchange, or kept. Every thief address is fresh, funded only by
 * transfers, and pays its own gas from what it received.
 */
final class EthLaunderer {
    private static final BigInteger TOKEN_GAS_MONEY = ETHER.divide(BigInteger.valueOf(4));

    private final EthWorld w;
    private final Map<Integer, List<Runnable>> jobs = new TreeMap<>();
    /** Thief-controlled addresses, in the order created. */
    final Set<Address> thief = new LinkedHashSet<>();
    /** Deposit addresses the thief opened at exchanges. */
    final Set<Address> deposits = new LinkedHashSet<>();
    final List<String> theftTxs = new ArrayList<>();
    Address first;
    private int now;

    EthLaunderer(EthWorld w) {
        this.w = w;
    }

    /** Runs the jobs due at scenario step {@code step}. */
    void runDue(int step) {
        now = step;
        List<Runnable> due = jobs.remove(step);
        if (due != null) {
            due.forEach(Runnable::run);
        }
    }

    private void at(int delay, Runnable job) {
        jobs.computeIfAbsent(now + Math.max(1, delay), k -> new ArrayList<>()).add(job);
    }

    private int within(int blocks) {
        return 1 + w.rnd.nextInt(Math.max(1, blocks));
    }

    private Address freshThief() {
        Address a = w.fresh();
        thief.add(a);
        return a;
    }

    private Address thiefDeposit() {
        Exchange e = w.exchanges.get(w.rnd.nextInt(w.exchanges.size()));
        Address d = w.depositAddress(e, freshThief());
        deposits.add(d);
        return d;
    }

    /** The theft: two transactions from the victim's hot wallet in the block being built. */
    void theft() {
        first = freshThief();
        w.labels.put(first, new Label("Planted heist", "perpetrator"));
        theftTxs.add(w.payEth(w.victim, first, w.cfg.stolenEth()));
        theftTxs.add(w.payToken(w.victim, first, w.cfg.stolenToken()));
        at(1, this::split);
    }

    /** Splits 90% of the ether and all the tokens into fresh addresses; the rest stays. */
    private void split() {
        BigInteger eth = w.chain.spendableEth(first);
        int n = w.cfg.splitWays();
        int m = w.cfg.tokenSplitWays();
        BigInteger forTokenGas = TOKEN_GAS_MONEY.multiply(BigInteger.valueOf(m));
        BigInteger toSplit = EthWorld.share(eth.subtract(forTokenGas), 900_000);
        long[] weights = weights(n);
        for (int i = 0; i < n; i++) {
            Address a = freshThief();
            w.payEth(first, a, EthWorld.share(toSplit, weights[i]));
            int role = i % 5;
            at(within(w.cfg.blocksPerDay() / 2), () -> ethRole(role, a));
        }
        BigInteger tokens = w.chain.flowBalance(w.tokenAsset, first);
        long[] tw = weights(m);
        for (int i = 0; i < m; i++) {
            Address b = freshThief();
            w.payEth(first, b, TOKEN_GAS_MONEY);
            w.payToken(first, b, EthWorld.share(tokens, tw[i]));
            int role = i % 4;
            at(within(w.cfg.blocksPerDay()), () -> tokenRole(role, b));
        }
    }

    /** Random weights in parts per million summing to at most 10^6. */
    private long[] weights(int n) {
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + w.rnd.nextDouble();
            sum += x[i];
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = (long) (x[i] / sum * 999_000);
        }
        return out;
    }

    private void ethRole(int role, Address a) {
        switch (role) {
            case 0, 3 -> peel(a, w.cfg.peelHops());
            case 1 -> mix(a);
            case 2 -> bridge(a);
            default -> forward(a, 0);
        }
    }

    private void tokenRole(int role, Address b) {
        BigInteger tokens = w.chain.flowBalance(w.tokenAsset, b);
        switch (role) {
            case 0 -> swap(b, tokens);
            case 1 -> w.bridgeToken(b, tokens);
            case 2 -> {
                BigInteger half = tokens.shiftRight(1);
                w.payToken(b, thiefDeposit(), half);
                at(w.cfg.blocksPerDay() + within(w.cfg.blocksPerDay()), () -> w.payToken(b, thiefDeposit(), tokens.subtract(half)));
            }
            default -> { }
        }
    }

    /** Drops 5-25% at an exchange deposit address, then forwards the rest to a fresh address. */
    private void peel(Address a, int hops) {
        BigInteger bal = w.chain.spendableEth(a);
        w.payEth(a, thiefDeposit(), EthWorld.share(bal, 50_000 + w.rnd.nextInt(200_000)));
        at(within(3), () -> forward(a, hops - 1));
    }

    /** Sends all but the gas to a fresh address, which peels on or, at the end, deposits days later or keeps. */
    private void forward(Address a, int hops) {
        Address next = freshThief();
        w.payEth(a, next, w.chain.spendableEth(a).subtract(AnvilChain.reserve(EthWorld.GAS_TRANSFER)));
        if (hops > 0) {
            at(within(w.cfg.blocksPerDay() / 2), () -> peel(next, hops));
        } else if (w.rnd.nextInt(3) > 0) {
            at(w.cfg.blocksPerDay() + within(w.cfg.blocksPerDay()), () -> depositAll(next));
        }
    }

    private void depositAll(Address a) {
        BigInteger value = w.chain.spendableEth(a).subtract(AnvilChain.reserve(EthWorld.GAS_TRANSFER));
        if (value.signum() > 0) {
            w.payEth(a, thiefDeposit(), value);
        }
    }

    /** Up to four denominations into the mixer; a day later each is withdrawn to a fresh address. */
    private void mix(Address a) {
        BigInteger gas = AnvilChain.reserve(EthWorld.GAS_TOKEN + EthWorld.GAS_CALL);
        BigInteger per = EthWorld.MIX_DENOMINATION.add(gas);
        int notes = w.chain.spendableEth(a).divide(per).min(BigInteger.valueOf(4)).intValue();
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            held.add(w.mixDeposit(a));
        }
        at(w.cfg.blocksPerDay(), () -> {
            for (byte[] note : held) {
                Address out = freshThief();
                w.mixWithdraw(a, note, out);
                at(w.cfg.blocksPerDay() + within(2 * w.cfg.blocksPerDay()), () -> depositAll(out));
            }
        });
    }

    /** Bridges 60-90% of what the address holds to Bitcoin; the rest stays. */
    private void bridge(Address a) {
        BigInteger bal = w.chain.spendableEth(a).subtract(AnvilChain.reserve(EthWorld.GAS_CALL));
        w.bridgeEth(a, EthWorld.share(bal, 600_000 + w.rnd.nextInt(300_000)));
    }

    /** Swaps the tokens for ether at the pool (retrying next block when the pool is taken); the ether is deposited later. */
    private void swap(Address b, BigInteger tokens) {
        if (!w.canSwap()) {
            at(1, () -> swap(b, tokens));
            return;
        }
        w.swapTokenForEth(b, tokens);
        at(w.cfg.blocksPerDay() + within(w.cfg.blocksPerDay()), () -> depositAll(b));
    }
}
