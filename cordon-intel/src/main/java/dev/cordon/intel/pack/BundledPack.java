package dev.cordon.intel.pack;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.importer.CsvMapping;
import dev.cordon.intel.importer.ImportContext;
import dev.cordon.intel.importer.ImportProblem;
import dev.cordon.intel.importer.Importers;
import dev.cordon.intel.importer.LabelImporter;
import dev.cordon.intel.importer.ParsedList;
import dev.cordon.intel.internal.Dates;
import dev.cordon.intel.internal.Yaml;
import dev.cordon.intel.store.ImportResult;
import dev.cordon.intel.store.LabelBatch;
import dev.cordon.intel.store.LabelStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The intelligence pack shipped inside cordon-intel ({@code dev/cordon/intel/pack/}), described by
 * its {@code manifest.yaml}: OFAC's SDN addresses, the FBI's Bybit addresses, GraphSense TagPacks
 * and actors, Etherscan labels and Forta's heist and exploit labels, each with source and licence.
 * Loading it imports every entry as its own dataset (one atomic batch each), then applies the
 * recorded delistings (Tornado Cash, March 2025) by closing the matching labels.
 */
public final class BundledPack {
    static final String ROOT = "/dev/cordon/intel/pack/";

    private BundledPack() {
    }

    /** One manifest entry. */
    public record Entry(String file, String format, Map<String, String> options, Map<String, String> columns,
                        Map<String, String> categoryValues) {
        public String option(String key) {
            return options.getOrDefault(key, "");
        }
    }

    /**
     * A recorded removal from a list after the bundled version: the labels of {@code actor} in
     * {@code dataset} close at {@code date}, and so do the labels that copies of that list
     * ({@code alsoDatasets}) hold on the same addresses.
     */
    public record Delisting(String dataset, String actor, Instant date, String source, String note, List<String> alsoDatasets) {
    }

    /** What loading one entry did. */
    public record Loaded(Entry entry, ParsedList parsed, ImportResult result) {
    }

    /** The manifest's entries, in load order. */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Node n : Yaml.list(Yaml.map(manifest()).get("entries"))) {
            Map<String, String> opts = new HashMap<>();
            Map<String, Node> m = Yaml.map(n);
            m.forEach((k, v) -> Yaml.text(v).ifPresent(t -> opts.put(k, t)));
            out.add(new Entry(opts.get("file"), opts.get("format"), opts, texts(m.get("columns")), texts(m.get("category_values"))));
        }
        return out;
    }

    /** The recorded delistings. */
    public static List<Delisting> delistings() {
        List<Delisting> out = new ArrayList<>();
        Node d = Yaml.map(manifest()).get("delistings");
        for (Node n : d == null ? List.<Node>of() : Yaml.list(d)) {
            Map<String, String> t = texts(n);
            List<String> also = new ArrayList<>();
            Node a = Yaml.map(n).get("also_datasets");
            for (Node x : a == null ? List.<Node>of() : Yaml.list(a)) {
                Yaml.text(x).ifPresent(also::add);
            }
            out.add(new Delisting(t.get("dataset"), t.get("actor"), Dates.parseStart(t.get("date"), "date"), t.get("source"),
                    t.getOrDefault("note", ""), also));
        }
        return out;
    }

    /**
     * Imports every entry into {@code store}.
     *
     * @param now import time for entries without a publication date
     */
    public static List<Loaded> load(LabelStore store, Instant now) {
        List<Delisting> delistings = delistings();
        Map<Delisting, Set<LabelSubject>> delisted = new HashMap<>();
        List<Loaded> out = new ArrayList<>();
        for (Entry e : entries()) {
            ParsedList parsed;
            try (InputStream in = open(e.file())) {
                parsed = importer(e).read(in, e.file(), context(e, now));
            } catch (IOException ex) {
                throw new CordonException(ErrorCode.IO, "cannot read bundled " + e.file() + ": " + ex.getMessage(), ex);
            }
            LabelBatch batch = applyDelistings(parsed.batch(), delistings, delisted);
            out.add(new Loaded(e, parsed, store.apply(batch)));
        }
        return out;
    }

    private static LabelBatch applyDelistings(LabelBatch b, List<Delisting> delistings, Map<Delisting, Set<LabelSubject>> delisted) {
        List<Label> labels = new ArrayList<>(b.labels().size());
        for (Label l : b.labels()) {
            Label x = l;
            for (Delisting d : delistings) {
                boolean listed = d.dataset().equals(l.dataset()) && l.actor().filter(d.actor()::equals).isPresent();
                if (listed) {
                    delisted.computeIfAbsent(d, k -> new HashSet<>()).add(l.subject());
                }
                boolean copy = d.alsoDatasets().contains(l.dataset())
                        && delisted.getOrDefault(d, Set.of()).contains(l.subject());
                if ((listed || copy) && x.isOpen() && x.validFrom().isBefore(d.date())) {
                    x = x.closedAt(d.date());
                }
            }
            labels.add(x);
        }
        return new LabelBatch(b.dataset(), labels, b.actors(), b.complete());
    }

    private static LabelImporter importer(Entry e) {
        CsvMapping mapping = new CsvMapping(e.columns(), parseCategories(e.categoryValues()));
        return Importers.of(e.format(), mapping, Optional.empty());
    }

    private static Map<String, Category> parseCategories(Map<String, String> m) {
        Map<String, Category> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Category.parse(v)));
        return out;
    }

    private static ImportContext context(Entry e, Instant now) {
        Instant at = e.option("published").isEmpty() ? now : Dates.parseStart(e.option("published"), "published");
        ImportContext c = ImportContext.at(at).withLicence(e.option("licence"));
        if (!e.option("dataset").isEmpty()) {
            c = c.withDataset(e.option("dataset"));
        }
        if (!e.option("title").isEmpty()) {
            c = c.withTitle(e.option("title"));
        }
        if (!e.option("source").isEmpty() && !e.format().equals("ofac-csv") && !e.format().equals("etherscan-json")) {
            c = c.withSource(e.option("source"));
        }
        if (!e.option("label").isEmpty()) {
            c = c.withName(e.option("label"));
        }
        if (!e.option("category").isEmpty()) {
            c = c.withCategory(Category.parse(e.option("category")));
        }
        if (!e.option("confidence").isEmpty()) {
            c = c.withConfidence(Confidence.parse(e.option("confidence")));
        }
        if (!e.option("actor").isEmpty()) {
            c = c.withActor(e.option("actor"));
        }
        if (!e.option("currency").isEmpty()) {
            c = c.withCurrency(e.option("currency"));
        }
        if (!e.option("added_by").isEmpty()) {
            c = c.withAddedBy(e.option("added_by"));
        }
        return c;
    }

    /** Problems of a load, across entries. */
    public static List<ImportProblem> problems(List<Loaded> loaded) {
        List<ImportProblem> out = new ArrayList<>();
        loaded.forEach(l -> out.addAll(l.parsed().problems()));
        return out;
    }

    /** Opens a pack file (a manifest path, or LICENSE / PROVENANCE.txt of a folder). */
    public static InputStream open(String file) {
        InputStream in = BundledPack.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new CordonException(ErrorCode.DATA, "bundled intelligence file " + file + " is missing from the build");
        }
        return in;
    }

    private static Node manifest() {
        try (InputStream in = open("manifest.yaml")) {
            return Yaml.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "manifest.yaml");
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read the bundled manifest: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> texts(Node n) {
        Map<String, String> out = new HashMap<>();
        if (n != null) {
            Yaml.map(n).forEach((k, v) -> out.put(k, Yaml.text(v).orElse("")));
        }
        return out;
    }
}
