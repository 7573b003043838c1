package dev.cordon.intel.exposure;

import java.util.Arrays;

/**
 * Exposure of one address (or output) to the {@link RiskCategory risk categories}: of the
 * {@link #received()} base units, how many came from each category at each hop (hop 1: paid
 * directly by an address of that category). Amounts are base units of the chain's native asset,
 * lower bounds (see {@link ExposureIndex}). Immutable.
 */
public final class Exposure {
    private final long received;
    private final int hops;
    private final long[] exposed;

    /**
     * @param exposed {@code RiskCategory.COUNT * hops} amounts, category-major: index
     *                {@code category * hops + (hop - 1)}; copied
     */
    public Exposure(long received, int hops, long[] exposed) {
        if (received < 0 || hops < 1 || exposed.length != RiskCategory.COUNT * hops) {
            throw new IllegalArgumentException("bad exposure: received " + received + ", hops " + hops
                    + ", " + exposed.length + " amounts");
        }
        this.received = received;
        this.hops = hops;
        this.exposed = exposed.clone();
    }

    /** Value received in total (base units). */
    public long received() {
        return received;
    }

    /** The hop cap the figures were computed with. */
    public int hops() {
        return hops;
    }

    /** Value from {@code c} that arrived {@code hop} transactions after leaving it ({@code 1 .. hops}). */
    public long exposed(RiskCategory c, int hop) {
        if (hop < 1 || hop > hops) {
            throw new IllegalArgumentException("hop must be 1.." + hops + ": " + hop);
        }
        return exposed[c.id() * hops + hop - 1];
    }

    /** Value paid directly by an address of category {@code c}. */
    public long direct(RiskCategory c) {
        return exposed[c.id() * hops];
    }

    /** Value from {@code c} through 2 .. hops transactions. */
    public long indirect(RiskCategory c) {
        return total(c) - direct(c);
    }

    /** Value from {@code c} within the hop cap. */
    public long total(RiskCategory c) {
        long s = 0;
        for (int h = 0; h < hops; h++) {
            s += exposed[c.id() * hops + h];
        }
        return s;
    }

    /** {@code total(c) / received}, 0 when nothing was received. */
    public double share(RiskCategory c) {
        return received == 0 ? 0 : (double) total(c) / received;
    }

    /** Whether any category reached this address within the cap. */
    public boolean isExposed() {
        for (long e : exposed) {
            if (e != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exposure x && x.received == received && x.hops == hops && Arrays.equals(x.exposed, exposed);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(received) * 31 + Arrays.hashCode(exposed);
    }

    @Override
    public String toString() {
        return "Exposure[received=" + received + ", hops=" + hops + ", exposed=" + Arrays.toString(exposed) + "]";
    }
}
