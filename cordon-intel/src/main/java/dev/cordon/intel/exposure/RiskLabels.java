package dev.cordon.intel.exposure;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.store.ChainStore;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which addresses of one chain carry a risk label, by the chain store's dense address id: one
 * byte per address up to the largest labelled id, so a lookup in the exposure loop is an array
 * read. Labels of categories that map to no {@link RiskCategory} are ignored; an address with
 * several risk labels keeps the one with the lowest risk id (sanctions first). The
 * {@link #fingerprint()} identifies the set, so a persisted exposure index built with other
 * labels is rebuilt rather than mixed. Immutable.
 */
public final class RiskLabels {
    private static final byte NONE = -1;

    private final Chain chain;
    private final byte[] risk;
    private final int count;
    private final long fingerprint;

    private RiskLabels(Chain chain, byte[] risk, int count) {
        this.chain = chain;
        this.risk = risk;
        this.count = count;
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < risk.length; i++) {
            if (risk[i] != NONE) {
                h = (h ^ ((long) i << 8 | risk[i])) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
        }
        this.fingerprint = h;
    }

    /**
     * The risk labels among {@code labels} for addresses of {@code chain} the store knows.
     * Running time O(n) store lookups.
     */
    public static RiskLabels of(Chain chain, Map<Address, Category> labels, ChainStore store) {
        byte[] risk = new byte[0];
        int count = 0;
        for (Map.Entry<Address, Category> e : labels.entrySet()) {
            Optional<RiskCategory> rc = RiskCategory.of(e.getValue());
            if (e.getKey().chain() != chain || rc.isEmpty()) {
                continue;
            }
            OptionalInt id = store.addressId(e.getKey());
            if (id.isEmpty()) {
                continue;
            }
            int a = id.getAsInt();
            if (a >= risk.length) {
                int old = risk.length;
                risk = Arrays.copyOf(risk, Math.max(a + 1, old + (old >> 1) + 16));
                Arrays.fill(risk, old, risk.length, NONE);
            }
            if (risk[a] == NONE) {
                count++;
                risk[a] = (byte) rc.get().id();
            } else {
                risk[a] = (byte) Math.min(risk[a], rc.get().id());
            }
        }
        return new RiskLabels(chain, risk, count);
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
        return new RiskLabels(chain, risk, count);
    }

    /** No risk labels. */
    public static RiskLabels none(Chain chain) {
        return new RiskLabels(chain, new byte[0], 0);
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

    /** A 64-bit hash of the (address id, risk id) pairs. */
    public long fingerprint() {
        return fingerprint;
    }
}
