package dev.cordon.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact amount of an asset in base units (satoshis, wei, token units). Never a double.
 */
public record Amount(Asset asset, BigInteger units) implements Comparable<Amount> {
    public Amount {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(units, "units");
    }

    public static Amount of(Asset asset, long units) {
        return new Amount(asset, BigInteger.valueOf(units));
    }

    /** Satoshis of BTC. */
    public static Amount sats(long sats) {
        return of(Chain.BITCOIN.nativeAsset(), sats);
    }

    public Amount plus(Amount o) {
        requireSameAsset(o);
        return new Amount(asset, units.add(o.units));
    }

    public Amount minus(Amount o) {
        requireSameAsset(o);
        return new Amount(asset, units.subtract(o.units));
    }

    public boolean isZero() {
        return units.signum() == 0;
    }

    /** The amount in display units, exact, without trailing zeros ({@code 50}, {@code 0.0001}). */
    public String toPlainString() {
        BigDecimal d = new BigDecimal(units, asset.decimals()).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    @Override
    public int compareTo(Amount o) {
        requireSameAsset(o);
        return units.compareTo(o.units);
    }

    @Override
    public String toString() {
        return toPlainString() + " " + asset.symbol();
    }

    private void requireSameAsset(Amount o) {
        if (!asset.equals(o.asset)) {
            throw new CordonException(ErrorCode.DATA, "cannot combine " + asset.symbol() + " with " + o.asset.symbol());
        }
    }
}
