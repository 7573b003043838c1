package dev.cordon.intel.account;

import dev.cordon.intel.trace.AccountRule;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which earlier credits of an account one of its debits is made of, under an {@link AccountRule}:
 * the account's history in the debit's asset is replayed up to the debit. What a converter (WETH)
 * pays out is made of what the same account paid in for it: the ETH of a wrap, or for an unwrap
 * the parts of the WETH that account paid in. Value the replay cannot
 * explain (the balance went below zero: a genesis allocation, a reward, history before the first
 * ingested block) is a part of {@link #UNKNOWN} origin. Running time O(h) in the account's
 * history for every debit asked.
 */
final class DebitParts {
    /** The origin of value the account's history does not show. */
    static final int UNKNOWN = -2;

    /**
     * One part of a debit.
     *
     * @param origin the credit flow it came from, or {@link #UNKNOWN}
     * @param units  exact units
     */
    record Part(int origin, BigInteger units) {
    }

    private DebitParts() {
    }

    /** The parts of {@code debit}, a flow sent by {@code account}, in the order the rule takes them. */
    static List<Part> of(AccountGraph g, int account, int debit, AccountRule rule) {
        int partner = g.isConverter(account) ? g.partner(debit) : AccountGraph.NONE;
        if (partner != AccountGraph.NONE) {
            return partner < debit ? List.of(new Part(partner, g.amount(partner)))
                    : of(g, g.from(partner), partner, rule);
        }
        return switch (rule) {
            case OLDEST_FIRST, NEWEST_FIRST -> queue(g, account, debit, rule == AccountRule.NEWEST_FIRST);
            case PROPORTIONAL -> proportional(g, account, debit);
            case ANY_CONTACT -> contacts(g, account, debit);
        };
    }

    /**
     * The parts that make {@code demand} units of the debit: the first units in the rule's order,
     * or for {@link AccountRule#PROPORTIONAL} the demand apportioned by units (largest
     * remainders, so the parts sum to the demand exactly), or every part in full for poison.
     */
    static List<Part> take(List<Part> parts, BigInteger demand, AccountRule rule) {
        if (rule == AccountRule.ANY_CONTACT) {
            return parts;
        }
        if (rule == AccountRule.PROPORTIONAL) {
            return apportion(parts, demand);
        }
        List<Part> out = new ArrayList<>();
        BigInteger left = demand;
        for (Part p : parts) {
            if (left.signum() == 0) {
                break;
            }
            BigInteger u = left.min(p.units());
            out.add(new Part(p.origin(), u));
            left = left.subtract(u);
        }
        return out;
    }

    private static List<Part> queue(AccountGraph g, int account, int debit, boolean lifo) {
        int asset = g.asset(debit);
        Deque<Part> q = new ArrayDeque<>();
        for (int f = g.firstFlowOf(account); f != debit; f = g.nextFlowOf(account, f)) {
            if (g.asset(f) != asset) {
                continue;
            }
            if (g.from(f) == account) {
                consume(q, g.amount(f), lifo, null);
            }
            if (g.to(f) == account) {
                q.addLast(new Part(f, g.amount(f)));
            }
        }
        List<Part> out = new ArrayList<>();
        BigInteger missing = consume(q, g.amount(debit), lifo, out);
        if (missing.signum() > 0) {
            out.add(new Part(UNKNOWN, missing));
        }
        return out;
    }

    /** Takes {@code amount} units off the queue, into {@code out} when given; returns what was missing. */
    private static BigInteger consume(Deque<Part> q, BigInteger amount, boolean lifo, List<Part> out) {
        BigInteger left = amount;
        while (left.signum() > 0 && !q.isEmpty()) {
            Part p = lifo ? q.pollLast() : q.pollFirst();
            BigInteger u = left.min(p.units());
            if (out != null) {
                out.add(new Part(p.origin(), u));
            }
            left = left.subtract(u);
            if (u.compareTo(p.units()) < 0) {
                Part rest = new Part(p.origin(), p.units().subtract(u));
                if (lifo) {
                    q.addLast(rest);
                } else {
                    q.addFirst(rest);
                }
            }
        }
        return left;
    }

    /**
     * Haircut backward: every debit takes from each credit still in the balance in proportion to
     * what is left of it (exact integer shares, largest remainders), so what is left of each credit
     * when the debit is made is known to the unit. A debit beyond the balance empties it.
     * Running time O(credits x debits) of the account's history in the asset.
     */
    private static List<Part> proportional(AccountGraph g, int account, int debit) {
        int asset = g.asset(debit);
        List<Part> live = new ArrayList<>();
        BigInteger balance = BigInteger.ZERO;
        for (int f = g.firstFlowOf(account); f != debit; f = g.nextFlowOf(account, f)) {
            if (g.asset(f) != asset) {
                continue;
            }
            if (g.from(f) == account) {
                BigInteger d = g.amount(f);
                if (d.compareTo(balance) >= 0) {
                    live.clear();
                    balance = BigInteger.ZERO;
                } else {
                    List<Part> taken = apportion(live, d);
                    live = minus(live, taken);
                    balance = balance.subtract(d);
                }
            }
            if (g.to(f) == account) {
                live.add(new Part(f, g.amount(f)));
                balance = balance.add(g.amount(f));
            }
        }
        BigInteger a = g.amount(debit);
        List<Part> out = new ArrayList<>(live);
        if (a.compareTo(balance) > 0) {
            out.add(new Part(UNKNOWN, a.subtract(balance)));
        }
        return out;
    }

    /** What is left of each part after {@code taken} (the same origins, in the same order) is removed. */
    private static List<Part> minus(List<Part> live, List<Part> taken) {
        java.util.Map<Integer, BigInteger> by = new java.util.HashMap<>();
        taken.forEach(t -> by.merge(t.origin(), t.units(), BigInteger::add));
        List<Part> out = new ArrayList<>(live.size());
        for (Part p : live) {
            BigInteger left = p.units().subtract(by.getOrDefault(p.origin(), BigInteger.ZERO));
            if (left.signum() > 0) {
                out.add(new Part(p.origin(), left));
            }
        }
        return out;
    }

    private static List<Part> contacts(AccountGraph g, int account, int debit) {
        int asset = g.asset(debit);
        List<Part> out = new ArrayList<>();
        for (int f = g.firstFlowOf(account); f != debit; f = g.nextFlowOf(account, f)) {
            if (g.asset(f) == asset && g.to(f) == account && g.from(f) != account) {
                out.add(new Part(f, g.amount(f)));
            }
        }
        return out;
    }

    /**
     * {@code demand} split over the parts in proportion to their units, exactly: floors of
     * {@code demand * units / total}, then one unit each to the largest remainders (ties to the
     * earlier part), so the shares sum to the demand and none exceeds its part when the demand is
     * at most the total.
     */
    private static List<Part> apportion(List<Part> parts, BigInteger demand) {
        BigInteger total = BigInteger.ZERO;
        for (Part p : parts) {
            total = total.add(p.units());
        }
        if (total.signum() == 0) {
            return parts.isEmpty() || demand.signum() == 0 ? List.of() : List.of(new Part(UNKNOWN, demand));
        }
        BigInteger[] units = new BigInteger[parts.size()];
        BigInteger[] rest = new BigInteger[parts.size()];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            BigInteger[] qr = demand.multiply(parts.get(i).units()).divideAndRemainder(total);
            units[i] = qr[0];
            rest[i] = qr[1];
            given = given.add(qr[0]);
        }
        for (int left = demand.subtract(given).intValueExact(); left > 0; left--) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i].compareTo(rest[best]) > 0) {
                    best = i;
                }
            }
            units[best] = units[best].add(BigInteger.ONE);
            rest[best] = BigInteger.ONE.negate();
        }
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (units[i].signum() > 0) {
                out.add(new Part(parts.get(i).origin(), units[i]));
            }
        }
        return out;
    }
}
