package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Clock;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.IntelAddresses;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.store.DatasetInfo;
import dev.cordon.intel.store.LabelStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cordon intel list [ADDRESS...]}: the imported datasets, or the labels of addresses. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List imported datasets, or every label of the given addresses.")
public final class IntelListCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ADDRESS", arity = "0..*", description = "Addresses to show labels of (chain told by the form).")
    List<String> addresses;

    @Override
    public void run() {
        try (IntelStore store = IntelStore.open(common.dataDir())) {
            if (addresses == null || addresses.isEmpty()) {
                datasets(store.labels());
            } else {
                labels(store.labels(), Clock.system().now());
            }
        }
    }

    private void datasets(LabelStore s) {
        List<DatasetInfo> ds = s.datasets();
        if (common.json()) {
            List<Object> out = new ArrayList<>();
            for (DatasetInfo d : ds) {
                Map<String, Object> o = Json.object();
                o.put("id", d.id());
                o.put("title", d.title());
                o.put("source", d.source());
                o.put("licence", d.licence());
                o.put("version", d.version());
                o.put("importedAt", d.importedAt().toString());
                o.put("open", d.open());
                o.put("closed", d.closed());
                out.add(o);
            }
            Json.print(System.out, out);
            return;
        }
        List<List<String>> rows = Terminal.rows("dataset", "open", "closed", "version", "imported", "licence", "title");
        for (DatasetInfo d : ds) {
            rows.add(List.of(d.id(), Long.toString(d.open()), Long.toString(d.closed()), d.version(), d.importedAt().toString(),
                    d.licence(), d.title()));
        }
        Terminal.table(System.out, rows);
    }

    private void labels(LabelStore s, Instant now) {
        List<Object> json = new ArrayList<>();
        List<List<String>> rows = Terminal.rows("address", "label", "category", "risk", "actor", "confidence", "valid", "dataset", "source");
        for (String text : addresses) {
            Address a = IntelAddresses.parse(text);
            for (Label l : s.labels(LabelSubject.of(a))) {
                String valid = l.validFrom().toString().substring(0, 10) + ".." + l.validTo().map(t -> t.toString().substring(0, 10)).orElse("")
                        + (l.isActiveAt(now) ? "" : " (closed)");
                String actor = l.actor().map(id -> s.actor(id).map(x -> x.label() + " [" + id + "]").orElse(id)).orElse("");
                rows.add(List.of(a.value(), l.name(), l.category().code() + l.abuse().map(x -> "/" + x.code()).orElse(""),
                        l.risk().code(), actor, l.confidence().code(), valid, l.dataset(), l.source()));
                json.add(LabelJson.of(l, actor));
            }
            if (s.labels(LabelSubject.of(a)).isEmpty()) {
                rows.add(List.of(a.value(), "(no label)", "", "", "", "", "", "", ""));
            }
        }
        if (common.json()) {
            Json.print(System.out, json);
        } else {
            Terminal.table(System.out, rows);
        }
    }

    /** A label as a JSON object. */
    static final class LabelJson {
        private LabelJson() {
        }

        static Map<String, Object> of(Label l, String actor) {
            Map<String, Object> o = Json.object();
            o.put("chain", l.subject().chain().code());
            o.put("subject", l.subject().text());
            o.put("label", l.name());
            o.put("category", l.category().code());
            o.put("abuse", l.abuse().map(Category::code).orElse(null));
            o.put("risk", l.risk().code());
            o.put("actor", actor);
            o.put("confidence", l.confidence().code());
            o.put("confidenceLevel", l.confidence().level());
            o.put("validFrom", l.validFrom().toString());
            o.put("validTo", l.validTo().map(Instant::toString).orElse(null));
            o.put("dataset", l.dataset());
            o.put("source", l.source());
            o.put("addedBy", l.addedBy());
            o.put("note", l.note());
            return o;
        }
    }
}
