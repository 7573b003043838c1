package dev.cordon.intel.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.cordon.core.Actor;
import dev.cordon.core.Category;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Labels as one GraphSense TagPack: a header ({@code title}, {@code creator}, {@code description},
 * {@code is_public}) and one tag per label with every field written out (no inheritance), so
 * that {@code tagpack-tool validate} and {@link dev.cordon.intel.importer.TagPackImporter} read it
 * back. Closed labels are exported with their end date in {@code context}.
 */
public final class TagPackExporter implements LabelExporter {
    private final String title;
    private final String creator;

    public TagPackExporter(String title, String creator) {
        this.title = Objects.requireNonNull(title, "title");
        this.creator = Objects.requireNonNull(creator, "creator");
    }

    @Override
    public String format() {
        return "tagpack";
    }

    @Override
    public void write(List<Label> labels, Map<String, Actor> actors, OutputStream out) {
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("title", title);
        pack.put("creator", creator);
        pack.put("description", "Exported by cordon: " + labels.size() + " tags");
        pack.put("is_public", false);
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Label l : labels) {
            Map<String, Object> t = new LinkedHashMap<>();
            if (l.subject() instanceof LabelSubject.OfTx) {
                t.put("tx_hash", l.subject().text());
            } else {
                t.put("address", l.subject().text());
            }
            t.put("currency", l.subject().chain().nativeAsset().symbol());
            t.put("label", l.name());
            t.put("category", l.category().code());
            l.abuse().map(Category::code).ifPresent(a -> t.put("abuse", a));
            l.actor().ifPresent(a -> t.put("actor", a));
            t.put("source", l.source());
            t.put("confidence", l.confidence().code());
            t.put("lastmod", l.validFrom().atZone(ZoneOffset.UTC).toLocalDate().toString());
            String context = l.note() + l.validTo().map(v -> (l.note().isEmpty() ? "" : "; ") + "valid_to " + v).orElse("");
            if (!context.isEmpty()) {
                t.put("context", context);
            }
            tags.add(t);
        }
        pack.put("tags", tags);
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
            yaml.writeValue(new NonClosing(out), pack);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write TagPack: " + e.getMessage(), e);
        }
    }
}
