package dev.cordon.workforce;

import java.util.Objects;

/**
 * A resolved location.
 *
 * @param country   ISO 3166-1 alpha-2 code in upper case, or empty when unknown
 * @param city      city name, or empty
 * @param latitude  degrees, or {@code NaN} when unknown
 * @param longitude degrees, or {@code NaN} when unknown
 * @param radiusKm  how far the true position may be from the point, in km (0 when unknown)
 * @param source    where it came from
 */
public record Geo(String country, String city, double latitude, double longitude, int radiusKm, GeoSource source) {
    /** Nothing known. */
    public static final Geo UNKNOWN = new Geo("", "", Double.NaN, Double.NaN, 0, GeoSource.NONE);

    public Geo {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(source, "source");
        if (!country.isEmpty() && !isCountryCode(country)) {
            throw new IllegalArgumentException("country must be an upper-case ISO alpha-2 code: " + country);
        }
        if (!Double.isNaN(latitude) && (latitude < -90 || latitude > 90)) {
            throw new IllegalArgumentException("latitude out of range: " + latitude);
        }
        if (!Double.isNaN(longitude) && (longitude < -180 || longitude > 180)) {
            throw new IllegalArgumentException("longitude out of range: " + longitude);
        }
        if (radiusKm < 0) {
            throw new IllegalArgumentException("radiusKm must be >= 0: " + radiusKm);
        }
    }

    /** True when both coordinates are known. */
    public boolean hasPoint() {
        return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }

    public boolean hasCountry() {
        return !country.isEmpty();
    }

    /** True for two upper-case ASCII letters. */
    public static boolean isCountryCode(String s) {
        return s.length() == 2 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' && s.charAt(1) >= 'A' && s.charAt(1) <= 'Z';
    }
}
