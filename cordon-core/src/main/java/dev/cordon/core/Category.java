package dev.cordon.core;

import java.util.List;
import java.util.Locale;

/**
 * What an attributed address is or does: the concepts of GraphSense's taxonomy
 * (graphsense-tagpack-tool {@code db/concepts.yaml}, derived from the INTERPOL Darknet and
 * Cryptocurrencies Working Group taxonomy), each with the risk it carries by default.
 * {@code black_list} (an issuer froze the address) is used by GraphSense's public packs but is
 * not a taxonomy concept. The {@link #id()} is persisted and never reused.
 */
public enum Category {
    // entities and services
    ENTITY(0, "entity", RiskLevel.LOW, false),
    ORGANIZATION(1, "organization", RiskLevel.LOW, false),
    USER(2, "user", RiskLevel.LOW, false),
    SERVICE(3, "service", RiskLevel.LOW, true),
    EXCHANGE(4, "exchange", RiskLevel.LOW, true),
    WALLET_SERVICE(5, "wallet_service", RiskLevel.LOW, true),
    HOT_WALLET(6, "hot_wallet", RiskLevel.LOW, true),
    COLD_WALLET(7, "cold_wallet", RiskLevel.LOW, true),
    PAYMENT_PROCESSOR(8, "payment_processor", RiskLevel.LOW, true),
    DEFI(9, "defi", RiskLevel.LOW, true),
    DEFI_DEX(10, "defi_dex", RiskLevel.LOW, true),
    DEFI_LENDING(11, "defi_lending", RiskLevel.LOW, true),
    DEFI_BRIDGE(12, "defi_bridge", RiskLevel.MEDIUM, true),
    DEFI_DERIVATIVE(13, "defi_derivative", RiskLevel.LOW, true),
    MINING_SERVICE(14, "mining_service", RiskLevel.LOW, true),
    MINER(15, "miner", RiskLevel.LOW, false),
    GAMBLING(16, "gambling", RiskLevel.MEDIUM, true),
    MARKET(17, "market", RiskLevel.HIGH, true),
    ATM(18, "atm", RiskLevel.MEDIUM, true),
    SHOP(19, "shop", RiskLevel.LOW, true),
    FAUCET(20, "faucet", RiskLevel.LOW, true),
    DONATION(21, "donation", RiskLevel.LOW, false),
    MIXING_SERVICE(22, "mixing_service", RiskLevel.HIGH, true),
    COINJOIN(23, "coinjoin", RiskLevel.MEDIUM, false),
    VICTIM(24, "victim", RiskLevel.LOW, false),
    PERPETRATOR(25, "perpetrator", RiskLevel.HIGH, false),
    // abuses
    ABUSE(26, "abuse", RiskLevel.HIGH, false),
    SANCTION(27, "sanction", RiskLevel.SEVERE, false),
    SERVICE_HACK(28, "service_hack", RiskLevel.SEVERE, false),
    SCAM(29, "scam", RiskLevel.HIGH, false),
    PHISHING(30, "phishing", RiskLevel.HIGH, false),
    RANSOMWARE(31, "ransomware", RiskLevel.SEVERE, false),
    EXTORTION(32, "extortion", RiskLevel.HIGH, false),
    SEXTORTION(33, "sextortion", RiskLevel.HIGH, false),
    FINANCIAL_CRIME(34, "financial_crime", RiskLevel.HIGH, false),
    INVESTMENT_FRAUD(35, "investment_fraud", RiskLevel.HIGH, false),
    PONZI_SCHEME(36, "ponzi_scheme", RiskLevel.HIGH, false),
    MONEY_LAUNDERING(37, "money_laundering", RiskLevel.SEVERE, false),
    PAYMENT_CARD_FRAUD(38, "payment_card_fraud", RiskLevel.HIGH, false),
    TERRORISM(39, "terrorism", RiskLevel.SEVERE, false),
    CHILD_SEXUAL_ABUSE(40, "child_sexual_abuse", RiskLevel.SEVERE, false),
    DARK_WEB(41, "dark_web", RiskLevel.HIGH, false),
    BLACK_LIST(42, "black_list", RiskLevel.HIGH, false),
    PYRAMID_SCHEME(43, "pyramid_scheme", RiskLevel.HIGH, false),
    EXTREMISM(44, "extremism", RiskLevel.SEVERE, false),
    VIOLENCE(45, "violence", RiskLevel.SEVERE, false);

    private static final List<String[]> ALIASES = List.of(
            new String[] {"exploit", "service_hack"},
            new String[] {"hack", "service_hack"},
            new String[] {"heist", "service_hack"},
            new String[] {"mixer", "mixing_service"},
            new String[] {"mixing", "mixing_service"},
            new String[] {"bridge", "defi_bridge"},
            new String[] {"dex", "defi_dex"},
            new String[] {"sanctions", "sanction"},
            new String[] {"phish", "phishing"},
            new String[] {"blacklist", "black_list"},
            new String[] {"blocked", "black_list"},
            new String[] {"defi_derivatives", "defi_derivative"});

    private final int id;
    private final String code;
    private final RiskLevel defaultRisk;
    private final boolean service;

    Category(int id, String code, RiskLevel defaultRisk, boolean service) {
        this.id = id;
        this.code = code;
        this.defaultRisk = defaultRisk;
        this.service = service;
    }

    public int id() {
        return id;
    }

    /** The GraphSense concept id ({@code mixing_service}). */
    public String code() {
        return code;
    }

    /** Risk carried by an attribution of this category when its source says nothing else. */
    public RiskLevel defaultRisk() {
        return defaultRisk;
    }

    /**
     * Whether this names an operated service (exchange, mixer, bridge...). Clustering refuses to
     * merge two differently named services.
     */
    public boolean isService() {
        return service;
    }

    /**
     * Accepts a concept id in any case (hyphens read as underscores) or a common alias
     * ({@code exploit}, {@code heist}, {@code mixer}, {@code bridge}).
     *
     * @throws CordonException with {@link ErrorCode#USAGE} for an unknown category
     */
    public static Category parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (String[] a : ALIASES) {
            if (a[0].equals(t)) {
                t = a[1];
                break;
            }
        }
        for (Category c : values()) {
            if (c.code.equals(t)) {
                return c;
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown category '" + text + "' (see docs/INTEL.md for the taxonomy)");
    }

    /**
     * @throws CordonException with {@link ErrorCode#DATA} for an unknown persisted id
     */
    public static Category ofId(int id) {
        for (Category c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        throw new CordonException(ErrorCode.DATA, "unknown category id " + id);
    }
}
