package dev.cordon.workforce;

import java.util.Objects;

/**
 * What a geolocation database knows about one address.
 *
 * @param geo   location, or {@link Geo#UNKNOWN}
 * @param asn   autonomous system number, or 0
 * @param asOrg AS organisation, or empty
 */
public record IpFacts(Geo geo, long asn, String asOrg) {
    public static final IpFacts NONE = new IpFacts(Geo.UNKNOWN, 0, "");

    public IpFacts {
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(asOrg, "asOrg");
    }
}
