package dev.cordon.intel.scenario;

import dev.cordon.intel.scenario.World.Exchange;
import dev.cordon.intel.scenario.World.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Ordinary activity around the theft: miners fund users, users pay each other (recipients by
 * preferential attachment, so in-degrees follow a power law; amounts a log-uniform fraction of
 * a coin), users deposit to their exchange deposit addresses and withdraw from hot wallets,
 * and exchanges sweep deposits into their hot wallets every 12 blocks.
 */
final class Background {
    private static final int SWEEP_EVERY = 12;
    private static final int MAX_SWEEP_INPUTS = 60;

    private final World w;

    Background(World w) {
        this.w = w;
    }

    /** Spends one miner coin to {@code n} random users. */
    void distribute(int n) {
        Coin c = w.minerCoins.isEmpty() ? null : w.minerCoins.remove(0);
        if (c == null) {
            return;
        }
        long[] values = new long[n];
        int[] addrs = new int[n];
        long left = c.value - World.FEE;
        for (int k = 0; k < n; k++) {
            values[k] = k == n - 1 ? left : w.fraction(left, 0.02, 0.3);
            left -= values[k];
            User u = w.users.get(w.rnd.nextInt(w.users.size()));
            addrs[k] = u.address;
        }
        List<Coin> outs = w.ledger.pay(List.of(c), values, addrs);
        for (Coin o : outs) {
            userOf(o.address).coins.add(o);
        }
    }

    void block() {
        int h = w.ledger.height();
        for (int i = 0; i < w.cfg.backgroundTxPerBlock(); i++) {
            int r = w.rnd.nextInt(10);
            if (r < 6) {
                payment();
            } else if (r < 8) {
                deposit();
            } else {
                withdrawal();
            }
        }
        if (h % SWEEP_EVERY == 0) {
            for (Exchange e : w.exchanges) {
                sweep(e);
            }
        }
    }

    private void payment() {
        User from = w.users.get(w.rnd.nextInt(w.users.size()));
        Coin c = w.takeCoin(from.coins, 20 * World.FEE);
        if (c == null) {
            return;
        }
        User to = w.randomRecipient();
        long amount = w.fraction(c.value - World.FEE, 0.05, 0.9);
        List<Coin> outs = w.ledger.pay(List.of(c), new long[] {amount, c.value - World.FEE - amount},
                new int[] {to.address, from.address});
        to.coins.add(outs.get(0));
        from.coins.add(outs.get(1));
        w.urn.add(to.index);
    }

    private void deposit() {
        User u = w.users.get(w.rnd.nextInt(w.users.size()));
        Coin c = w.takeCoin(u.coins, 20 * World.FEE);
        if (c == null) {
            return;
        }
        int e = w.rnd.nextInt(w.exchanges.size());
        List<Coin> outs = w.ledger.pay(List.of(c), new long[] {c.value - World.FEE}, new int[] {w.depositOf(u, e)});
        w.exchanges.get(e).deposits.add(outs.get(0));
    }

    private void withdrawal() {
        Exchange e = w.exchanges.get(w.rnd.nextInt(w.exchanges.size()));
        Coin c = w.takeCoin(e.hotCoins, 100 * World.FEE);
        if (c == null) {
            return;
        }
        User to = w.randomRecipient();
        long amount = w.fraction(c.value - World.FEE, 0.001, 0.05);
        List<Coin> outs = w.ledger.pay(List.of(c), new long[] {amount, c.value - World.FEE - amount},
                new int[] {to.address, e.hot});
        to.coins.add(outs.get(0));
        e.hotCoins.add(outs.get(1));
    }

    /** Consolidates the exchange's deposits into one hot-wallet output. */
    void sweep(Exchange e) {
        if (e.deposits.isEmpty()) {
            return;
        }
        List<Coin> ins = new ArrayList<>(e.deposits.subList(0, Math.min(MAX_SWEEP_INPUTS, e.deposits.size())));
        e.deposits.subList(0, ins.size()).clear();
        long sum = 0;
        for (Coin c : ins) {
            sum += c.value;
        }
        long fee = Math.min(sum, World.FEE * ins.size());
        List<Coin> outs = w.ledger.pay(ins, new long[] {sum - fee}, new int[] {e.hot});
        e.hotCoins.add(outs.get(0));
    }

    User userOf(int address) {
        return w.userAt.get(address);
    }
}
