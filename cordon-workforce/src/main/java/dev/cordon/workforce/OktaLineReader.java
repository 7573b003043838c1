package dev.cordon.workforce;

import dev.cordon.workforce.internal.JsonLineScanner;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.TextCache;
import dev.cordon.workforce.internal.Times;
import java.nio.charset.StandardCharsets;

/**
 * Reads one Okta LogEvent JSON line straight from its bytes into a {@link LoginBuilder}, with the
 * results of {@link OktaSystemLogParser}'s streaming-parser reader: the same fields, the same
 * assignments in document order (so repeated and reordered names read alike), {@code null} read
 * as the empty value.
 *
 * <p>Design notes: this is the throughput path of {@code cordon bench workforce}. Jackson spends
 * most of a record tokenising the subtrees and names no reader uses; here names are compared as
 * bytes, unused values are skipped by one strict pass ({@link JsonLineScanner}), and recurring
 * values come from a byte-keyed {@link TextCache} without decoding. Anything outside that shape
 * (a field of an unexpected type, an escape in a value read as text, a value the reader rejects,
 * malformed JSON) gives up, and the caller reads the line with Jackson, which reports it as
 * before. Not thread-safe.
 */
final class OktaLineReader {
    private static final byte[] PUBLISHED = ascii("published");
    private static final byte[] EVENT_TYPE = ascii("eventType");
    private static final byte[] ACTOR = ascii("actor");
    private static final byte[] CLIENT = ascii("client");
    private static final byte[] OUTCOME = ascii("outcome");
    private static final byte[] SECURITY = ascii("securityContext");
    private static final byte[] DEVICE = ascii("device");
    private static final byte[] DEBUG_CONTEXT = ascii("debugContext");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] ALTERNATE_ID = ascii("alternateId");
    private static final byte[] IP_ADDRESS = ascii("ipAddress");
    private static final byte[] USER_AGENT = ascii("userAgent");
    private static final byte[] RAW_USER_AGENT = ascii("rawUserAgent");
    private static final byte[] GEO = ascii("geographicalContext");
    private static final byte[] CITY = ascii("city");
    private static final byte[] COUNTRY = ascii("country");
    private static final byte[] GEOLOCATION = ascii("geolocation");
    private static final byte[] LAT = ascii("lat");
    private static final byte[] LON = ascii("lon");
    private static final byte[] RESULT = ascii("result");
    private static final byte[] AS_NUMBER = ascii("asNumber");
    private static final byte[] AS_ORG = ascii("asOrg");
    private static final byte[] ISP = ascii("isp");
    private static final byte[] IS_PROXY = ascii("isProxy");
    private static final byte[] ID = ascii("id");
    private static final byte[] DEBUG_DATA = ascii("debugData");
    private static final byte[] TUNNELS = ascii("tunnels");
    private static final byte[] FINGERPRINT = ascii("deviceFingerprint");
    private static final byte[] PHONE = ascii("phoneNumber");

    private final JsonLineScanner s = new JsonLineScanner();
    private final LoginBuilder b;
    private final TextCache texts;
    private boolean userActor;
    private final Member actorMembers = this::actor;
    private final Member clientMembers = this::client;
    private final Member outcomeMembers = this::outcome;
    private final Member securityMembers = this::security;
    private final Member deviceMembers = this::device;
    private final Member debugContextMembers = this::debugContext;
    private final Member userAgentMembers = this::userAgent;
    private final Member geoMembers = this::geo;
    private final Member geolocationMembers = this::geolocation;
    private final Member debugDataMembers = this::debugData;

    OktaLineReader(LoginBuilder b, TextCache texts) {
        this.b = b;
        this.texts = texts;
    }

    /**
     * Reads the object that starts the line at {@code from} (see
     * {@link dev.cordon.workforce.internal.JsonInput.LineBytesReader#fillLine}) into the builder,
     * which the caller has reset; {@link #userActor()} then tells whether the actor is a user.
     *
     * @return the index after the object, or -1 when the line must be read by the parser
     */
    int read(byte[] bytes, int from, int to) {
        s.start(bytes, from, to);
        userActor = false;
        try {
            root();
        } catch (RuntimeException e) {
            return -1;
        }
        return s.position();
    }

    /** Whether the line last read was a user's event (actor type {@code User}, any case). */
    boolean userActor() {
        return userActor;
    }

    private void root() {
        s.enterObject();
        for (boolean first = true; s.nextName(first); first = false) {
            if (s.nameIs(PUBLISHED)) {
                b.time = Times.parse(string());
            } else if (s.nameIs(EVENT_TYPE)) {
                b.eventType = cached();
            } else if (s.nameIs(ACTOR)) {
                object(actorMembers);
            } else if (s.nameIs(CLIENT)) {
                object(clientMembers);
            } else if (s.nameIs(OUTCOME)) {
                object(outcomeMembers);
            } else if (s.nameIs(SECURITY)) {
                object(securityMembers);
            } else if (s.nameIs(DEVICE)) {
                object(deviceMembers);
            } else if (s.nameIs(DEBUG_CONTEXT)) {
                object(debugContextMembers);
            } else {
                s.skipValue();
            }
        }
    }

    /** Reads one member of an object; the scanner stands after the member's colon. */
    @FunctionalInterface
    private interface Member {
        void read();
    }

    /** An object's members through {@code m}; any other value is skipped, as the parser skips it. */
    private void object(Member m) {
        if (s.peek() != '{') {
            s.skipValue();
            return;
        }
        s.enterObject();
        for (boolean first = true; s.nextName(first); first = false) {
            m.read();
        }
    }

    /** A string value's text, or empty for {@code null}; other types give up. */
    private String string() {
        return s.stringOrNull() ? s.text() : "";
    }

    private String cached() {
        return s.stringOrNull() ? s.text(texts) : "";
    }

    private void actor() {
        if (s.nameIs(TYPE)) {
            userActor = "User".equalsIgnoreCase(cached());
        } else if (s.nameIs(ALTERNATE_ID)) {
            b.account = string();
        } else {
            s.skipValue();
        }
    }

    private void client() {
        if (s.nameIs(IP_ADDRESS)) {
            b.ip = string();
        } else if (s.nameIs(USER_AGENT)) {
            object(userAgentMembers);
        } else if (s.nameIs(GEO)) {
            object(geoMembers);
        } else {
            s.skipValue();
        }
    }

    private void userAgent() {
        if (s.nameIs(RAW_USER_AGENT)) {
            b.userAgent = cached();
        } else {
            s.skipValue();
        }
    }

    private void geo() {
        if (s.nameIs(CITY)) {
            b.city = cached();
        } else if (s.nameIs(COUNTRY)) {
            b.country = cached();
        } else if (s.nameIs(GEOLOCATION)) {
            object(geolocationMembers);
        } else {
            s.skipValue();
        }
    }

    private void geolocation() {
        if (s.nameIs(LAT)) {
            b.lat = coordinate();
        } else if (s.nameIs(LON)) {
            b.lon = coordinate();
        } else {
            s.skipValue();
        }
    }

    /** A number; a string or {@code null} is NaN, as the parser reads them. */
    private double coordinate() {
        int c = s.peek();
        if (c == '"' || c == 'n') {
            s.stringOrNull();
            return Double.NaN;
        }
        return s.decimal();
    }

    private void outcome() {
        if (!s.nameIs(RESULT)) {
            s.skipValue();
            return;
        }
        b.outcome = switch (cached()) {
            case "SUCCESS", "ALLOW" -> Outcome.SUCCESS;
            case "FAILURE", "DENY" -> Outcome.FAILURE;
            default -> Outcome.UNKNOWN;
        };
    }

    private void security() {
        if (s.nameIs(AS_NUMBER)) {
            int c = s.peek();
            b.asn = c == '"' || c == 'n' ? OktaSystemLogParser.parseAsn(string()) : Math.max(0, s.integer());
        } else if (s.nameIs(AS_ORG)) {
            String org = cached();
            b.asOrg = b.asOrg.isEmpty() ? org : b.asOrg;
        } else if (s.nameIs(ISP)) {
            String isp = cached();
            if (b.asOrg.isEmpty()) {
                b.asOrg = isp;
            }
        } else if (s.nameIs(IS_PROXY)) {
            b.proxy = s.isTrue();
        } else {
            s.skipValue();
        }
    }

    private void device() {
        if (s.nameIs(ID)) {
            b.deviceId = string();
        } else {
            s.skipValue();
        }
    }

    private void debugContext() {
        if (s.nameIs(DEBUG_DATA)) {
            object(debugDataMembers);
        } else {
            s.skipValue();
        }
    }

    private void debugData() {
        if (s.nameIs(TUNNELS)) {
            if (s.stringOrNull()) {
                OktaSystemLogParser.tunnelsText(s.escaped() ? s.unescaped() : s.text(), b);
            }
        } else if (s.nameIs(FINGERPRINT)) {
            String fp = string();
            if (b.deviceId.isEmpty()) {
                b.deviceId = fp;
            }
        } else if (s.nameIs(PHONE)) {
            b.mfaPhone = string();
        } else {
            s.skipValue();
        }
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
