package dev.cordon.workforce;

import java.time.Instant;
import java.util.Objects;

/**
 * One authentication or session event of an account, normalised from any supported log format.
 * Absent text fields are empty strings, never null.
 *
 * @param epochMillis event time in milliseconds since the epoch, as the log states it
 * @param account     the account (login name, UPN or e-mail), lower-cased; never empty
 * @param ip          client IP address as text, or empty
 * @param outcome     success or failure
 * @param eventType   the source's own event type ({@code user.session.start}), or empty
 * @param deviceId    a device identifier the log gives (Okta device id, Entra deviceId), or empty
 * @param mfaPhone    phone number used for an MFA factor, digits only with leading '+', or empty
 * @param userAgent   raw user agent, or empty
 * @param geo         location the source resolved itself, or {@link Geo#UNKNOWN}
 * @param hints       network facts the source reported
 * @param source      file or stream name, for evidence
 * @param line        line (or record) number in the source, 1-based, or 0 when not from a file
 */
public record LoginEvent(long epochMillis, String account, String ip, Outcome outcome, String eventType,
                         String deviceId, String mfaPhone, String userAgent, Geo geo, NetworkHints hints,
                         String source, long line) {
    public LoginEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(mfaPhone, "mfaPhone");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(hints, "hints");
        Objects.requireNonNull(source, "source");
        if (account.isBlank()) {
            throw new IllegalArgumentException("account is empty");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    public Instant time() {
        return Instant.ofEpochMilli(epochMillis);
    }
}
