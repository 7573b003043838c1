package dev.cordon.workforce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
 * event type, user agent, AS name) through a {@link TextCache}.
 */
public final class OktaSystemLogParser implements LoginLogParser {
    private final LoginBuilder b = new LoginBuilder();
    private final TextCache texts = new TextCache();
    private boolean userActor;

    @Override
    public LoginFormat format() {
        return LoginFormat.OKTA;
    }

    @Override
    public void parse(InputStream in, String source, Consumer<LoginEvent> sink, ParseReport report) {
        JsonInput.forEach(in, source, report, new JsonInput.StagedReader() {
            @Override
            public void fill(JsonParser p) throws IOException {
                b.reset();
                userActor = false;
                readRoot(p);
            }

            @Override
            public void commit(long line) {
                if (!userActor) {
                    report.ignored();
                    return;
                }
                b.emit(source, line, sink, report);
            }
        });
    }

    private void readRoot(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "published" -> b.time = Times.parse(scalar(p, v));
                case "eventType" -> b.eventType = cached(p, v);
                case "actor" -> readActor(p, v);
                case "client" -> object(p, v, this::client);
                case "outcome" -> object(p, v, this::outcome);
                case "securityContext" -> object(p, v, this::security);
                case "device" -> object(p, v, this::device);
                case "debugContext" -> object(p, v, this::debugContext);
                default -> p.skipChildren();
            }
        }
    }

    @FunctionalInterface
    private interface FieldReader {
        void field(JsonParser p, String name, JsonToken value) throws IOException;
    }

    /** Reads an object's fields with {@code r}; a non-object value is skipped. */
    private static void object(JsonParser p, JsonToken v, FieldReader r) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
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
        object(p, v, (q, f, t) -> {
            switch (f) {
                case "type" -> userActor = "User".equalsIgnoreCase(cached(q, t));
                case "alternateId" -> b.account = scalar(q, t);
                default -> q.skipChildren();
            }
        });
    }

    private void client(JsonParser p, String f, JsonToken t) throws IOException {
        switch (f) {
            case "ipAddress" -> b.ip = scalar(p, t);
            case "userAgent" -> object(p, t, (q, g, u) -> {
                if (g.equals("rawUserAgent")) {
                    b.userAgent = cached(q, u);
                } else {
                    q.skipChildren();
                }
            });
            case "geographicalContext" -> object(p, t, this::geo);
            default -> p.skipChildren();
        }
    }

    private void geo(JsonParser p, String f, JsonToken t) throws IOException {
        switch (f) {
            case "city" -> b.city = cached(p, t);
            case "country" -> b.country = cached(p, t);
            case "geolocation" -> object(p, t, (q, g, u) -> {
                if (g.equals("lat")) {
                    b.lat = u.isNumeric() ? q.getDoubleValue() : Double.NaN;
                } else if (g.equals("lon")) {
                    b.lon = u.isNumeric() ? q.getDoubleValue() : Double.NaN;
                } else {
                    q.skipChildren();
                }
            });
            default -> p.skipChildren();
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

    private static long parseAsn(String s) {
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
        object(p, t, (q, g, u) -> {
            switch (g) {
                case "tunnels" -> tunnels(q, u);
                case "deviceFingerprint" -> {
                    String fp = scalar(q, u);
                    if (b.deviceId.isEmpty()) {
                        b.deviceId = fp;
                    }
                }
                case "phoneNumber" -> b.mfaPhone = scalar(q, u);
                default -> q.skipChildren();
            }
        });
    }

    /** {@code tunnels} is a JSON array, usually itself encoded as a string: {@code [{"operator":..,"type":"VPN"}]}. */
    private void tunnels(JsonParser p, JsonToken t) throws IOException {
        JsonNode arr;
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.isBlank()) {
                return;
            }
            try {
                arr = JsonInput.mapper().readTree(s);
            } catch (IOException e) {
                throw new RecordException("debugData.tunnels is not JSON");
            }
        } else if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            arr = p.readValueAsTree();
        } else {
            return;
        }
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
