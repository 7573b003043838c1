package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.cli.trace.ExposureUpkeep;
import dev.cordon.cli.trace.ExposureViews;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.intel.IntelAddresses;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.cluster.ChainClusters;
import dev.cordon.intel.cluster.ClusterConflict;
import dev.cordon.intel.cluster.ClusterView;
import dev.cordon.intel.exposure.Exposure;
import dev.cordon.store.ChainStore;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cordon cluster ADDRESS}: the entity clustering puts the address in, its size, labels
 * and, for Bitcoin, its exposure summed over every member (from the index ingest maintains).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, subcommands = ClusterRebuildCommand.class,
        description = "Show the entity (cluster) an address belongs to: size, strongest label, members' labels, refused merges.")
public final class ClusterCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ADDRESS", arity = "0..1", description = "A Bitcoin or Ethereum address.")
    String address;

    @Option(names = "--members", defaultValue = "20", description = "Members to list (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--scan", defaultValue = "10000", description = "Members whose labels are read (default ${DEFAULT-VALUE}).")
    int scan;

    @Override
    public void run() {
        if (address == null) {
            throw new CordonException(ErrorCode.USAGE, "cordon cluster needs an ADDRESS (or the subcommand 'rebuild')");
        }
        Address a = IntelAddresses.parse(address);
        ClusterView v;
        try (IntelStore store = IntelStore.open(common.dataDir())) {
            ChainClusters state = store.clusters().load(a.chain());
            Optional<ClusterView> view = state.view(a, store.labels(), Math.max(members, scan));
            if (view.isEmpty()) {
                throw new CordonException(ErrorCode.NOT_FOUND, "address " + a + " is in no cluster yet: clustering covers the "
                        + state.ids().size() + " " + a.chain().code() + " addresses seen by ingest so far");
            }
            v = view.get();
        }
        Optional<Exposed> exposure = exposure(a);
        if (common.json()) {
            Map<String, Object> o = json(v);
            o.put("exposure", exposure.map(Exposed::json).orElse(null));
            Json.print(System.out, o);
            return;
        }
        Terminal.fields(System.out, List.of(
                new String[] {"address", a.value()},
                new String[] {"cluster size", Integer.toString(v.size())},
                new String[] {"entity", v.tag().map(t -> t.name() + " (" + t.category().code() + ", " + t.confidence().code() + ")")
                        .orElse("unlabelled")},
                new String[] {"labelled members", v.labels().stream().map(Label::subject).distinct().count()
                        + (v.complete() ? "" : " among the first " + v.members().size())}));
        List<List<String>> rows = Terminal.rows("member", "label", "category", "confidence", "dataset");
        for (Label l : v.labels().subList(0, Math.min(20, v.labels().size()))) {
            rows.add(List.of(l.subject().text(), l.name(), l.category().code(), l.confidence().code(), l.dataset()));
        }
        Terminal.table(System.out, rows);
        System.out.println("members:");
        v.members().stream().limit(members).forEach(m -> System.out.println("  " + m));
        for (ClusterConflict c : v.conflicts()) {
            System.out.println("refused merge: " + c.tagA() + " vs " + c.tagB() + " (" + c.reason() + ")");
        }
        exposure.ifPresent(x -> {
            System.out.println();
            ExposureViews.print(System.out, "exposure of the cluster within " + x.value().hops() + " hops, " + x.read().asOf() + ":",
                    "cluster (" + x.members() + " addresses)", x.value());
        });
    }

    /** A cluster's summed exposure, with the index it was read from. */
    private record Exposed(Exposure value, ExposureUpkeep.Read read, int members) {
        Map<String, Object> json() {
            Map<String, Object> x = ExposureViews.json(value, read.index());
            x.put("members", members);
            x.put("current", read.current());
            return x;
        }
    }

    /**
     * The cluster's exposure summed over all its members, read from the maintained index of a
     * Bitcoin chain store; empty for Ethereum or without a chain store or index.
     */
    private Optional<Exposed> exposure(Address a) {
        if (a.chain() != Chain.BITCOIN || !Files.isDirectory(ChainStores.location(common.dataDir()))) {
            return Optional.empty();
        }
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            Optional<ExposureUpkeep.Read> read = ExposureUpkeep.read(common.dataDir(), store);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            List<Address> members = ExposureViews.clusterMembers(common.dataDir(), a);
            return Optional.of(new Exposed(ExposureViews.of(read.get().index(), store, members), read.get(), members.size()));
        }
    }

    private Map<String, Object> json(ClusterView v) {
        Map<String, Object> o = Json.object();
        o.put("address", v.address().value());
        o.put("chain", v.address().chain().code());
        o.put("size", v.size());
        o.put("entity", v.tag().map(t -> Map.of("key", t.key(), "name", t.name(), "category", t.category().code(),
                "confidence", t.confidence().code())).orElse(null));
        o.put("members", v.members().stream().limit(members).map(Address::value).toList());
        List<Object> labels = new ArrayList<>();
        v.labels().forEach(l -> labels.add(IntelListCommand.LabelJson.of(l, l.actor().orElse(""))));
        o.put("labels", labels);
        List<Object> conflicts = new ArrayList<>();
        v.conflicts().forEach(c -> conflicts.add(Map.of("a", c.tagA(), "b", c.tagB(), "reason", c.reason())));
        o.put("refusedMerges", conflicts);
        return o;
    }
}
