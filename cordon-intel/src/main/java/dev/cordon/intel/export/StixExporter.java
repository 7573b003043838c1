package dev.cordon.intel.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cordon.core.Actor;
import dev.cordon.core.Category;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.core.RiskLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Labels as a STIX 2.1 bundle of indicators, one per label, for threat-intelligence platforms.
 * STIX 2.1 has no core object for a cryptocurrency address; the pattern uses the
 * {@code cryptocurrency-wallet} observable of OASIS's STIX common objects
 * ({@code [cryptocurrency-wallet:address = '...']}), or for a transaction
 * {@code [cryptocurrency-transaction:hash = '...']}. Identifiers are UUIDv5 of the label's identity
 * (dataset, subject, name), so re-exports keep ids stable; {@code valid_from}/{@code valid_until}
 * carry the label's validity and {@code confidence} its GraphSense level.
 */
public final class StixExporter implements LabelExporter {
    private static final UUID NAMESPACE = UUID.fromString("6f0a7c4e-2b1d-5c3a-9e8f-0d1c2b3a4f5e");

    @Override
    public String format() {
        return "stix";
    }

    @Override
    public void write(List<Label> labels, Map<String, Actor> actors, OutputStream out) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        List<Object> objects = new ArrayList<>();
        for (Label l : labels) {
            objects.add(indicator(l, actors));
        }
        bundle.put("objects", objects);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new NonClosing(out), bundle);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write STIX bundle: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> indicator(Label l, Map<String, Actor> actors) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "indicator");
        o.put("spec_version", "2.1");
        o.put("id", "indicator--" + uuid5(l.dataset() + "\u0000" + l.subject().chain().code() + ":" + l.subject().text()
                + "\u0000" + l.name()));
        o.put("created", ts(l.addedAt()));
        o.put("modified", ts(l.validTo().orElse(l.addedAt())));
        String actor = l.actor().map(a -> actors.containsKey(a) ? actors.get(a).label() : a).orElse("");
        o.put("name", l.name() + " (" + l.category().code() + ")");
        o.put("description", l.name() + " on " + l.subject().chain().code() + (actor.isEmpty() ? "" : "; actor " + actor)
                + "; risk " + l.risk().code() + (l.note().isEmpty() ? "" : "; " + l.note()));
        o.put("indicator_types", List.of(indicatorType(l)));
        String value = l.subject().text().replace("\\", "\\\\").replace("'", "\\'");
        o.put("pattern", l.subject() instanceof LabelSubject.OfTx
                ? "[cryptocurrency-transaction:hash = '" + value + "']"
                : "[cryptocurrency-wallet:address = '" + value + "']");
        o.put("pattern_type", "stix");
        o.put("valid_from", ts(l.validFrom()));
        l.validTo().ifPresent(t -> o.put("valid_until", ts(t)));
        o.put("confidence", l.confidence().level());
        List<String> tags = new ArrayList<>(List.of(l.category().code(), "risk:" + l.risk().code(), "chain:" + l.subject().chain().code()));
        l.abuse().map(Category::code).ifPresent(tags::add);
        o.put("labels", tags);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("source_name", l.dataset());
        if (l.source().startsWith("http://") || l.source().startsWith("https://")) {
            ref.put("url", l.source());
        } else {
            ref.put("description", l.source());
        }
        o.put("external_references", List.of(ref));
        return o;
    }

    private static String indicatorType(Label l) {
        if (l.category() == Category.MIXING_SERVICE || l.category() == Category.COINJOIN) {
            return "anonymization";
        }
        if (l.risk().compareTo(RiskLevel.HIGH) >= 0) {
            return "malicious-activity";
        }
        return l.category().isService() ? "benign" : "attribution";
    }

    private static String ts(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli()).toString().replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1), in cordon's namespace. */
    static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            long msb = NAMESPACE.getMostSignificantBits();
            long lsb = NAMESPACE.getLeastSignificantBits();
            byte[] ns = new byte[16];
            for (int i = 0; i < 8; i++) {
                ns[i] = (byte) (msb >>> (56 - 8 * i));
                ns[8 + i] = (byte) (lsb >>> (56 - 8 * i));
            }
            sha1.update(ns);
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long m = 0;
            long n = 0;
            for (int i = 0; i < 8; i++) {
                m = (m << 8) | (h[i] & 0xff);
                n = (n << 8) | (h[8 + i] & 0xff);
            }
            return new UUID(m, n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
