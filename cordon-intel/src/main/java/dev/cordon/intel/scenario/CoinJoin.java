package dev.cordon.intel.scenario;

import dev.cordon.intel.scenario.World.User;
import java.util.ArrayList;
import java.util.List;

/**
 * One CoinJoin transaction: every participant gets equal-value outputs of
 * {@link Launderer#DENOMINATION} (the thief as many as its coins allow, each clean user one)
 * and change; the coordinator takes a fee per input; inputs and outputs are shuffled.
 */
final class CoinJoin {
    private final World w;
    private final Launderer launderer;

    CoinJoin(World w, Launderer launderer) {
        this.w = w;
        this.launderer = launderer;
    }

    void run(List<Coin> dirty, List<User> clean, List<Coin> cleanCoins) {
        long d = Launderer.DENOMINATION;
        long perInput = World.FEE + Launderer.coordinatorFee();
        List<long[]> outs = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        for (Coin c : dirty) {
            long k = Math.min(40, (c.value - perInput) / d);
            for (int i = 0; i < k; i++) {
                add(outs, kinds, d, w.ledger.newAddress(), 1);
            }
            add(outs, kinds, c.value - perInput - k * d, w.ledger.newAddress(), 2);
        }
        for (int i = 0; i < clean.size(); i++) {
            add(outs, kinds, d, clean.get(i).address, 3);
            add(outs, kinds, cleanCoins.get(i).value - perInput - d, clean.get(i).address, 3);
        }
        add(outs, kinds, Launderer.coordinatorFee() * (dirty.size() + clean.size()), w.coordinator, 0);
        List<Coin> inputs = new ArrayList<>(dirty);
        inputs.addAll(cleanCoins);
        Launderer.shuffle(inputs, w.rnd);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            order.add(i);
        }
        Launderer.shuffle(order, w.rnd);
        long[] values = new long[outs.size()];
        int[] addrs = new int[outs.size()];
        for (int i = 0; i < order.size(); i++) {
            values[i] = outs.get(order.get(i))[0];
            addrs[i] = (int) outs.get(order.get(i))[1];
        }
        List<Coin> coins = w.ledger.pay(inputs, values, addrs);
        distribute(coins, order, kinds);
    }

    private void distribute(List<Coin> coins, List<Integer> order, List<Integer> kinds) {
        List<Coin> mixed = new ArrayList<>();
        List<Coin> change = new ArrayList<>();
        for (int i = 0; i < coins.size(); i++) {
            Coin c = coins.get(i);
            int kind = kinds.get(order.get(i));
            if (kind == 1) {
                mixed.add(c);
            } else if (kind == 2) {
                change.add(c);
            } else if (kind == 3) {
                w.userAt.get(c.address).coins.add(c);
            }
        }
        launderer.afterMix(mixed, change);
    }

    private static void add(List<long[]> outs, List<Integer> kinds, long value, int address, int kind) {
        outs.add(new long[] {value, address});
        kinds.add(kind);
    }
}
