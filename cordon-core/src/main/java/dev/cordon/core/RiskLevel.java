package dev.cordon.core;

import java.util.Locale;

/**
 * How much risk an attribution carries for a counterparty, lowest first. The {@link #id()} is
 * persisted and never reused.
 */
public enum RiskLevel {
    LOW(0),
    MEDIUM(1),
    HIGH(2),
    SEVERE(3);

    private final int id;

    RiskLevel(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** Lowercase name used in files and JSON ({@code severe}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The higher of two levels. */
    public RiskLevel max(RiskLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * @throws CordonException with {@link ErrorCode#USAGE} for an unknown name
     */
    public static RiskLevel parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (RiskLevel r : values()) {
            if (r.name().equals(t)) {
                return r;
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown risk level '" + text + "' (expected low, medium, high or severe)");
    }

    /**
     * @throws CordonException with {@link ErrorCode#DATA} for an unknown persisted id
     */
    public static RiskLevel ofId(int id) {
        for (RiskLevel r : values()) {
            if (r.id == id) {
                return r;
            }
        }
        throw new CordonException(ErrorCode.DATA, "unknown risk level id " + id);
    }
}
