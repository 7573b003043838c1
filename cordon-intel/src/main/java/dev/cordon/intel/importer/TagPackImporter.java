package dev.cordon.intel.importer;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.core.TxId;
import dev.cordon.intel.internal.Dates;
import dev.cordon.intel.internal.Yaml;
import dev.cordon.intel.store.DatasetInfo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * GraphSense TagPacks (graphsense-tagpack-tool {@code conf/tagpack_schema.yaml}). The header has
 * {@code title} and {@code creator} (mandatory), {@code description}, {@code is_public},
 * {@code owner} and {@code tags}; any tag field written in the header ({@code label},
 * {@code source}, {@code currency}, {@code network}, {@code confidence}, {@code category},
 * {@code abuse}, {@code actor}, {@code lastmod}, {@code context}...) is inherited by every tag
 * that does not set it. A tag needs an {@code address} or {@code tx_hash}, a {@code label}, a
 * {@code source} and a {@code confidence}.
 *
 * <p>A bad tag (bad checksum, unknown category or confidence, missing field) is reported with
 * its line and left out; the other tags are imported. A file that is not YAML is refused as a
 * whole, naming the line. Without a {@code category}, the {@code abuse} serves as category
 * ({@code service_hack} for a hacker's address); with neither, the tag is an {@code entity}.
 * {@code lastmod} is taken as the start of validity.
 */
public final class TagPackImporter implements LabelImporter {
    private static final Set<String> TAG_FIELDS = Set.of("label", "source", "currency", "network", "context", "confidence",
            "is_cluster_definer", "lastmod", "category", "abuse", "actor", "concepts", "tag_type", "address", "tx_hash");
    private static final Set<String> HEADER_ONLY = Set.of("title", "creator", "description", "is_public", "owner", "tags");

    @Override
    public String format() {
        return "tagpack";
    }

    @Override
    public ParsedList read(InputStream in, String file, ImportContext ctx) {
        Node root = Yaml.parse(new InputStreamReader(in, StandardCharsets.UTF_8), file);
        Map<String, Node> header = Yaml.map(root);
        if (header.isEmpty()) {
            throw new CordonException(ErrorCode.DATA, file + " line " + Yaml.line(root) + ": a TagPack is a mapping with a header and 'tags'");
        }
        RowCollector rc = new RowCollector(file);
        String title = header(header, "title", file, rc);
        String creator = header(header, "creator", file, rc);
        Node tagsNode = header.get("tags");
        if (tagsNode == null || Yaml.list(tagsNode).isEmpty()) {
            rc.warn(Yaml.line(root), "the TagPack has no 'tags' list");
        }
        Map<String, String> inherited = new HashMap<>();
        for (Map.Entry<String, Node> e : header.entrySet()) {
            if (TAG_FIELDS.contains(e.getKey())) {
                Yaml.text(e.getValue()).ifPresent(v -> inherited.put(e.getKey(), v));
            } else if (!HEADER_ONLY.contains(e.getKey())) {
                rc.warn(Yaml.line(e.getValue()), "unknown header field '" + e.getKey() + "' ignored");
            }
        }
        String dataset = ctx.dataset().orElse("tagpack:" + baseName(file));
        for (Node tag : tagsNode == null ? List.<Node>of() : Yaml.list(tagsNode)) {
            rc.row();
            int line = Yaml.line(tag);
            Map<String, String> f = new HashMap<>(inherited);
            for (Map.Entry<String, Node> e : Yaml.map(tag).entrySet()) {
                Yaml.text(e.getValue()).ifPresent(v -> f.put(e.getKey(), v));
            }
            rc.guard(line, () -> tag(line, f, dataset, creator, ctx, rc));
        }
        DatasetInfo ds = DatasetInfo.of(dataset, ctx.title().orElse(title), ctx.source().orElse(file), ctx.licence(),
                Optional.ofNullable(inherited.get("lastmod")).orElse(""), ctx.now());
        return rc.finish(ds, ctx.complete());
    }

    private static String header(Map<String, Node> header, String field, String file, RowCollector rc) {
        Optional<String> v = Optional.ofNullable(header.get(field)).flatMap(Yaml::text);
        if (v.isEmpty()) {
            rc.warn(1, "mandatory header field '" + field + "' is missing");
        }
        return v.orElse(baseName(file));
    }

    private static void tag(int line, Map<String, String> f, String dataset, String creator, ImportContext ctx, RowCollector rc) {
        String label = require(f, "label", ctx.name());
        String source = require(f, "source", ctx.source());
        Optional<String> currency = Optional.ofNullable(f.get("currency")).or(() -> Optional.ofNullable(f.get("network")))
                .or(ctx::currency);
        LabelSubject subject;
        if (f.containsKey("address")) {
            if (currency.isEmpty()) {
                rc.warn(line, "no currency or network; chain inferred from the address form");
            }
            Optional<Address> a = rc.address(line, currency, f.get("address"));
            if (a.isEmpty()) {
                return;
            }
            subject = LabelSubject.of(a.get());
        } else if (f.containsKey("tx_hash")) {
            Optional<LabelSubject> s = txSubject(line, currency, f.get("tx_hash"), rc);
            if (s.isEmpty()) {
                return;
            }
            subject = s.get();
        } else {
            throw new CordonException(ErrorCode.DATA, "the tag has neither 'address' nor 'tx_hash'");
        }
        Confidence confidence = f.containsKey("confidence") ? Confidence.parse(f.get("confidence"))
                : ctx.confidence().orElseThrow(() -> missing("confidence"));
        Optional<Category> abuseGiven = Optional.ofNullable(f.get("abuse")).map(Category::parse);
        Category category = f.containsKey("category") ? Category.parse(f.get("category"))
                : ctx.category().or(() -> abuseGiven).orElse(Category.ENTITY);
        Optional<Category> abuse = abuseGiven.filter(a -> a != category);
        Optional<String> actor = Optional.ofNullable(f.get("actor")).or(ctx::actor).map(s -> s.toLowerCase(Locale.ROOT));
        Instant from = f.containsKey("lastmod") ? Dates.parseStart(f.get("lastmod"), "lastmod") : ctx.now();
        String note = f.getOrDefault("context", "");
        rc.add(line, new Label(subject, label, category, abuse, actor, source, confidence, from, Optional.empty(),
                ctx.addedBy().orElse(creator), ctx.now(), dataset, note.length() > 1000 ? note.substring(0, 1000) : note));
    }

    private static Optional<LabelSubject> txSubject(int line, Optional<String> currency, String hash, RowCollector rc) {
        String c = currency.orElse("").toUpperCase(Locale.ROOT);
        Chain chain;
        if (c.equals("BTC") || c.equals("XBT")) {
            chain = Chain.BITCOIN;
        } else if (c.equals("ETH") || (c.isEmpty() && hash.startsWith("0x"))) {
            chain = Chain.ETHEREUM;
        } else {
            rc.skip(line, "chain " + (c.isEmpty() ? "(none given)" : c) + " is not supported (transaction " + hash + ")");
            return Optional.empty();
        }
        return Optional.of(LabelSubject.of(chain, TxId.parse(hash)));
    }

    private static String require(Map<String, String> f, String field, Optional<String> fallback) {
        String v = f.get(field);
        if (v != null) {
            return v;
        }
        return fallback.orElseThrow(() -> missing(field));
    }

    private static CordonException missing(String field) {
        return new CordonException(ErrorCode.DATA, "the tag has no '" + field + "' (neither in the tag nor in the header)");
    }

    static String baseName(String file) {
        String n = file.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        for (String ext : List.of(".yaml", ".yml", ".csv", ".txt", ".json", ".xml")) {
            if (n.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }
}
