package dev.cordon.workforce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.FieldOrder;
import dev.cordon.workforce.internal.JsonInput;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.Nodes;
import dev.cordon.workforce.internal.RecordException;
import dev.cordon.workforce.internal.TextCache;
import dev.cordon.workforce.internal.Times;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Okta System Log ({@code /api/v1/logs} LogEvent objects) as JSON lines or as the API's array.
 *
 * <p>Fields used: {@code published}, {@code eventType}, {@code actor.type/alternateId},
 * {@code client.ipAddress}, {@code client.userAgent.rawUserAgent},
 * {@code client.geographicalContext.city/country/geolocation.lat/lon}, {@code outcome.result},
 * {@code securityContext.asNumber/asOrg/isp/isProxy}, {@code device.id},
 * {@code debugContext.debugData.tunnels/deviceFingerprint/phoneNumber}. Events whose actor is
 * not a {@code User} (system jobs, API clients) are ignored.
 *
 * <p>Design notes: this is the throughput path of {@code cordon bench workforce}, so it reads with
 * Jackson's streaming parser into a reused builder instead of building a tree, skips every subtree
 * it does not use, reads records in two phases so that JSON lines stream through one parser per
 * buffer (see {@code JsonLinesStream}), and reuses the strings of recurring values (country, city,
 * event type, user agent, AS name) through a {@link TextCache}. Field names are matched against the
 * order the input has been writing them ({@link FieldOrder}: a byte comparison instead of a symbol
 * table lookup), and the per-object readers are created once, not per record. JSON lines are first
 * read from their bytes without the parser ({@link OktaLineReader}), which is several times faster
 * and gives up, to this reader, on anything unusual.
 */
public final class OktaSystemLogParser implements LoginLogParser {
    private final LoginBuilder b = new LoginBuilder();
    private final TextCache texts = new TextCache();
    private final FieldOrder rootFields = new FieldOrder("uuid", "published", "eventType", "version", "severity",
            "displayMessage", "actor", "client", "outcome", "target", "transaction", "debugContext",
            "authenticationContext", "securityContext");
    private final FieldOrder actorFields = new FieldOrder("id", "type", "alternateId", "displayName");
    private final FieldOrder clientFields = new FieldOrder("userAgent", "zone", "device", "id", "ipAddress",
            "geographicalContext");
    private final FieldOrder userAgentFields = new FieldOrder("rawUserAgent", "os", "browser");
    private final FieldOrder geoFields = new FieldOrder("city", "state", "country", "postalCode", "geolocation");
    private final FieldOrder geolocationFields = new FieldOrder("lat", "lon");
    private final FieldOrder outcomeFields = new FieldOrder("result", "reason");
    private final FieldOrder debugContextFields = new FieldOrder("debugData");
    private final FieldOrder debugDataFields = new FieldOrder("requestUri", "deviceFingerprint", "tunnels",
            "phoneNumber");
    private final FieldOrder securityFields = new FieldOrder("asNumber", "asOrg", "isp", "domain", "isProxy");
    private final FieldOrder deviceFields = new FieldOrder("id");
    private final FieldReader actorReader = this::actor;
    private final FieldReader clientReader = this::client;
    private final FieldReader userAgentReader = this::userAgent;
    private final FieldReader geoReader = this::geo;
    private final FieldReader geolocationReader = this::geolocation;
    private final FieldReader outcomeReader = this::outcome;
    private final FieldReader securityReader = this::security;
    private final FieldReader deviceReader = this::device;
    private final FieldReader debugContextReader = this::debugContext;
    private final FieldReader debugDataReader = this::debugData;
    private final OktaLineReader lineReader = new OktaLineReader(b, texts);
    private boolean userActor;

    @Override
    public LoginFormat format() {
        return LoginFormat.OKTA;
    }

    @Override
    public void parse(InputStream in, String source, Consumer<LoginEvent> sink, ParseReport report) {
        JsonInput.forEach(in, source, report, reader(source, sink, report));
    }

    /** The record reader of {@link #parse}: JSON lines are read from their bytes when they can be. */
    JsonInput.LineBytesReader reader(String source, Consumer<LoginEvent> sink, ParseReport report) {
        return new JsonInput.LineBytesReader() {
            @Override
            public void fill(JsonParser p) throws IOException {
                b.reset();
                userActor = false;
                readRoot(p);
            }

            @Override
            public int fillLine(byte[] bytes, int from, int to) {
                b.reset();
                userActor = false;
                int end = lineReader.read(bytes, from, to);
                userActor = end >= 0 && lineReader.userActor();
                return end;
            }

            @Override
            public void commit(long line) {
                if (!userActor) {
                    report.ignored();
                    return;
                }
                b.emit(source, line, sink, report);
            }
        };
    }

    private void readRoot(JsonParser p) throws IOException {
        rootFields.start();
        String f;
        while ((f = rootFields.nextName(p)) != null) {
            JsonToken v = p.nextToken();
            switch (f) {
                case "published" -> b.time = Times.parse(scalar(p, v));
                case "eventType" -> b.eventType = cached(p, v);
                case "actor" -> readActor(p, v);
                case "client" -> object(p, v, clientFields, clientReader);
                case "outcome" -> object(p, v, outcomeFields, outcomeReader);
                case "securityContext" -> object(p, v, securityFields, securityReader);
                case "device" -> object(p, v, deviceFields, deviceReader);
                case "debugContext" -> object(p, v, debugContextFields, debugContextReader);
                default -> p.skipChildren();
            }
        }
    }

    @FunctionalInterface
    private interface FieldReader {
        void field(JsonParser p, String name, JsonToken value) throws IOException;
    }

    /**
     * Reads an object's fields with {@code r}, guessing their names in {@code order}; a non-object
     * value is skipped.
     */
    private static void object(JsonParser p, JsonToken v, FieldOrder order, FieldReader r) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        order.start();
        String f;
        while ((f = order.nextName(p)) != null) {
            JsonToken t = p.nextToken();
            r.field(p, f, t);
        }
    }

    /** As {@link #scalar}, reusing the strings of values that recur across records. */
    private String cached(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING || v.isNumeric() || v.isBoolean()) {
            return texts.text(p, v);
        }
        p.skipChildren();
        return "";
    }

    /** Text of a scalar; objects and arrays are skipped and read as empty. */
    private static String scalar(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING || v.isNumeric() || v.isBoolean()) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    private void readActor(JsonParser p, JsonToken v) throws IOException {
        object(p, v, actorFields, actorReader);
    }

    private void actor(JsonParser p, String f, JsonToken t) throws IOException {
        switch (f) {
            case "type" -> userActor = "User".equalsIgnoreCase(cached(p, t));
            case "alternateId" -> b.account = scalar(p, t);
            default -> p.skipChildren();
        }
    }

    private void client(JsonParser p, String f, JsonToken t) throws IOException {
        switch (f) {
            case "ipAddress" -> b.ip = scalar(p, t);
            case "userAgent" -> object(p, t, userAgentFields, userAgentReader);
            case "geographicalContext" -> object(p, t, geoFields, geoReader);
            default -> p.skipChildren();
        }
    }

    private void userAgent(JsonParser p, String f, JsonToken t) throws IOException {
        if (f.equals("rawUserAgent")) {
            b.userAgent = cached(p, t);
        } else {
            p.skipChildren();
        }
    }

    private void geo(JsonParser p, String f, JsonToken t) throws IOException {
        switch (f) {
            case "city" -> b.city = cached(p, t);
            case "country" -> b.country = cached(p, t);
            case "geolocation" -> object(p, t, geolocationFields, geolocationReader);
            default -> p.skipChildren();
        }
    }

    private void geolocation(JsonParser p, String f, JsonToken t) throws IOException {
        if (f.equals("lat")) {
            b.lat = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
        } else if (f.equals("lon")) {
            b.lon = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
        } else {
            p.skipChildren();
        }
    }

    private void outcome(JsonParser p, String f, JsonToken t) throws IOException {
        if (!f.equals("result")) {
            p.skipChildren();
            return;
        }
        b.outcome = switch (cached(p, t)) {
            case "SUCCESS", "ALLOW" -> Outcome.SUCCESS;
            case "FAILURE", "DENY" -> Outcome.FAILURE;
            default -> Outcome.UNKNOWN;
        };
    }

    private void security(JsonParser p, String f, JsonToken t) throws IOException {
        switch (f) {
            case "asNumber" -> b.asn = t.isNumeric() ? Math.max(0, p.getLongValue()) : parseAsn(scalar(p, t));
            case "asOrg" -> b.asOrg = b.asOrg.isEmpty() ? cached(p, t) : b.asOrg;
            case "isp" -> {
                String isp = cached(p, t);
                if (b.asOrg.isEmpty()) {
                    b.asOrg = isp;
                }
            }
            case "isProxy" -> b.proxy = t == JsonToken.VALUE_TRUE;
            default -> p.skipChildren();
        }
    }

    static long parseAsn(String s) {
        try {
            return s.isEmpty() ? 0 : Math.max(0, Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            throw new RecordException("securityContext.asNumber is not a number");
        }
    }

    private void device(JsonParser p, String f, JsonToken t) throws IOException {
        if (f.equals("id")) {
            b.deviceId = scalar(p, t);
        } else {
            p.skipChildren();
        }
    }

    private void debugContext(JsonParser p, String f, JsonToken t) throws IOException {
        if (!f.equals("debugData")) {
            p.skipChildren();
            return;
        }
        object(p, t, debugDataFields, debugDataReader);
    }

    private void debugData(JsonParser p, String f, JsonToken t) throws IOException {
        switch (f) {
            case "tunnels" -> tunnels(p, t);
            case "deviceFingerprint" -> {
                String fp = scalar(p, t);
                if (b.deviceId.isEmpty()) {
                    b.deviceId = fp;
                }
            }
            case "phoneNumber" -> b.mfaPhone = scalar(p, t);
            default -> p.skipChildren();
        }
    }

    /** {@code tunnels} is a JSON array, usually itself encoded as a string: {@code [{"operator":..,"type":"VPN"}]}. */
    private void tunnels(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            tunnelsText(p.getText(), b);
        } else if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            tunnels(p.readValueAsTree(), b);
        }
    }

    /**
     * The tunnels of a {@code tunnels} string (JSON text) into {@code b}; blank text is none.
     *
     * @throws RecordException when the text is not JSON
     */
    static void tunnelsText(String s, LoginBuilder b) {
        if (s.isBlank()) {
            return;
        }
        JsonNode arr;
        try {
            arr = JsonInput.mapper().readTree(s);
        } catch (IOException e) {
            throw new RecordException("debugData.tunnels is not JSON");
        }
        tunnels(arr, b);
    }

    /** The first tunnel with a type or operator, from an array of tunnels or one tunnel object. */
    private static void tunnels(JsonNode arr, LoginBuilder b) {
        if (arr == null) {
            return;
        }
        for (JsonNode tunnel : arr.isArray() ? arr : List.of(arr)) {
            String type = Nodes.text(tunnel.get("type"));
            String op = Nodes.text(tunnel.get("operator"));
            if (!type.isEmpty() || !op.isEmpty()) {
                b.tunnelType = type.isEmpty() ? "ANONYMIZER" : type;
                b.tunnelOperator = op;
                if (Nodes.truthy(tunnel.get("anonymous")) && type.isEmpty()) {
                    b.tunnelType = "ANONYMIZER";
                }
                return;
            }
        }
    }
}
