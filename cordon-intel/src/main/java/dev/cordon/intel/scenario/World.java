package dev.cordon.intel.scenario;

import dev.cordon.core.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The actors of a scenario and their coins. */
final class World {
    static final long FEE = 1_000;

    final Ledger ledger;
    final Random rnd;
    final ScenarioConfig cfg;
    final List<User> users = new ArrayList<>();
    final List<Exchange> exchanges = new ArrayList<>();
    /** Recipients drawn uniformly from this urn get more likely with every payment received. */
    final List<Integer> urn = new ArrayList<>();
    final Map<Integer, Label> labels = new LinkedHashMap<>();
    final List<Coin> minerCoins = new ArrayList<>();
    final int miner;
    final int coordinator;
    Exchange victim;

    record Label(String entity, Category category) {
    }

    final Map<Integer, User> userAt = new HashMap<>();

    static final class User {
        final int index;
        final int address;
        final List<Coin> coins = new ArrayList<>();
        final Map<Integer, Integer> depositAt = new HashMap<>();

        User(int index, int address) {
            this.index = index;
            this.address = address;
        }
    }

    static final class Exchange {
        final String name;
        final int hot;
        final List<Coin> hotCoins = new ArrayList<>();
        final List<Coin> deposits = new ArrayList<>();

        Exchange(String name, int hot) {
            this.name = name;
            this.hot = hot;
        }
    }

    private static final String[] NAMES = {"Northwind Exchange", "Quayside Markets", "Lumen Trade", "Saltmarsh Exchange",
        "Orchid Digital", "Basalt Exchange", "Kestrel Markets", "Tidewater Exchange"};

    World(Ledger ledger, Random rnd, ScenarioConfig cfg) {
        this.ledger = ledger;
        this.rnd = rnd;
        this.cfg = cfg;
        this.miner = ledger.newAddress();
        this.coordinator = label(ledger.newAddress(), "Example CoinJoin coordinator", Category.COINJOIN);
        for (int i = 0; i < cfg.users(); i++) {
            User u = new User(i, ledger.newAddress());
            users.add(u);
            userAt.put(u.address, u);
            urn.add(i);
        }
        for (int e = 0; e < cfg.exchanges(); e++) {
            exchanges.add(new Exchange(NAMES[e], label(ledger.newAddress(), NAMES[e], Category.EXCHANGE)));
        }
        victim = new Exchange("Victim Exchange", label(ledger.newAddress(), "Victim Exchange", Category.EXCHANGE));
    }

    int label(int address, String entity, Category category) {
        labels.put(address, new Label(entity, category));
        return address;
    }

    /** Whether a trace stops at the address: it is labelled as a service. */
    boolean isEndpoint(int address) {
        Label l = labels.get(address);
        return l != null && l.category().isService();
    }

    /** A fresh deposit address of {@code e}, labelled as the exchange's. */
    int newDeposit(Exchange e) {
        return label(ledger.newAddress(), e.name, Category.EXCHANGE);
    }

    /** The user's deposit address at exchange {@code e}, created on first use. */
    int depositOf(User u, int e) {
        return u.depositAt.computeIfAbsent(e, k -> newDeposit(exchanges.get(k)));
    }

    User randomRecipient() {
        return users.get(urn.get(rnd.nextInt(urn.size())));
    }

    /** Removes and returns a random coin of the user worth at least {@code min}, or null. */
    Coin takeCoin(List<Coin> coins, long min) {
        for (int tries = 0; tries < 4 && !coins.isEmpty(); tries++) {
            int i = rnd.nextInt(coins.size());
            if (coins.get(i).value >= min) {
                return coins.remove(i);
            }
        }
        for (int i = 0; i < coins.size(); i++) {
            if (coins.get(i).value >= min) {
                return coins.remove(i);
            }
        }
        return null;
    }

    /** A value between {@code lo} and {@code hi} fractions of {@code v}, log-uniform-ish. */
    long fraction(long v, double lo, double hi) {
        double f = lo * Math.pow(hi / lo, rnd.nextDouble());
        return Math.max(1, (long) (v * f));
    }
}
