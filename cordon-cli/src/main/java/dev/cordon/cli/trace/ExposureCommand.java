package dev.cordon.cli.trace;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.exposure.Exposure;
import dev.cordon.intel.exposure.ExposureIndex;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.store.ChainStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cordon exposure ADDRESS... [--cluster ADDRESS]... [--entity NAME]...}: the share of the
 * value received by each address, each address's multi-input cluster, or all addresses labelled
 * with an entity, that came directly or within the hop cap from each risk category. It reads
 * the index {@code cordon ingest bitcoin} maintains in {@code <data>/graph/btc.exposure}; only
 * when that index is missing, behind the store or built with other risk labels is it extended
 * (or rebuilt) and saved first, with a note on stderr. {@code --labels FILE} or another
 * {@code --hops} computes a separate index in memory over the graph and saves nothing of it.
 */
@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = "Direct and indirect exposure of addresses, clusters or labelled entities to risk categories "
                + "(haircut, capped hops), read from the index ingest maintains.")
public final class ExposureCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "ADDRESS",
            description = "Addresses to look up: Bitcoin, or Ethereum (0x..., per asset, computed over the account graph).")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--cluster", paramLabel = "ADDRESS",
            description = "Sum over every member of this address's multi-input cluster (repeatable).")
    List<String> clusters = new ArrayList<>();

    @Option(names = "--entity", paramLabel = "NAME",
            description = "Sum over every address whose open label names this entity or actor (repeatable).")
    List<String> entities = new ArrayList<>();

    @Option(names = "--chain", paramLabel = "CHAIN",
            description = "bitcoin or ethereum, for --entity without addresses (default: told from the addresses, else bitcoin).")
    String chainName;

    @Option(names = "--hops", paramLabel = "N",
            description = "Hop cap, 1..8 (default: the maintained index's, 3 when there is none).")
    Integer hops;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "CSV of address,entity,category instead of the label store (computed in memory, not saved).")
    Path labels;

    @Override
    public Integer call() {
        if (addresses.isEmpty() && clusters.isEmpty() && entities.isEmpty()) {
            throw new CordonException(ErrorCode.USAGE, "cordon exposure needs an ADDRESS, --cluster ADDRESS or --entity NAME");
        }
        List<Address> targets = new ArrayList<>();
        addresses.forEach(a -> targets.add(dev.cordon.cli.chain.Addresses.parse(a)));
        List<Address> clusterOf = parse(clusters);
        Map<Address, Endpoint> csv = labels == null ? null : TraceCommand.readLabels(labels, false);
        if (EthExposureRun.isEthereum(targets) || "ethereum".equalsIgnoreCase(chainName)) {
            if (!clusters.isEmpty()) {
                throw new CordonException(ErrorCode.USAGE, "--cluster sums a Bitcoin multi-input cluster; on Ethereum "
                        + "use addresses or --entity");
            }
            try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
                EthExposureRun.run(targets, entities, hops == null ? 3 : hops, csv, common.dataDir(), store, common.json(),
                        System.out);
            }
            return 0;
        }
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            ExposureIndex index = index(store, csv);
            Map<String, Object> doc = Json.object();
            doc.put("hops", index.hops());
            doc.put("asOfHeight", index.heightCursor());
            doc.put("riskLabelledAddresses", index.labels().size());
            List<List<String>> t = Terminal.rows("SUBJECT", "RECEIVED BTC", "CATEGORY", "DIRECT BTC", "INDIRECT BTC", "SHARE");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Address a : targets) {
                rows.add(row(t, "address", a.value(), 1, index.of(store.addressId(a).orElse(-1))));
            }
            doc.put("addresses", rows);
            rows = new ArrayList<>();
            for (Address a : clusterOf) {
                List<Address> members = ExposureViews.clusterMembers(common.dataDir(), a);
                rows.add(row(t, "cluster", a.value(), members.size(), ExposureViews.of(index, store, members)));
            }
            doc.put("clusters", rows);
            rows = new ArrayList<>();
            for (String name : entities) {
                Set<Address> members = csv == null ? ExposureViews.entityMembers(common.dataDir(), name) : entityIn(csv, name);
                if (members.isEmpty()) {
                    throw new CordonException(ErrorCode.NOT_FOUND, "no open Bitcoin label names the entity '" + name + "'"
                            + (csv == null ? " in " + common.dataDir().resolve("intel") : " in " + labels));
                }
                rows.add(row(t, "entity", name, members.size(), ExposureViews.of(index, store, members)));
            }
            doc.put("entities", rows);
            print(doc, t, index);
        }
        return 0;
    }

    private static List<Address> parse(List<String> texts) {
        List<Address> out = new ArrayList<>();
        for (String a : texts) {
            out.add(BitcoinAddresses.parse(a));
        }
        return out;
    }

    /** The maintained index when it is current and fits the options; else it or an ad-hoc one, brought up to date. */
    private ExposureIndex index(ChainStore store, Map<Address, Endpoint> csv) {
        Optional<ExposureUpkeep.Read> read = ExposureUpkeep.read(common.dataDir(), store);
        int kept = read.map(r -> r.index().hops()).orElse(ExposureIndex.DEFAULT_HOPS);
        int want = hops == null ? kept : hops;
        if (csv == null && want == kept && read.isPresent() && read.get().current()) {
            return read.get().index();
        }
        if (csv == null && want == kept) {
            System.err.println("exposure: the index in " + ExposureUpkeep.folder(common.dataDir()) + " is "
                    + read.map(ExposureUpkeep.Read::asOf).orElse("missing") + "; bringing it up to the store");
        }
        ExposureUpkeep upkeep = new ExposureUpkeep(common.dataDir(), kept);
        upkeep.catchUp(store);
        upkeep.save();
        if (csv == null && want == kept) {
            return upkeep.maintainer().index();
        }
        Map<Address, Category> m = new HashMap<>();
        if (csv != null) {
            csv.forEach((a, e) -> m.put(a, e.category()));
        }
        RiskLabels risk = csv == null ? ExposureUpkeep.riskLabels(common.dataDir(), store) : RiskLabels.of(Chain.BITCOIN, m, store);
        ExposureIndex x = new ExposureIndex(risk, want);
        x.extend(upkeep.maintainer().graph(), upkeep.maintainer().index().heightCursor());
        return x;
    }

    static Set<Address> entityIn(Map<Address, Endpoint> csv, String name) {
        Set<Address> out = new LinkedHashSet<>();
        csv.forEach((a, e) -> {
            if (e.entity().equalsIgnoreCase(name)) {
                out.add(a);
            }
        });
        return out;
    }

    private static Map<String, Object> row(List<List<String>> t, String kind, String subject, int members, Exposure e) {
        Map<String, Object> m = Json.object();
        m.put(kind, subject);
        if (!kind.equals("address")) {
            m.put("members", members);
        }
        m.put("received", Amount.sats(e.received()).toPlainString());
        m.put("exposure", ExposureViews.categories(e));
        ExposureViews.rows(t, kind.equals("address") ? subject : kind + " " + subject + " (" + members + " addresses)", e);
        return m;
    }

    private void print(Map<String, Object> doc, List<List<String>> t, ExposureIndex index) {
        if (common.json()) {
            Json.print(System.out, doc);
            return;
        }
        System.out.println("exposure within " + index.hops() + " hops, as of block " + index.heightCursor()
                + " (" + index.labels().size() + " risk-labelled addresses)");
        Terminal.table(System.out, t);
    }
}
