package dev.cordon.workforce;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/** The login log formats cordon reads; see docs/WORKFORCE.md for each format's field mapping. */
public enum LoginFormat {
    /** Okta System Log LogEvents, as JSON lines or the API's array. */
    OKTA("okta", OktaSystemLogParser::new),
    /** Microsoft Entra sign-in logs: Graph {@code signIn} resources or Log Analytics {@code SigninLogs} rows. */
    ENTRA("entra", EntraSignInParser::new),
    /** OCSF Authentication events (class_uid 3002). */
    OCSF("ocsf", OcsfAuthenticationParser::new),
    /** Elastic Common Schema events with {@code event.category: authentication}. */
    ECS("ecs", EcsAuthenticationParser::new),
    /** Google Workspace login audit activities (Reports API, applicationName {@code login}). */
    GOOGLE("google", GoogleLoginAuditParser::new),
    /** cordon's documented login CSV (also reads the RBA data set's columns). */
    CSV("csv", LoginCsvParser::new);

    private final String key;
    private final Supplier<LoginLogParser> factory;

    LoginFormat(String key, Supplier<LoginLogParser> factory) {
        this.key = key;
        this.factory = factory;
    }

    public String key() {
        return key;
    }

    /** A new parser for this format. */
    public LoginLogParser parser() {
        return factory.get();
    }

    /**
     * @throws CordonException {@link ErrorCode#USAGE} for an unknown key
     */
    public static LoginFormat ofKey(String key) {
        for (LoginFormat f : values()) {
            if (f.key.equalsIgnoreCase(key)) {
                return f;
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown log format '" + key + "' (okta, entra, ocsf, ecs, google, csv)");
    }

    /**
     * Guesses the format from the first bytes of a file: JSON is told apart by field names that only
     * one format uses; anything else is CSV.
     *
     * @param head the first bytes (64 KiB is plenty)
     */
    public static LoginFormat sniff(byte[] head, int len) {
        String s = new String(head, 0, len, StandardCharsets.UTF_8);
        String t = s.stripLeading();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).stripLeading();
        }
        if (!t.startsWith("{") && !t.startsWith("[")) {
            return CSV;
        }
        if (s.contains("\"class_uid\"")) {
            return OCSF;
        }
        if (s.contains("admin#reports#activit") || s.contains("\"applicationName\"")) {
            return GOOGLE;
        }
        if (s.contains("\"eventType\"") && s.contains("\"published\"")) {
            return OKTA;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("\"userprincipalname\"") || lower.contains("\"createddatetime\"")) {
            return ENTRA;
        }
        if (s.contains("\"@timestamp\"") || s.contains("\"event.category\"") || s.contains("\"ecs\"")) {
            return ECS;
        }
        throw new CordonException(ErrorCode.DATA, "cannot tell the log format; name it with --format");
    }
}
