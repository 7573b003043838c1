package dev.cordon.cli.demo;

import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.IntelAddresses;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.heist.HeistLedger;
import dev.cordon.intel.heist.HeistStats;
import dev.cordon.intel.pack.BundledPack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The intelligence tour: loads the bundled pack into the section's folder, counts labels per
 * source and category, looks up famous addresses (a Bybit theft address named by the FBI, the
 * Lazarus Group address OFAC listed after the Ronin theft, a Tornado Cash pool delisted in March
 * 2025) and prints the heist ledger's figures.
 */
public final class IntelDemo implements DemoSection {
    private static final String[][] FAMOUS = {
            {"0x51E9d833Ecae4E8D9D8Be17300AEE6D3398C135D", "Bybit theft, FBI PSA250226"},
            {"0x098B716B8Aaf21512996dC57EB0615e2383E2f96", "Lazarus Group, OFAC SDN (Ronin theft)"},
            {"0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF", "Tornado Cash 10 ETH pool, delisted 2025-03-21"},
    };

    @Override
    public String key() {
        return "intel";
    }

    @Override
    public String title() {
        return "Attribution intelligence: sanctions, TagPacks, the FBI's Bybit list, the heist ledger";
    }

    @Override
    public void run(DemoContext ctx) {
        Instant now = ctx.clock().now();
        try (IntelStore store = IntelStore.open(ctx.workDir())) {
            List<BundledPack.Loaded> loaded = BundledPack.load(store.labels(), now);
            Map<String, Long> perSource = new TreeMap<>();
            Map<String, Long> perCategory = new TreeMap<>();
            store.labels().forEachLabel(l -> {
                perSource.merge(l.dataset(), 1L, Long::sum);
                perCategory.merge(l.category().code(), 1L, Long::sum);
            });
            ctx.out().println("loaded " + loaded.size() + " bundled sources; labels per source:");
            table(ctx, perSource);
            ctx.out().println("labels per category:");
            table(ctx, perCategory);
            ctx.report().put("labelsPerSource", perSource);
            ctx.report().put("labelsPerCategory", perCategory);
            ctx.report().put("lookups", lookups(ctx, store, now));
        }
        heists(ctx);
    }

    private static void table(DemoContext ctx, Map<String, Long> counts) {
        List<List<String>> rows = Terminal.rows("  name", "labels");
        counts.forEach((k, v) -> rows.add(List.of("  " + k, Long.toString(v))));
        Terminal.table(ctx.out(), rows);
    }

    private static List<Object> lookups(DemoContext ctx, IntelStore store, Instant now) {
        List<Object> out = new ArrayList<>();
        for (String[] f : FAMOUS) {
            Address a = IntelAddresses.parse(f[0]);
            ctx.out().println();
            ctx.out().println(f[0] + "  (" + f[1] + ")");
            List<Map<String, Object>> ls = new ArrayList<>();
            for (Label l : store.labels().labels(LabelSubject.of(a))) {
                String state = l.isActiveAt(now) ? "holds" : "closed " + l.validTo().map(t -> t.toString().substring(0, 10)).orElse("");
                String actor = l.actor().flatMap(id -> store.labels().actor(id)).map(x -> x.label()).orElse(l.actor().orElse("-"));
                ctx.out().printf("  %-38s %-15s %-7s %-15s actor %-22s %s%n", l.name(), l.category().code(), l.risk().code(),
                        l.confidence().code(), actor, state);
                ls.add(Map.of("label", l.name(), "category", l.category().code(), "risk", l.risk().code(), "dataset", l.dataset(),
                        "active", l.isActiveAt(now), "validTo", l.validTo().map(Instant::toString).orElse("")));
            }
            out.add(Map.of("address", a.value(), "labels", ls));
        }
        return out;
    }

    private static void heists(DemoContext ctx) {
        HeistLedger ledger = HeistLedger.bundled();
        HeistStats all = ledger.stats();
        ctx.out().println();
        ctx.out().printf("heist ledger: %d thefts, USD %,d in total%n", all.count(), all.totalUsd());
        all.byYear().forEach((y, v) -> ctx.out().printf("  %d: %d thefts, USD %,d%n", y, v[0], v[1]));
        Map<String, Object> gaps = new TreeMap<>();
        for (int year : new int[] {2023, 2024}) {
            HeistStats s = ledger.stats(year);
            String gap = s.meanGapDays().isPresent() ? String.format("%.0f days", s.meanGapDays().getAsDouble()) : "n/a";
            ctx.out().printf("  %d: mean gap between thefts above USD 50 M: %s (%d such thefts in the ledger)%n", year, gap, s.largeCount());
            gaps.put(Integer.toString(year), s.meanGapDays().isPresent() ? s.meanGapDays().getAsDouble() : null);
        }
        ctx.report().put("heists", all.count());
        ctx.report().put("heistTotalUsd", all.totalUsd());
        ctx.report().put("meanGapDaysAbove50M", gaps);
    }
}
