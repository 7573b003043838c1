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
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.exposure.Exposure;
import dev.cordon.intel.exposure.ExposureFile;
import dev.cordon.intel.exposure.ExposureIndex;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.GraphFile;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cordon exposure ADDRESS...}: the share of each address's received value that came,
 * directly or within {@code --hops} transactions, from each risk category. The index is kept in
 * {@code <data>/graph/btc.exposure}, extended up to the chain store's checkpoint before each
 * lookup and rebuilt when the risk labels or the hop cap change.
 */
@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = "Direct and indirect exposure of addresses to risk categories (haircut, capped hops).")
public final class ExposureCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "Bitcoin addresses to look up.")
    List<String> addresses;

    @Option(names = "--hops", defaultValue = "3", paramLabel = "N", description = "Hop cap, 1..8 (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "CSV of address,entity,category instead of the label store.")
    Path labels;

    @Override
    public Integer call() {
        List<Address> targets = new ArrayList<>();
        for (String a : addresses) {
            targets.add(BitcoinAddresses.parse(a));
        }
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            UtxoGraph graph = graph(store);
            RiskLabels risk = RiskLabels.of(Chain.BITCOIN, riskLabels(), store);
            ExposureIndex index = index(store, graph, risk);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Address a : targets) {
                OptionalInt id = store.addressId(a);
                Exposure e = index.of(id.orElse(-1));
                rows.add(row(a, e));
            }
            print(rows, index);
        }
        return 0;
    }

    private ExposureIndex index(ChainStore store, UtxoGraph graph, RiskLabels risk) {
        Path file = common.dataDir().resolve("graph").resolve("btc.exposure");
        ExposureIndex index = new ExposureIndex(risk, hops);
        if (Files.isRegularFile(file)) {
            ExposureFile.Header h = ExposureFile.header(file);
            if (h.fingerprint() != risk.fingerprint() || h.hops() != hops) {
                System.err.println("exposure: risk labels or hop cap changed since " + file + " was written; rebuilding it");
            } else {
                index = ExposureFile.load(file, risk, hops);
            }
        }
        long tip = store.checkpoint(Chain.BITCOIN).map(Checkpoint::height).orElse(-1L);
        long before = index.txCursor();
        index.extend(graph, tip);
        if (index.txCursor() != before || !Files.isRegularFile(file)) {
            ExposureFile.save(index, file);
        }
        return index;
    }

    /** Risk labels from {@code --labels} or, without it, the open Bitcoin labels of the label store. */
    private Map<Address, Category> riskLabels() {
        Map<Address, Category> m = new HashMap<>();
        if (labels != null) {
            for (Map.Entry<Address, Endpoint> e : TraceCommand.readLabels(labels, false).entrySet()) {
                m.put(e.getKey(), e.getValue().category());
            }
            return m;
        }
        if (!Files.isDirectory(common.dataDir().resolve("intel"))) {
            return m;
        }
        try (IntelStore intel = IntelStore.open(common.dataDir())) {
            intel.labels().forEachLabel(l -> {
                if (l.isOpen() && l.subject() instanceof LabelSubject.OfAddress s && s.chain() == Chain.BITCOIN) {
                    Category c = l.abuse().orElse(l.category());
                    m.merge(s.address(), c, (x, y) -> RiskCategory.of(x).isPresent() ? x : y);
                }
            });
        }
        return m;
    }

    private UtxoGraph graph(ChainStore store) {
        Path file = common.dataDir().resolve("graph").resolve("btc.graph");
        UtxoGraph g = Files.isRegularFile(file) ? GraphFile.load(file) : new UtxoGraph(Chain.BITCOIN);
        if (GraphBuilder.extend(g, store, n -> { }) > 0) {
            GraphFile.save(g, file);
        }
        return g;
    }

    private static Map<String, Object> row(Address a, Exposure e) {
        Map<String, Object> m = Json.object();
        m.put("address", a.value());
        m.put("received", Amount.sats(e.received()).toPlainString());
        List<Map<String, Object>> cats = new ArrayList<>();
        for (RiskCategory c : RiskCategory.values()) {
            if (e.total(c) == 0) {
                continue;
            }
            Map<String, Object> x = Json.object();
            x.put("category", c.code());
            x.put("direct", Amount.sats(e.direct(c)).toPlainString());
            x.put("indirect", Amount.sats(e.indirect(c)).toPlainString());
            x.put("share", e.share(c));
            cats.add(x);
        }
        m.put("exposure", cats);
        return m;
    }

    private void print(List<Map<String, Object>> rows, ExposureIndex index) {
        if (common.json()) {
            Map<String, Object> doc = Json.object();
            doc.put("hops", index.hops());
            doc.put("asOfHeight", index.heightCursor());
            doc.put("riskLabelledAddresses", index.labels().size());
            doc.put("addresses", rows);
            Json.print(System.out, doc);
            return;
        }
        System.out.println("exposure within " + index.hops() + " hops, as of block " + index.heightCursor()
                + " (" + index.labels().size() + " risk-labelled addresses)");
        List<List<String>> t = Terminal.rows("ADDRESS", "RECEIVED BTC", "CATEGORY", "DIRECT BTC", "INDIRECT BTC", "SHARE");
        for (Map<String, Object> r : rows) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cats = (List<Map<String, Object>>) r.get("exposure");
            if (cats.isEmpty()) {
                t.add(List.of((String) r.get("address"), (String) r.get("received"), "-", "0", "0", "0%"));
            }
            for (Map<String, Object> c : cats) {
                t.add(List.of((String) r.get("address"), (String) r.get("received"), (String) c.get("category"),
                        (String) c.get("direct"), (String) c.get("indirect"),
                        String.format(Locale.ROOT, "%.4f%%", 100 * (double) c.get("share"))));
            }
        }
        Terminal.table(System.out, t);
    }
}
