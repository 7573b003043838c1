package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.intel.heist.Heist;
import dev.cordon.intel.heist.HeistLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cordon heists}: the ledger of major thefts with their sources. */
@Command(name = "heists", mixinStandardHelpOptions = true, description = "List the major crypto thefts, with attribution and sources.",
        subcommands = HeistStatsCommand.class)
public final class HeistsCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        HeistLedger ledger = HeistLedger.bundled();
        if (common.json()) {
            List<Object> out = new ArrayList<>();
            for (Heist h : ledger.heists()) {
                Map<String, Object> o = Json.object();
                o.put("id", h.id());
                o.put("date", h.date().toString());
                o.put("victim", h.victim());
                o.put("kind", h.kind());
                o.put("chains", h.chains().stream().map(Chain::code).toList());
                o.put("usd", h.usd());
                o.put("attribution", h.attribution());
                o.put("attributionBasis", h.attributionBasis());
                o.put("seeds", h.seeds().stream().map(Address::value).toList());
                o.put("seedDatasets", h.seedDatasets());
                o.put("source", h.source());
                o.put("attributionSource", h.attributionSource());
                o.put("notes", h.notes());
                out.add(o);
            }
            Json.print(System.out, out);
            return;
        }
        List<List<String>> rows = Terminal.rows("date", "victim", "usd", "chains", "attribution", "basis", "seeds", "source");
        for (Heist h : ledger.heists()) {
            String seeds = h.seeds().size() + (h.seedDatasets().isEmpty() ? "" : " + " + String.join(",", h.seedDatasets()));
            rows.add(List.of(h.date().toString(), h.victim(), String.format("%,d", h.usd()),
                    h.chains().stream().map(Chain::code).collect(Collectors.joining(" ")), h.attribution(), h.attributionBasis(),
                    seeds, h.source()));
        }
        Terminal.table(System.out, rows);
    }
}
