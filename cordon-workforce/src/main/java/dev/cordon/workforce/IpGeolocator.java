package dev.cordon.workforce;

import java.net.InetAddress;

/** Resolves an address to a location and an AS. Implementations are thread-safe. */
public interface IpGeolocator {
    /**
     * @return what is known; {@link IpFacts#NONE} when the address is not in the database
     */
    IpFacts lookup(InetAddress address);

    /**
     * A number that changes whenever answers may change (a database replaced in place). Callers
     * may remember answers per address while it stays the same ({@link Enricher} does); a
     * geolocator whose databases never change keeps the default, 0.
     */
    default long generation() {
        return 0;
    }
}
