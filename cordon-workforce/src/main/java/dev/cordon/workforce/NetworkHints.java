package dev.cordon.workforce;

import java.util.Objects;

/**
 * What the identity provider itself said about the client's network.
 *
 * @param asn            autonomous system number, or 0 when not given
 * @param asOrg          AS organisation or ISP name, or empty
 * @param proxy          the provider flagged the address as a proxy (Okta {@code securityContext.isProxy})
 * @param tunnelType     anonymising tunnel type reported by the provider ({@code VPN}, {@code TOR}, ...), or empty
 * @param tunnelOperator operator of that tunnel ({@code ASTRILL_VPN}), or empty
 */
public record NetworkHints(long asn, String asOrg, boolean proxy, String tunnelType, String tunnelOperator) {
    public static final NetworkHints NONE = new NetworkHints(0, "", false, "", "");

    public NetworkHints {
        Objects.requireNonNull(asOrg, "asOrg");
        Objects.requireNonNull(tunnelType, "tunnelType");
        Objects.requireNonNull(tunnelOperator, "tunnelOperator");
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("asn out of range: " + asn);
        }
    }

    /** True when the provider reported a proxy or a tunnel. */
    public boolean anonymised() {
        return proxy || !tunnelType.isEmpty() || !tunnelOperator.isEmpty();
    }
}
