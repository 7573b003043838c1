package dev.cordon.intel.account;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.intel.exposure.RiskLabels;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exposure on an account chain: for every account and asset, of the value it received, how much
 * came from each {@link RiskCategory} directly (paid by an account with that risk label) or
 * indirectly (through 2 .. N flows), N the hop cap. The Bitcoin rule of
 * {@link dev.cordon.intel.exposure.ExposureIndex} (haircut, Möser, Böhme, Breuker 2014) applied to
 * balances: each account's balance in each asset carries a vector of {@code 8 x N} amounts; a flow
 * from a risk-labelled account carries its whole amount at hop 1 of that category; a flow from any
 * other account carries {@code floor(e * amount / balance)} of each of the sender's amounts, one hop
 * further (the last hop falls off), and takes that much off the sender's vector; a debit beyond the
 * balance takes the missing units as clean value of unknown origin. Fees leave the sender like any
 * debit and reach nobody. A wrapped native token (WETH) is counted with the native asset.
 *
 * <p>Kept in chain order: {@link #extend} applies the graph's flows from where it stopped, so a
 * lookup ({@link #of}) is a read. Balances and vectors are exact integers in hash maps keyed by
 * (account, asset); only accounts with exposure hold a vector. Not thread-safe.
 */
public final class AccountExposure {
    private final RiskLabels risk;
    private final int hops;
    private final int width;
    private int cursor;
    private final U128Map balance = new U128Map();
    private final Map<Long, BigInteger[]> held = new HashMap<>();
    /** Keys that have held a vector at some point: a primitive check before the map on every flow. */
    private final U128Map heldKeys = new U128Map();
    private final U128Map received = new U128Map();
    private final Map<Long, BigInteger[]> receivedFrom = new HashMap<>();

    /**
     * @param hops the hop cap, 1 .. 8
     * @throws CordonException with {@link ErrorCode#USAGE} for a hop cap out of range
     */
    public AccountExposure(RiskLabels risk, int hops) {
        if (hops < 1 || hops > 8) {
            throw new CordonException(ErrorCode.USAGE, "hops must be 1..8: " + hops);
        }
        this.risk = risk;
        this.hops = hops;
        this.width = RiskCategory.COUNT * hops;
    }

    /** The hop cap. */
    public int hops() {
        return hops;
    }

    /** Flows applied so far (the next flow to apply). */
    public int cursor() {
        return cursor;
    }

    /**
     * Applies the graph's flows from the cursor to its end, in chain order.
     *
     * @return flows applied
     */
    public int extend(AccountGraph g) {
        int start = cursor;
        for (; cursor < g.flowCount(); cursor++) {
            apply(g, cursor);
        }
        return cursor - start;
    }

    /**
     * What the account received in one asset (its book asset: WETH is counted as ETH) and where
     * it came from, or empty when it received nothing in that asset.
     */
    public Optional<AccountExposureView> of(int account, int bookAsset) {
        BigInteger r = received.get(key(account, bookAsset));
        if (!received.contains(key(account, bookAsset))) {
            return Optional.empty();
        }
        BigInteger[] e = receivedFrom.get(key(account, bookAsset));
        return Optional.of(new AccountExposureView(bookAsset, r, hops, e == null ? zeros() : e.clone()));
    }

    /** Every asset the account received, by asset id. */
    public Map<Integer, AccountExposureView> of(int account) {
        return of(java.util.Set.of(account)).getOrDefault(account, Map.of());
    }

    /**
     * Every asset each of the accounts received, by account and asset id: one pass over the
     * received totals, however many accounts are asked (an entity's addresses).
     */
    public Map<Integer, Map<Integer, AccountExposureView>> of(java.util.Set<Integer> accounts) {
        Map<Integer, Map<Integer, AccountExposureView>> out = new HashMap<>();
        received.forEach((k, v) -> {
            int account = (int) (k >>> 32);
            if (accounts.contains(account)) {
                int asset = (int) (long) k;
                of(account, asset).ifPresent(x -> out.computeIfAbsent(account, a -> new TreeMap<>()).put(asset, x));
            }
        });
        return out;
    }

    /** Writes the state in the layout of {@link AccountExposureFile}, after the header. */
    void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(cursor);
        writeScalars(out, balance);
        writeScalars(out, received);
        writeVectors(out, held);
        writeVectors(out, receivedFrom);
    }

    /** Reads what {@link #writeTo} wrote. */
    static AccountExposure readFrom(java.io.DataInputStream in, RiskLabels risk, int hops) throws java.io.IOException {
        AccountExposure e = new AccountExposure(risk, hops);
        e.cursor = in.readInt();
        readScalars(in, e.balance);
        readScalars(in, e.received);
        e.readVectors(in, e.held);
        e.readVectors(in, e.receivedFrom);
        e.held.keySet().forEach(k -> e.heldKeys.set(k, BigInteger.ZERO));
        return e;
    }

    private static void writeScalars(java.io.DataOutputStream out, U128Map m) throws java.io.IOException {
        out.writeInt(m.size());
        java.io.IOException[] failed = {null};
        m.forEach((k, v) -> {
            try {
                out.writeLong(k);
                writeBig(out, v);
            } catch (java.io.IOException x) {
                failed[0] = x;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private void writeVectors(java.io.DataOutputStream out, Map<Long, BigInteger[]> m) throws java.io.IOException {
        out.writeInt(m.size());
        for (Map.Entry<Long, BigInteger[]> e : m.entrySet()) {
            out.writeLong(e.getKey());
            for (BigInteger v : e.getValue()) {
                writeBig(out, v);
            }
        }
    }

    private static void readScalars(java.io.DataInputStream in, U128Map m) throws java.io.IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new java.io.IOException("negative count");
        }
        for (int i = 0; i < n; i++) {
            m.set(in.readLong(), readBig(in));
        }
    }

    private void readVectors(java.io.DataInputStream in, Map<Long, BigInteger[]> m) throws java.io.IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new java.io.IOException("negative count");
        }
        for (int i = 0; i < n; i++) {
            long k = in.readLong();
            BigInteger[] v = new BigInteger[width];
            for (int j = 0; j < width; j++) {
                v[j] = readBig(in);
            }
            m.put(k, v);
        }
    }

    private static void writeBig(java.io.DataOutputStream out, BigInteger v) throws java.io.IOException {
        byte[] b = v.toByteArray();
        out.writeByte(b.length);
        out.write(b);
    }

    private static BigInteger readBig(java.io.DataInputStream in) throws java.io.IOException {
        int n = in.readUnsignedByte();
        if (n < 1 || n > 40) {
            throw new java.io.IOException("bad amount length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        BigInteger v = new BigInteger(b);
        if (v.signum() < 0) {
            throw new java.io.IOException("negative amount");
        }
        return v;
    }

    private void apply(AccountGraph g, int f) {
        int asset = g.bookAsset(g.asset(f));
        long ks = key(g.from(f), asset);
        long kr = key(g.to(f), asset);
        long ah = g.amountHigh(f);
        if (ah >= 0 && risk.riskOf(g.from(f)) < 0 && !heldKeys.contains(ks)) {
            long al = g.amountLow(f);
            balance.subtractClamped(ks, ah, al);
            if (!g.isFee(f)) {
                balance.add(kr, ah, al);
                received.add(kr, ah, al);
            }
            return;
        }
        BigInteger a = g.amount(f);
        BigInteger b = balance.get(ks).max(a);
        BigInteger[] taken = take(ks, a, b);
        balance.set(ks, b.subtract(a));
        if (g.isFee(f)) {
            return;
        }
        BigInteger[] carried = carried(g.from(f), a, taken);
        balance.set(kr, balance.get(kr).add(a));
        received.set(kr, received.get(kr).add(a));
        if (carried != null) {
            heldKeys.set(kr, BigInteger.ZERO);
            add(held, kr, carried);
            add(receivedFrom, kr, carried);
        }
    }

    /** Takes the debit's share off the sender's vector; null when the sender holds none. */
    private BigInteger[] take(long ks, BigInteger a, BigInteger b) {
        BigInteger[] e = held.get(ks);
        if (e == null) {
            return null;
        }
        BigInteger[] t = new BigInteger[width];
        boolean left = false;
        for (int i = 0; i < width; i++) {
            t[i] = e[i].signum() == 0 ? BigInteger.ZERO : e[i].multiply(a).divide(b);
            e[i] = e[i].subtract(t[i]);
            left |= e[i].signum() > 0;
        }
        if (!left) {
            held.remove(ks);
        }
        return t;
    }

    /** What the flow carries: all of it at hop 1 from a risk-labelled sender, else the taken share one hop on. */
    private BigInteger[] carried(int sender, BigInteger a, BigInteger[] taken) {
        int rc = risk.riskOf(sender);
        if (rc >= 0) {
            BigInteger[] c = zeros();
            c[rc * hops] = a;
            return c;
        }
        if (taken == null) {
            return null;
        }
        BigInteger[] c = zeros();
        boolean any = false;
        for (int cat = 0; cat < RiskCategory.COUNT; cat++) {
            for (int h = 0; h + 1 < hops; h++) {
                c[cat * hops + h + 1] = taken[cat * hops + h];
                any |= taken[cat * hops + h].signum() > 0;
            }
        }
        return any ? c : null;
    }

    private void add(Map<Long, BigInteger[]> m, long k, BigInteger[] v) {
        BigInteger[] e = m.computeIfAbsent(k, x -> zeros());
        for (int i = 0; i < width; i++) {
            e[i] = e[i].add(v[i]);
        }
    }

    private BigInteger[] zeros() {
        BigInteger[] z = new BigInteger[width];
        Arrays.fill(z, BigInteger.ZERO);
        return z;
    }

    private static long key(int account, int asset) {
        return (long) account << 32 | (asset & 0xFFFFFFFFL);
    }
}
