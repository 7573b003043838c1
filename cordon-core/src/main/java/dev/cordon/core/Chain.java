package dev.cordon.core;

import java.util.Locale;

/**
 * A blockchain cordon understands. The {@link #id()} is persisted and never reused.
 */
public enum Chain {
    BITCOIN(0, "btc", "BTC", 8),
    ETHEREUM(1, "eth", "ETH", 18);

    private final int id;
    private final String code;
    private final String nativeSymbol;
    private final int nativeDecimals;

    Chain(int id, String code, String nativeSymbol, int nativeDecimals) {
        this.id = id;
        this.code = code;
        this.nativeSymbol = nativeSymbol;
        this.nativeDecimals = nativeDecimals;
    }

    /** Stable persisted id (0..255). */
    public int id() {
        return id;
    }

    /** Short lowercase code used on the command line and in JSON ({@code btc}, {@code eth}). */
    public String code() {
        return code;
    }

    /** The native asset of this chain. */
    public Asset nativeAsset() {
        return Asset.nativeOf(this);
    }

    String nativeSymbol() {
        return nativeSymbol;
    }

    int nativeDecimals() {
        return nativeDecimals;
    }

    /**
     * @throws CordonException with {@link ErrorCode#USAGE} when no chain has that name or code
     */
    public static Chain parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Chain c : values()) {
            if (c.code.equals(t) || c.name().toLowerCase(Locale.ROOT).equals(t)) {
                return c;
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown chain '" + text + "' (expected btc or eth)");
    }

    /**
     * @throws CordonException with {@link ErrorCode#DATA} for an unknown persisted id
     */
    public static Chain ofId(int id) {
        for (Chain c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        throw new CordonException(ErrorCode.DATA, "unknown chain id " + id);
    }
}
