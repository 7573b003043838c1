package dev.cordon.workforce;

/** What kind of network a login came from, as far as cordon can tell. */
public enum EgressKind {
    /** Nothing known against it: a residential, mobile or business network. */
    ORDINARY,
    /** Private, loopback or otherwise non-routable address; not located. */
    PRIVATE,
    /** The company's own egress (allow-listed office NAT or VPN concentrator). */
    OFFICE,
    /** A commercial VPN. */
    VPN,
    /** A data centre or cloud provider. */
    HOSTING,
    /** An open or anonymising proxy. */
    PROXY,
    /** A Tor exit. */
    TOR;

    /** VPN, hosting, proxy or Tor: the login's location is the exit's, not the person's. */
    public boolean anonymising() {
        return this == VPN || this == HOSTING || this == PROXY || this == TOR;
    }
}
