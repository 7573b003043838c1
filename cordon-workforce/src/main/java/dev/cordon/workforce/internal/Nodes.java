package dev.cordon.workforce.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;
import java.util.Map;

/** Tolerant reads from JSON trees: missing, null or wrongly typed values read as absent. */
public final class Nodes {
    private Nodes() {
    }

    /** Follows a path of field names; missing node when any step is absent. */
    public static JsonNode at(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            if (cur == null || !cur.isObject()) {
                return MissingNode.getInstance();
            }
            cur = cur.get(p);
        }
        return cur == null ? MissingNode.getInstance() : cur;
    }

    /** A field matched ignoring case (Graph {@code ipAddress} and Log Analytics {@code IPAddress}). */
    public static JsonNode ci(JsonNode n, String name) {
        if (n == null || !n.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode exact = n.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    /** An ECS field either nested ({@code source: {ip: ..}}) or flattened ({@code "source.ip": ..}). */
    public static JsonNode dotted(JsonNode n, String dottedPath) {
        JsonNode flat = n.get(dottedPath);
        if (flat != null) {
            return flat;
        }
        JsonNode nested = at(n, dottedPath.split("\\."));
        if (!nested.isMissingNode()) {
            return nested;
        }
        int dot = dottedPath.indexOf('.');
        if (dot > 0) {
            JsonNode head = n.get(dottedPath.substring(0, dot));
            if (head != null && head.isObject()) {
                return dotted(head, dottedPath.substring(dot + 1));
            }
        }
        return MissingNode.getInstance();
    }

    /** Text of a scalar (numbers and booleans as text), else empty. */
    public static String text(JsonNode n) {
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : "";
    }

    /** A number given as number or numeric text, else NaN. */
    public static double number(JsonNode n) {
        if (n == null) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** A non-negative integer (AS number), given as number, numeric text or {@code AS123}, else 0. */
    public static long asn(JsonNode n) {
        String t = text(n).trim();
        if (t.regionMatches(true, 0, "AS", 0, 2)) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 10) {
            return 0;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return 0;
            }
        }
        long v = Long.parseLong(t);
        return v <= 0xFFFF_FFFFL ? v : 0;
    }

    public static boolean truthy(JsonNode n) {
        if (n == null) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String t = text(n);
        return t.equalsIgnoreCase("true") || t.equals("1");
    }

    /** An object, or an object encoded as a JSON string (Log Analytics dynamic columns exported as text). */
    public static JsonNode object(JsonNode n) {
        if (n != null && n.isObject()) {
            return n;
        }
        if (n != null && n.isTextual()) {
            String t = n.asText().trim();
            if (t.startsWith("{") && t.length() < 65536) {
                try {
                    JsonNode parsed = JsonInput.mapper().readTree(t);
                    return parsed != null && parsed.isObject() ? parsed : MissingNode.getInstance();
                } catch (JsonProcessingException e) {
                    return MissingNode.getInstance();
                }
            }
        }
        return MissingNode.getInstance();
    }

    /** A latitude or longitude within range, else NaN. */
    public static double coordinate(JsonNode n, double limit) {
        double v = number(n);
        return Double.isNaN(v) || v < -limit || v > limit ? Double.NaN : v;
    }
}
