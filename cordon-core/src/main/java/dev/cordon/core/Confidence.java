package dev.cordon.core;

import java.util.Locale;

/**
 * How sure an attribution is, on GraphSense's agreed confidence scale
 * (graphsense-tagpack-tool {@code db/confidence.csv}, with the later
 * {@code ledger_immanent} and {@code forensic_investigation} levels): the named level and its score 0..100.
 * The {@link #id()} is persisted and never reused.
 */
public enum Confidence {
    /** The creator knows the tag represents a whole cluster and overrides all other tags. */
    OVERRIDE(0, "override", 100),
    /** The creator controls the private key of the address. */
    OWNERSHIP(1, "ownership", 100),
    /** Read from the ledger itself (an issuer's on-chain blacklist event). */
    LEDGER_IMMANENT(12, "ledger_immanent", 100),
    /** The creator moved funds between two known services. */
    MANUAL_TRANSACTION(2, "manual_transaction", 90),
    /** Retrieved from a known, trusted service provider's API (a VASP API). */
    SERVICE_API(3, "service_api", 70),
    /** From law-enforcement or forensic case material. */
    FORENSIC_INVESTIGATION(13, "forensic_investigation", 70),
    /** Published by a public authority (OFAC, FBI). */
    AUTHORITY_DATA(4, "authority_data", 60),
    /** From a trusted third party (a spam trap). */
    TRUSTED_PROVIDER(5, "trusted_provider", 50),
    /** From a known service (a file received from an exchange). */
    SERVICE_DATA(6, "service_data", 50),
    /** From reasonably trusted reports (academic papers, forensic reports). */
    FORENSIC(7, "forensic", 50),
    /** A third party moved funds between two known services. */
    UNTRUSTED_TRANSACTION(8, "untrusted_transaction", 40),
    /** Crawled from the web or other data dumps. */
    WEB_CRAWL(9, "web_crawl", 20),
    /** Made by a method whose reliability is hard to quantify (clustering); best effort. */
    HEURISTIC(10, "heuristic", 10),
    /** Source and reliability unknown. */
    UNKNOWN(11, "unknown", 5);

    private final int id;
    private final String code;
    private final int level;

    Confidence(int id, String code, int level) {
        this.id = id;
        this.code = code;
        this.level = level;
    }

    public int id() {
        return id;
    }

    /** GraphSense's identifier ({@code authority_data}). */
    public String code() {
        return code;
    }

    /** Score 0..100; higher is surer. */
    public int level() {
        return level;
    }

    /**
     * Accepts the GraphSense name in any case, or a bare score that equals one level's score
     * (the first level with that score wins: {@code 50} is {@code trusted_provider}).
     *
     * @throws CordonException with {@link ErrorCode#USAGE} for an unknown name
     */
    public static Confidence parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Confidence c : values()) {
            if (c.code.equals(t)) {
                return c;
            }
        }
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 3) {
            int n = Integer.parseInt(t);
            for (Confidence c : values()) {
                if (c.level == n) {
                    return c;
                }
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown confidence '" + text + "' (expected one of GraphSense's levels: "
                + "ownership, ledger_immanent, manual_transaction, service_api, forensic_investigation, authority_data, trusted_provider, service_data, forensic, "
                + "untrusted_transaction, web_crawl, heuristic, unknown, override)");
    }

    /**
     * @throws CordonException with {@link ErrorCode#DATA} for an unknown persisted id
     */
    public static Confidence ofId(int id) {
        for (Confidence c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        throw new CordonException(ErrorCode.DATA, "unknown confidence id " + id);
    }
}
