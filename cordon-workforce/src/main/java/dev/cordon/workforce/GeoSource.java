package dev.cordon.workforce;

/** Where a location came from, most precise first. */
public enum GeoSource {
    /** A MaxMind City database supplied by the user. */
    MAXMIND,
    /** Fields the identity provider resolved itself and wrote into the log. */
    IDP,
    /** Only a country was known; the point is that country's centre (see {@code country-centroids.csv}). */
    COUNTRY_CENTROID,
    /** Nothing is known (private, absent or unresolvable address). */
    NONE
}
