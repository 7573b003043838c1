package dev.cordon.intel.importer;

import dev.cordon.core.Actor;
import dev.cordon.core.Category;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.internal.Yaml;
import dev.cordon.intel.store.DatasetInfo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * GraphSense ActorPacks (graphsense-tagpack-tool {@code conf/actorpack_schema.yaml}): a header
 * ({@code title}, {@code creator}, {@code description}, {@code lastmod}) and {@code actors}, each
 * with {@code id}, {@code label}, {@code uri}, {@code categories}, {@code jurisdictions},
 * {@code aliases} and {@code context}. An actor with a bad id or no label is reported with its
 * line and left out; a category outside the taxonomy is reported and dropped from that actor.
 * Produces actors only, no labels.
 */
public final class ActorPackImporter implements LabelImporter {
    @Override
    public String format() {
        return "actorpack";
    }

    @Override
    public ParsedList read(InputStream in, String file, ImportContext ctx) {
        Node root = Yaml.parse(new InputStreamReader(in, StandardCharsets.UTF_8), file);
        Map<String, Node> header = Yaml.map(root);
        Node actors = header.get("actors");
        if (actors == null) {
            throw new CordonException(ErrorCode.DATA, file + " line " + Yaml.line(root) + ": an ActorPack needs an 'actors' list");
        }
        RowCollector rc = new RowCollector(file);
        String title = Optional.ofNullable(header.get("title")).flatMap(Yaml::text).orElse(TagPackImporter.baseName(file));
        for (Node a : Yaml.list(actors)) {
            rc.row();
            int line = Yaml.line(a);
            rc.guard(line, () -> actor(line, Yaml.map(a), file, rc));
        }
        DatasetInfo ds = DatasetInfo.of(ctx.dataset().orElse("actorpack:" + TagPackImporter.baseName(file)),
                ctx.title().orElse(title), ctx.source().orElse(file), ctx.licence(),
                Optional.ofNullable(header.get("lastmod")).flatMap(Yaml::text).orElse(""), ctx.now());
        return rc.finish(ds, ctx.complete());
    }

    private static void actor(int line, Map<String, Node> m, String file, RowCollector rc) {
        String id = Optional.ofNullable(m.get("id")).flatMap(Yaml::text)
                .orElseThrow(() -> new CordonException(ErrorCode.DATA, "the actor has no 'id'")).toLowerCase(Locale.ROOT);
        String label = Optional.ofNullable(m.get("label")).flatMap(Yaml::text)
                .orElseThrow(() -> new CordonException(ErrorCode.DATA, "actor '" + id + "' has no 'label'"));
        List<Category> cats = new ArrayList<>();
        for (String c : texts(m.get("categories"))) {
            try {
                cats.add(Category.parse(c));
            } catch (CordonException e) {
                rc.warn(line, "actor '" + id + "': category '" + c + "' is not in the taxonomy; dropped");
            }
        }
        Optional<String> uri = Optional.ofNullable(m.get("uri")).flatMap(Yaml::text);
        rc.actor(new Actor(id, label, cats, texts(m.get("jurisdictions")), uri, texts(m.get("aliases")), file));
    }

    private static List<String> texts(Node n) {
        if (n == null) {
            return List.of();
        }
        if (Yaml.isScalar(n)) {
            return Yaml.text(n).map(List::of).orElse(List.of());
        }
        List<String> out = new ArrayList<>();
        for (Node item : Yaml.list(n)) {
            Yaml.text(item).ifPresent(out::add);
        }
        return out;
    }
}
