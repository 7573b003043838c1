package dev.cordon.workforce;

import java.util.Objects;

/**
 * How a login's address was classified.
 *
 * @param kind        the network kind
 * @param operator    who runs it when known ({@code ASTRILL_VPN}, {@code M247}), else empty
 * @param basis       the list or flag that decided it ({@code x4bnet-vpn}, {@code okta:isProxy}, {@code asn:AS9009})
 * @param badOperator the operator is on the known-bad list (for example Astrill VPN)
 */
public record Egress(EgressKind kind, String operator, String basis, boolean badOperator) {
    public static final Egress ORDINARY = new Egress(EgressKind.ORDINARY, "", "", false);
    public static final Egress PRIVATE = new Egress(EgressKind.PRIVATE, "", "rfc1918/reserved", false);

    public Egress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(basis, "basis");
    }
}
