package dev.cordon.intel.exposure;

import dev.cordon.core.Category;
import java.util.Optional;

/**
 * The small fixed set of risk categories exposure is kept for. Each groups label categories of
 * the taxonomy ({@link Category}); the {@link #id()} is the position in persisted exposure
 * vectors, so ids are fixed and never reused.
 */
public enum RiskCategory {
    SANCTIONED(0, "sanctioned"),
    HACK(1, "hack"),
    MIXER(2, "mixer"),
    DARKNET(3, "darknet"),
    SCAM(4, "scam"),
    RANSOMWARE(5, "ransomware"),
    TERRORISM(6, "terrorism"),
    OTHER_ILLICIT(7, "other_illicit");

    /** Number of categories: the length of an exposure vector per hop. */
    public static final int COUNT = 8;

    private final int id;
    private final String code;

    RiskCategory(int id, String code) {
        this.id = id;
        this.code = code;
    }

    public int id() {
        return id;
    }

    public String code() {
        return code;
    }

    /** The category with that id. */
    public static RiskCategory ofId(int id) {
        return values()[id];
    }

    /** The risk category a label category counts towards, if any (services and users count towards none). */
    public static Optional<RiskCategory> of(Category c) {
        return Optional.ofNullable(switch (c) {
            case SANCTION -> SANCTIONED;
            case SERVICE_HACK, PERPETRATOR -> HACK;
            case MIXING_SERVICE -> MIXER;
            case MARKET, DARK_WEB -> DARKNET;
            case SCAM, PHISHING, INVESTMENT_FRAUD, PONZI_SCHEME, PYRAMID_SCHEME, PAYMENT_CARD_FRAUD -> SCAM;
            case RANSOMWARE, EXTORTION, SEXTORTION -> RANSOMWARE;
            case TERRORISM, EXTREMISM, VIOLENCE -> TERRORISM;
            case ABUSE, FINANCIAL_CRIME, MONEY_LAUNDERING, BLACK_LIST, CHILD_SEXUAL_ABUSE -> OTHER_ILLICIT;
            default -> null;
        });
    }
}
