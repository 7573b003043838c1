package dev.cordon.cli.intel;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Actor;
import dev.cordon.core.Address;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.core.RiskLevel;
import dev.cordon.intel.Labels;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.cluster.ClusterConflict;
import dev.cordon.intel.cluster.ClusterTag;
import dev.cordon.intel.cluster.ClusterView;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the intel store says about one address: its own labels, the actor behind the strongest
 * one, its cluster and the labels of the cluster's other members, and the conflicts among them
 * (two different services named, or merges clustering refused). The strongest open label of the
 * address and its cluster names the entity; the highest risk of those labels decides whether
 * the address is a finding.
 *
 * @param address       the address asked about
 * @param at            the time labels are judged at (open or closed)
 * @param labels        the address's labels, open and closed, strongest first
 * @param clusterLabels labels of the other members read (up to {@link #MEMBER_SCAN}), strongest first
 * @param cluster       the address's cluster; empty when clustering has not seen the address
 * @param actor         the actor of the strongest open label, when the store knows it
 * @param conflicts     one line per conflict
 */
public record AddressIntel(Address address, Instant at, List<Label> labels, List<Label> clusterLabels,
                           Optional<ClusterView> cluster, Optional<Actor> actor, List<String> conflicts) {
    /** Cluster members whose labels are read. */
    public static final int MEMBER_SCAN = 10_000;

    public AddressIntel {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
        labels = List.copyOf(labels);
        clusterLabels = List.copyOf(clusterLabels);
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(actor, "actor");
        conflicts = List.copyOf(conflicts);
    }

    /**
     * Reads the intel store of {@code dataDir}; empty when there is none (no labels section).
     */
    public static Optional<AddressIntel> lookup(Path dataDir, Address a, Instant at) {
        if (!Files.isDirectory(dataDir.resolve(IntelStore.FOLDER))) {
            return Optional.empty();
        }
        try (IntelStore store = IntelStore.open(dataDir)) {
            List<Label> own = store.labels().labels(LabelSubject.of(a));
            Optional<ClusterView> view = store.clusters().load(a.chain()).view(a, store.labels(), MEMBER_SCAN);
            List<Label> others = view.map(v -> v.labels().stream().filter(l -> !l.subject().equals(LabelSubject.of(a))).toList())
                    .orElse(List.of());
            Optional<Label> top = strongestOpen(own, others, at);
            Optional<Actor> actor = top.flatMap(Label::actor).flatMap(id -> store.labels().actor(id));
            return Optional.of(new AddressIntel(a, at, own, others, view, actor, conflicts(own, others, view, at)));
        }
    }

    private static Optional<Label> strongestOpen(List<Label> own, List<Label> others, Instant at) {
        List<Label> all = new ArrayList<>(own);
        all.addAll(others);
        return Labels.strongestAt(all, at);
    }

    private static List<String> conflicts(List<Label> own, List<Label> others, Optional<ClusterView> view, Instant at) {
        List<String> out = new ArrayList<>();
        List<ClusterTag> seen = new ArrayList<>();
        for (List<Label> ls : List.of(own, others)) {
            for (Label l : ls) {
                if (!l.isActiveAt(at)) {
                    continue;
                }
                ClusterTag t = new ClusterTag(l.actor().orElse(l.name()), l.name(), l.category(), l.confidence());
                for (ClusterTag s : seen) {
                    if (s.conflictsWith(t)) {
                        out.add("labels name two services: " + s.key() + " (" + s.category().code() + ") and " + t.key()
                                + " (" + t.category().code() + ", on " + l.subject().text() + ")");
                    }
                }
                seen.add(t);
            }
        }
        for (ClusterConflict c : view.map(ClusterView::conflicts).orElse(List.of())) {
            out.add("refused merge: " + c.tagA() + " vs " + c.tagB() + " (" + c.reason() + ")");
        }
        return out.stream().distinct().toList();
    }

    /** The strongest open label of the address or its cluster. */
    public Optional<Label> entity() {
        return strongestOpen(labels, clusterLabels, at);
    }

    /** The highest risk among the open labels of the address and its cluster; empty when none. */
    public Optional<RiskLevel> risk() {
        return Stream.concat(labels.stream(), clusterLabels.stream()).filter(l -> l.isActiveAt(at))
                .map(Label::risk).reduce(RiskLevel::max);
    }

    /** Whether the address or its cluster carries a label of high or severe risk. */
    public boolean isFinding() {
        return risk().map(r -> r.compareTo(RiskLevel.HIGH) >= 0).orElse(false);
    }

    public Map<String, Object> json() {
        Map<String, Object> m = Json.object();
        m.put("risk", risk().map(RiskLevel::code).orElse(null));
        m.put("finding", isFinding());
        m.put("entity", entity().map(l -> IntelListCommand.LabelJson.of(l, l.actor().orElse(""))).orElse(null));
        m.put("actor", actor.map(x -> Map.of("id", x.id(), "name", x.label())).orElse(null));
        m.put("labels", labels.stream().map(l -> IntelListCommand.LabelJson.of(l, l.actor().orElse(""))).toList());
        m.put("cluster", cluster.map(this::clusterJson).orElse(null));
        m.put("conflicts", conflicts);
        return m;
    }

    private Map<String, Object> clusterJson(ClusterView v) {
        Map<String, Object> c = Json.object();
        c.put("size", v.size());
        c.put("entity", v.tag().map(t -> Map.of("key", t.key(), "name", t.name(), "category", t.category().code(),
                "confidence", t.confidence().code())).orElse(null));
        c.put("members", v.members().stream().limit(20).map(Address::value).toList());
        c.put("labels", clusterLabels.stream().map(l -> IntelListCommand.LabelJson.of(l, l.actor().orElse(""))).toList());
        return c;
    }

    public void print(PrintStream out) {
        out.println();
        Terminal.fields(out, List.of(
                new String[] {"entity", entity().map(l -> l.name() + " (" + l.category().code() + ", " + l.confidence().code()
                        + ", " + l.dataset() + ")").orElse("unlabelled")},
                new String[] {"actor", actor.map(x -> x.label() + " (" + x.id() + ")").orElse("-")},
                new String[] {"risk", risk().map(RiskLevel::code).orElse("none") + (isFinding() ? "  FINDING" : "")},
                new String[] {"cluster", cluster.map(v -> v.size() + " address" + (v.size() == 1 ? "" : "es")
                        + v.tag().map(t -> ", entity " + t.name()).orElse("")).orElse("not clustered yet")}));
        labelTable(out, "labels of this address:", labels);
        labelTable(out, "labels of its cluster:", clusterLabels);
        conflicts.forEach(c -> out.println("CONFLICT: " + c));
    }

    private void labelTable(PrintStream out, String title, List<Label> ls) {
        if (ls.isEmpty()) {
            return;
        }
        out.println(title);
        List<List<String>> rows = Terminal.rows("  address", "label", "category", "risk", "confidence", "dataset", "state");
        for (Label l : ls.subList(0, Math.min(20, ls.size()))) {
            rows.add(List.of("  " + l.subject().text(), l.name(), l.category().code(), l.risk().code(), l.confidence().code(),
                    l.dataset(), l.isActiveAt(at) ? "holds" : "closed " + l.validTo().map(Instant::toString).orElse("")));
        }
        Terminal.table(out, rows);
    }
}
