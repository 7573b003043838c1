package dev.cordon.workforce;

import java.util.Objects;

/**
 * A login with what enrichment added.
 *
 * @param event  the login as parsed
 * @param geo    best location: MaxMind, else the provider's, else the country centre
 * @param egress network classification
 * @param asn    AS number (database or provider), or 0
 * @param asOrg  AS organisation, or empty
 * @param ipKey  64-bit key of the address for shared-address tables, or 0 when there is no address
 */
public record EnrichedLogin(LoginEvent event, Geo geo, Egress egress, long asn, String asOrg, long ipKey) {
    public EnrichedLogin {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(egress, "egress");
        Objects.requireNonNull(asOrg, "asOrg");
    }
}
