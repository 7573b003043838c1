package dev.cordon.intel.exposure;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.LabelStore;
import dev.cordon.store.ChainStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which addresses of one chain carry a risk label, by the chain store's dense address id: one
 * byte per address up to the largest labelled id, so a lookup in the exposure loop is an array
 * read. Labels of categories that map to no {@link RiskCategory} are ignored; an address with
 * several risk labels keeps the one with the lowest risk id (sanctions first). The
 * {@link #fingerprint()} identifies the set, so a persisted exposure index built with other
 * labels is rebuilt rather than mixed. Built from addresses ({@link #of}), it hashes the
 * (address text, risk) pairs, labelled addresses the store has not seen yet included: it stays
 * the same while the store grows, and an index built before a labelled address first appeared is
 * still right (the address had no transaction before the index's cursor). Immutable.
 */
public final class RiskLabels {
    private static final byte NONE = -1;

    private final Chain chain;
    private final byte[] risk;
    private final int count;
    private final long fingerprint;

    private RiskLabels(Chain chain, byte[] risk, int count, long fingerprint) {
        this.chain = chain;
        this.risk = risk;
        this.count = count;
        this.fingerprint = fingerprint;
    }

    private static long idFingerprint(byte[] risk) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < risk.length; i++) {
            if (risk[i] != NONE) {
                h = mix(h ^ ((long) i << 8 | risk[i]));
            }
        }
        return h;
    }

    /**
     * Order-independent hash of (address text, risk id) pairs: the sum of a 64-bit FNV-1a of
     * each address's UTF-16 text and its risk id, each mixed.
     */
    private static long textFingerprint(Map<Address, RiskCategory> byAddress) {
        long sum = 0x9E3779B97F4A7C15L;
        for (Map.Entry<Address, RiskCategory> e : byAddress.entrySet()) {
            long h = 0xCBF29CE484222325L;
            String text = e.getKey().value();
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * 0x100000001B3L;
            }
            sum += mix(h ^ e.getValue().id());
        }
        return mix(sum);
    }

    private static long mix(long x) {
        long h = x * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }

    /**
     * The risk labels among {@code labels} for addresses of {@code chain} the store knows.
     * Running time O(n) store lookups.
     */
    public static RiskLabels of(Chain chain, Map<Address, Category> labels, ChainStore store) {
        Map<Address, RiskCategory> byAddress = new HashMap<>();
        for (Map.Entry<Address, Category> e : labels.entrySet()) {
            Optional<RiskCategory> rc = RiskCategory.of(e.getValue());
            if (e.getKey().chain() == chain && rc.isPresent()) {
                byAddress.merge(e.getKey(), rc.get(), (x, y) -> x.id() <= y.id() ? x : y);
            }
        }
        byte[] risk = new byte[0];
        int count = 0;
        for (Map.Entry<Address, RiskCategory> e : byAddress.entrySet()) {
            OptionalInt id = chain == Chain.ETHEREUM
                    ? store.ethereum().address(e.getKey(), 0).map(i -> OptionalInt.of(i.addressId())).orElse(OptionalInt.empty())
                    : store.addressId(e.getKey());
            if (id.isEmpty()) {
                continue;
            }
            int a = id.getAsInt();
            if (a >= risk.length) {
                int old = risk.length;
                risk = Arrays.copyOf(risk, Math.max(a + 1, old + (old >> 1) + 16));
                Arrays.fill(risk, old, risk.length, NONE);
            }
            count++;
            risk[a] = (byte) e.getValue().id();
        }
        return new RiskLabels(chain, risk, count, textFingerprint(byAddress));
    }

    /**
     * The risk labels among the labels of {@code labels} open now, for addresses of
     * {@code chain}: a label's abuse category when it has one, else its category. Running time
     * one pass over the label store plus O(n) chain store lookups.
     */
    public static RiskLabels of(Chain chain, LabelStore labels, ChainStore store) {
        Map<Address, Category> m = new HashMap<>();
        labels.forEachLabel(l -> {
            if (l.isOpen() && l.subject() instanceof LabelSubject.OfAddress s && s.chain() == chain) {
                Category c = l.abuse().orElse(l.category());
                m.merge(s.address(), c, (x, y) -> RiskCategory.of(x).isPresent() ? x : y);
            }
        });
        return of(chain, m, store);
    }

    /**
     * Risk labels given by dense address id: {@code categories[i]} for {@code addressIds[i]}.
     *
     * @throws IllegalArgumentException when the arrays differ in length or an id is negative
     */
    public static RiskLabels ofIds(Chain chain, int[] addressIds, RiskCategory[] categories) {
        if (addressIds.length != categories.length) {
            throw new IllegalArgumentException("address ids and categories differ in length");
        }
        int max = -1;
        for (int a : addressIds) {
            if (a < 0) {
                throw new IllegalArgumentException("negative address id " + a);
            }
            max = Math.max(max, a);
        }
        byte[] risk = new byte[max + 1];
        Arrays.fill(risk, NONE);
        int count = 0;
        for (int i = 0; i < addressIds.length; i++) {
            int a = addressIds[i];
            count += risk[a] == NONE ? 1 : 0;
            risk[a] = (byte) (risk[a] == NONE ? categories[i].id() : Math.min(risk[a], categories[i].id()));
        }
        return new RiskLabels(chain, risk, count, idFingerprint(risk));
    }

    /** No risk labels. */
    public static RiskLabels none(Chain chain) {
        return new RiskLabels(chain, new byte[0], 0, idFingerprint(new byte[0]));
    }

    public Chain chain() {
        return chain;
    }

    /** The risk category id of the address, or -1 when it carries no risk label. */
    public int riskOf(int addressId) {
        return addressId >= 0 && addressId < risk.length ? risk[addressId] : NONE;
    }

    /** Number of labelled addresses. */
    public int size() {
        return count;
    }

    /**
     * A 64-bit hash of the set: of the (address text, risk id) pairs when built by {@link #of},
     * of the (address id, risk id) pairs when built by {@link #ofIds}.
     */
    public long fingerprint() {
        return fingerprint;
    }
}
