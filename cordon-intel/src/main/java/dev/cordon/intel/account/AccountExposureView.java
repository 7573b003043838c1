package dev.cordon.intel.account;

import dev.cordon.intel.exposure.RiskCategory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * One account's exposure in one asset: of the {@code received} base units, how many came from
 * each risk category at each hop ({@code exposed}, category-major: {@code category * hops + hop - 1}).
 */
public record AccountExposureView(int asset, BigInteger received, int hops, BigInteger[] exposed) {
    public AccountExposureView {
        Objects.requireNonNull(received, "received");
        if (exposed.length != RiskCategory.COUNT * hops) {
            throw new IllegalArgumentException("expected " + RiskCategory.COUNT * hops + " amounts, got " + exposed.length);
        }
        exposed = exposed.clone();
    }

    /** The sum of two views of the same asset and hop cap (an entity's addresses together). */
    public AccountExposureView plus(AccountExposureView o) {
        if (o.asset != asset || o.hops != hops) {
            throw new IllegalArgumentException("cannot add exposure of asset " + o.asset + " to asset " + asset);
        }
        BigInteger[] e = new BigInteger[exposed.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = exposed[i].add(o.exposed[i]);
        }
        return new AccountExposureView(asset, received.add(o.received), hops, e);
    }

    /** Value paid directly by an account of category {@code c}. */
    public BigInteger direct(RiskCategory c) {
        return exposed[c.id() * hops];
    }

    /** Value from {@code c} within the hop cap. */
    public BigInteger total(RiskCategory c) {
        BigInteger s = BigInteger.ZERO;
        for (int h = 0; h < hops; h++) {
            s = s.add(exposed[c.id() * hops + h]);
        }
        return s;
    }

    /** Value from {@code c} through 2 .. hops flows. */
    public BigInteger indirect(RiskCategory c) {
        return total(c).subtract(direct(c));
    }

    /** {@link #total} as a fraction of what was received. */
    public double share(RiskCategory c) {
        return received.signum() == 0 ? 0
                : new BigDecimal(total(c)).divide(new BigDecimal(received), MathContext.DECIMAL64).doubleValue();
    }
}
