package dev.cordon.intel.scenario;

import dev.cordon.core.Category;
import dev.cordon.intel.scenario.World.Exchange;
import dev.cordon.intel.scenario.World.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The planted theft and its laundering, after the pattern public reporting describes for DPRK
 * operations: the stolen value is split across many fresh addresses, walked down peel chains
 * that drop small deposits at exchanges, partly mixed through CoinJoin rounds (equal-value
 * outputs, inputs and outputs shuffled, clean participants alongside), and cashed out at
 * several exchanges over days; when the config asks for it, some split coins are swapped
 * through a THORChain-style vault ({@link ThorchainVault}) and the swap's output peeled once
 * more. Steps are scheduled as events at later heights.
 */
final class Launderer {
    static final long DENOMINATION = 50_000_000L;
    private static final long COORDINATOR_FEE = 5_000;
    private static final int PARTICIPANTS = 8;

    private final World w;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final List<Coin> toMix = new ArrayList<>();
    final List<Coin> stolen = new ArrayList<>();
    final Set<Integer> laundererDeposits = new HashSet<>();
    final ThorchainVault thorchain;
    private int swapsLeft;
    String theftTxid;
    int theftHeight;
    private int seq;

    private record Event(int height, int seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return height != o.height ? Integer.compare(height, o.height) : Integer.compare(seq, o.seq);
        }
    }

    Launderer(World w) {
        this.w = w;
        this.thorchain = new ThorchainVault(w);
        this.swapsLeft = w.cfg.thorchainSwaps();
    }

    void runDue(int height) {
        while (!events.isEmpty() && events.peek().height() <= height) {
            events.poll().action().run();
        }
    }

    private void at(int height, Runnable action) {
        events.add(new Event(height, seq++, action));
    }

    /** Drains the victim's hot wallet into fresh thief addresses; those outputs are the seeds. */
    void theft(FifoOracle oracle) {
        Exchange v = w.victim;
        long need = w.cfg.stolenSats() + World.FEE;
        List<Coin> ins = new ArrayList<>();
        long sum = 0;
        while (sum < need) {
            Coin c = v.hotCoins.remove(0);
            ins.add(c);
            sum += c.value;
        }
        int n = w.cfg.theftOutputs();
        long[] values = new long[n + 1];
        int[] addrs = new int[n + 1];
        long left = w.cfg.stolenSats();
        for (int k = 0; k < n; k++) {
            values[k] = k == n - 1 ? left : left / (n - k) + w.rnd.nextInt(1_000_000);
            left -= values[k];
            addrs[k] = w.label(w.ledger.newAddress(), "Planted heist", Category.PERPETRATOR);
        }
        values[n] = sum - need;
        addrs[n] = v.hot;
        List<Coin> outs = w.ledger.pay(ins, values, addrs);
        theftTxid = BlockSerializer.displayHex(outs.get(0).txid);
        theftHeight = w.ledger.height();
        v.hotCoins.add(outs.get(n));
        for (int k = 0; k < n; k++) {
            stolen.add(outs.get(k));
            oracle.seed(outs.get(k));
            Coin c = outs.get(k);
            at(theftHeight + 1 + w.rnd.nextInt(3), () -> split(c));
        }
        int span = w.cfg.launderingBlocks();
        for (int r = 0; r < w.cfg.mixRounds(); r++) {
            at(theftHeight + 12 + (r + 1) * span / (2 * (w.cfg.mixRounds() + 1)), this::mixRound);
        }
    }

    private void split(Coin c) {
        int n = w.cfg.splitWays();
        long[] values = new long[n];
        int[] addrs = new int[n];
        long left = c.value - World.FEE;
        for (int k = 0; k < n; k++) {
            values[k] = k == n - 1 ? left : w.fraction(left, 0.5 / (n - k), 2.0 / (n - k + 1));
            left -= values[k];
            addrs[k] = w.ledger.newAddress();
        }
        List<Coin> outs = w.ledger.pay(List.of(c), values, addrs);
        for (int k = 0; k < n; k++) {
            Coin o = outs.get(k);
            if (k % 2 == 1 && w.cfg.mixRounds() > 0 && o.value > 2 * DENOMINATION) {
                toMix.add(o);
            } else if (swapsLeft > 0 && o.value > 400 * World.FEE) {
                swapsLeft--;
                at(w.ledger.height() + 1 + w.rnd.nextInt(36), () -> thorchain.swap(o, this::at,
                        d -> at(w.ledger.height() + 1 + w.rnd.nextInt(36), () -> peel(d, 1))));
            } else {
                at(w.ledger.height() + 1 + w.rnd.nextInt(36), () -> peel(o, w.cfg.peelHops()));
            }
        }
    }

    /** One hop of a peel chain: a small deposit at an exchange, the rest to a fresh address. */
    private void peel(Coin c, int hopsLeft) {
        if (c.value < 40 * World.FEE) {
            return;
        }
        Exchange e = w.exchanges.get(w.rnd.nextInt(w.exchanges.size()));
        int deposit = w.newDeposit(e);
        laundererDeposits.add(deposit);
        if (hopsLeft == 0) {
            if (w.rnd.nextInt(3) > 0) {
                w.ledger.pay(List.of(c), new long[] {c.value - World.FEE}, new int[] {deposit});
            }
            return;
        }
        long amount = w.fraction(c.value - World.FEE, 0.05, 0.25);
        List<Coin> outs = w.ledger.pay(List.of(c), new long[] {amount, c.value - World.FEE - amount},
                new int[] {deposit, w.ledger.newAddress()});
        Coin next = outs.get(1);
        at(w.ledger.height() + 1 + w.rnd.nextInt(36), () -> peel(next, hopsLeft - 1));
    }

    /** A CoinJoin: the thief's coins beside clean users' coins, equal outputs, all shuffled. */
    private void mixRound() {
        int take = Math.min(toMix.size(), Math.max(1, toMix.size() / Math.max(1, w.cfg.mixRounds())));
        List<Coin> dirty = new ArrayList<>(toMix.subList(0, take));
        toMix.subList(0, take).clear();
        List<User> clean = new ArrayList<>();
        List<Coin> cleanCoins = new ArrayList<>();
        for (int tries = 0; tries < 200 && clean.size() < PARTICIPANTS; tries++) {
            User u = w.users.get(w.rnd.nextInt(w.users.size()));
            Coin c = clean.contains(u) ? null : w.takeCoin(u.coins, DENOMINATION + 10 * World.FEE);
            if (c != null) {
                clean.add(u);
                cleanCoins.add(c);
            }
        }
        if (dirty.isEmpty()) {
            return;
        }
        new CoinJoin(w, this).run(dirty, clean, cleanCoins);
    }

    /** Post-mix coins are cashed out at random exchanges over the remaining days, some kept. */
    void afterMix(List<Coin> mixed, List<Coin> change) {
        int end = theftHeight + w.cfg.launderingBlocks() - 1;
        for (Coin c : mixed) {
            if (w.rnd.nextInt(5) == 0) {
                continue;
            }
            int h = w.ledger.height() + 1 + w.rnd.nextInt(Math.max(1, end - w.ledger.height()));
            at(h, () -> {
                int deposit = w.newDeposit(w.exchanges.get(w.rnd.nextInt(w.exchanges.size())));
                laundererDeposits.add(deposit);
                w.ledger.pay(List.of(c), new long[] {c.value - World.FEE}, new int[] {deposit});
            });
        }
        for (Coin c : change) {
            at(w.ledger.height() + 1 + w.rnd.nextInt(36), () -> peel(c, 2));
        }
    }

    static long coordinatorFee() {
        return COORDINATOR_FEE;
    }

    static void shuffle(List<?> list, java.util.Random rnd) {
        Collections.shuffle(list, rnd);
    }
}
