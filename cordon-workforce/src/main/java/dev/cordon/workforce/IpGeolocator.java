package dev.cordon.workforce;

import java.net.InetAddress;

/** Resolves an address to a location and an AS. Implementations are thread-safe. */
public interface IpGeolocator {
    /**
     * @return what is known; {@link IpFacts#NONE} when the address is not in the database
     */
    IpFacts lookup(InetAddress address);
}
