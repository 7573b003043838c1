package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.intel.heist.HeistLedger;
import dev.cordon.intel.heist.HeistStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cordon heists stats [--year Y]}: totals per year and attribution, and the gap between large thefts. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Totals and counts per year and attribution; mean days between thefts above USD 50 M.")
public final class HeistStatsCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Option(names = "--year", description = "Only thefts of this year.")
    Integer year;

    @Override
    public void run() {
        HeistLedger ledger = HeistLedger.bundled();
        HeistStats s = year == null ? ledger.stats() : ledger.stats(year);
        if (common.json()) {
            Json.print(System.out, json(s, year));
            return;
        }
        System.out.printf("thefts: %d, total USD %,d%s%n", s.count(), s.totalUsd(), year == null ? "" : " in " + year);
        System.out.printf("above USD %,d: %d; mean gap %s%n", s.largeThreshold(), s.largeCount(),
                s.meanGapDays().isPresent() ? String.format("%.1f days", s.meanGapDays().getAsDouble()) : "n/a (fewer than two)");
        List<List<String>> rows = Terminal.rows("year", "thefts", "usd");
        s.byYear().forEach((y, v) -> rows.add(List.of(y.toString(), Long.toString(v[0]), String.format("%,d", v[1]))));
        Terminal.table(System.out, rows);
        List<List<String>> att = Terminal.rows("attribution", "thefts", "usd");
        s.byAttribution().forEach((a, v) -> att.add(List.of(a, Long.toString(v[0]), String.format("%,d", v[1]))));
        Terminal.table(System.out, att);
        System.out.println("ledger: " + ledger.heists().size() + " thefts with sources (cordon heists); figures cover only these.");
    }

    static Map<String, Object> json(HeistStats s, Integer year) {
        Map<String, Object> o = Json.object();
        o.put("year", year);
        o.put("count", s.count());
        o.put("totalUsd", s.totalUsd());
        o.put("largeThresholdUsd", s.largeThreshold());
        o.put("largeCount", s.largeCount());
        o.put("meanGapDays", s.meanGapDays().isPresent() ? s.meanGapDays().getAsDouble() : null);
        List<Object> ys = new ArrayList<>();
        s.byYear().forEach((y, v) -> ys.add(Map.of("year", y, "count", v[0], "usd", v[1])));
        o.put("byYear", ys);
        List<Object> as = new ArrayList<>();
        s.byAttribution().forEach((a, v) -> as.add(Map.of("attribution", a, "count", v[0], "usd", v[1])));
        o.put("byAttribution", as);
        return o;
    }
}
