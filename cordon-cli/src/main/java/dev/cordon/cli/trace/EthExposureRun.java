package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.account.AccountExposure;
import dev.cordon.intel.account.AccountExposureView;
import dev.cordon.intel.account.AccountGraph;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.store.ChainStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cordon exposure 0x...}: the exposure of Ethereum addresses per asset: a read of the index
 * that {@code cordon ingest ethereum} keeps in {@code <data>/graph/eth.exposure} with the risk labels
 * of the label store (brought up to the store's tip first), or with {@code --labels} an index
 * computed in memory over the account graph.
 */
public final class EthExposureRun {
    private EthExposureRun() {
    }

    public static void run(List<Address> targets, List<String> entities, int hops, Map<Address, Endpoint> csv, Path dataDir,
                           ChainStore store, boolean json, PrintStream out) {
        AccountGraph g;
        RiskLabels risk;
        AccountExposure ex;
        if (csv == null) {
            EthExposureUpkeep.Result r = EthExposureUpkeep.current(dataDir, store, hops);
            g = r.graph();
            risk = r.risk();
            ex = r.exposure();
        } else {
            g = AccountTraceRun.graph(dataDir, store);
            risk = risk(csv, store);
            ex = new AccountExposure(risk, hops);
            ex.extend(g);
        }
        Map<String, Object> doc = Json.object();
        doc.put("chain", "ethereum");
        doc.put("hops", hops);
        doc.put("asOfHeight", g.lastHeight());
        doc.put("riskLabelledAddresses", risk.size());
        List<List<String>> t = Terminal.rows("ADDRESS", "ASSET", "RECEIVED", "CATEGORY", "DIRECT", "INDIRECT", "SHARE");
        List<Object> rows = new ArrayList<>();
        for (Address a : targets) {
            int id = store.ethereum().address(a, 0).map(i -> i.addressId()).orElse(-1);
            Map<String, Object> row = Json.object();
            row.put("address", TraceOutput.show(a));
            List<Object> assets = new ArrayList<>();
            Map<Integer, AccountExposureView> views = id < 0 ? Map.of() : ex.of(id);
            for (AccountExposureView v : views.values()) {
                assets.add(asset(v, store.ethereum().assetById(v.asset()).orElseThrow(), TraceOutput.show(a), t));
            }
            row.put("assets", assets);
            rows.add(row);
        }
        doc.put("addresses", rows);
        doc.put("entities", entities(entities, csv, dataDir, store, ex, t));
        if (json) {
            Json.print(out, doc);
        } else {
            out.println("exposure within " + hops + " hops, as of block " + g.lastHeight() + ", " + risk.size()
                    + " risk-labelled addresses");
            Terminal.table(out, t);
        }
    }

    /**
     * The address's exposure per asset from the index {@code cordon ingest ethereum} maintains, read
     * without extending it; empty when there is none that fits the current labels and the store.
     */
    public static java.util.Optional<List<Object>> maintained(Address a, Path dataDir, ChainStore store, PrintStream out) {
        Path file = EthExposureUpkeep.file(dataDir);
        java.util.OptionalInt hops = dev.cordon.intel.account.AccountExposureFile.hopsOf(file);
        if (hops.isEmpty()) {
            return java.util.Optional.empty();
        }
        RiskLabels risk = EthExposureUpkeep.risk(dataDir, store);
        java.util.Optional<AccountExposure> ex = dev.cordon.intel.account.AccountExposureFile.load(file, risk,
                hops.getAsInt(), store.ethereum());
        if (ex.isEmpty()) {
            return java.util.Optional.empty();
        }
        int id = store.ethereum().address(a, 0).map(i -> i.addressId()).orElse(-1);
        List<List<String>> t = Terminal.rows("ADDRESS", "ASSET", "RECEIVED", "CATEGORY", "DIRECT", "INDIRECT", "SHARE");
        List<Object> assets = new ArrayList<>();
        for (AccountExposureView v : (id < 0 ? Map.<Integer, AccountExposureView>of() : ex.get().of(id)).values()) {
            assets.add(asset(v, store.ethereum().assetById(v.asset()).orElseThrow(), TraceOutput.show(a), t));
        }
        if (out != null) {
            out.println();
            out.println("exposure within " + hops.getAsInt() + " hops (" + risk.size() + " risk-labelled addresses):");
            Terminal.table(out, t);
        }
        return java.util.Optional.of(assets);
    }

    private static Map<String, Object> asset(AccountExposureView v, Asset a, String address, List<List<String>> t) {
        Map<String, Object> m = Json.object();
        m.put("asset", a.symbol());
        m.put("contract", a.contract().map(TraceOutput::show).orElse(null));
        m.put("received", v.received());
        List<Object> cats = new ArrayList<>();
        for (RiskCategory c : RiskCategory.values()) {
            if (v.total(c).signum() == 0) {
                continue;
            }
            Map<String, Object> o = Json.object();
            o.put("category", c.code());
            o.put("direct", v.direct(c));
            o.put("indirect", v.indirect(c));
            o.put("share", v.share(c));
            cats.add(o);
            t.add(List.of(address, a.symbol(), new dev.cordon.core.Amount(a, v.received()).toPlainString(), c.code(),
                    new dev.cordon.core.Amount(a, v.direct(c)).toPlainString(),
                    new dev.cordon.core.Amount(a, v.indirect(c)).toPlainString(),
                    String.format(Locale.ROOT, "%.2f%%", 100 * v.share(c))));
        }
        if (cats.isEmpty()) {
            t.add(List.of(address, a.symbol(), new dev.cordon.core.Amount(a, v.received()).toPlainString(), "-", "0", "0",
                    "0.00%"));
        }
        m.put("categories", cats);
        return m;
    }

    private static RiskLabels risk(Map<Address, Endpoint> csv, ChainStore store) {
        Map<Address, Category> m = new HashMap<>();
        csv.forEach((a, e) -> m.put(a, e.category()));
        return RiskLabels.of(Chain.ETHEREUM, m, store);
    }

    /** Per entity, the sums over every Ethereum address labelled with it, per asset. */
    private static List<Object> entities(List<String> names, Map<Address, Endpoint> csv, Path dataDir, ChainStore store,
                                         AccountExposure ex, List<List<String>> t) {
        List<Object> out = new ArrayList<>();
        for (String name : names) {
            java.util.Set<Address> members = csv == null ? ExposureViews.entityMembers(dataDir, name, Chain.ETHEREUM)
                    : ExposureCommand.entityIn(csv, name);
            members.removeIf(a -> a.chain() != Chain.ETHEREUM);
            if (members.isEmpty()) {
                throw new CordonException(ErrorCode.NOT_FOUND, "no open Ethereum label names the entity '" + name + "'");
            }
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (Address a : members) {
                store.ethereum().address(a, 0).ifPresent(i -> ids.add(i.addressId()));
            }
            Map<Integer, AccountExposureView> sum = new java.util.TreeMap<>();
            ex.of(ids).values().forEach(byAsset ->
                    byAsset.forEach((asset, v) -> sum.merge(asset, v, AccountExposureView::plus)));
            Map<String, Object> row = Json.object();
            row.put("entity", name);
            row.put("addresses", members.size());
            List<Object> assets = new ArrayList<>();
            for (AccountExposureView v : sum.values()) {
                assets.add(asset(v, store.ethereum().assetById(v.asset()).orElseThrow(), "entity " + name, t));
            }
            row.put("assets", assets);
            out.add(row);
        }
        return out;
    }

    /** Whether the command line names Ethereum addresses; mixing chains is a usage error. */
    static boolean isEthereum(List<Address> targets) {
        long eth = targets.stream().filter(a -> a.chain() == Chain.ETHEREUM).count();
        if (eth > 0 && eth < targets.size()) {
            throw new CordonException(ErrorCode.USAGE, "Bitcoin and Ethereum addresses in one call: look them up separately");
        }
        return eth > 0;
    }
}
