package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.cli.trace.ExposureUpkeep;
import dev.cordon.core.Clock;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.pack.BundledPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cordon intel update}: loads (or refreshes) the intelligence pack bundled with cordon. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Load the bundled intelligence pack (OFAC SDN, FBI Bybit list, GraphSense TagPacks and actors, Etherscan and Forta labels).")
public final class IntelUpdateCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Option(names = "--max-problems", defaultValue = "20", description = "Problems shown on stderr (default ${DEFAULT-VALUE}).")
    int maxProblems;

    @Override
    public void run() {
        List<BundledPack.Loaded> loaded;
        try (IntelStore store = IntelStore.open(common.dataDir())) {
            loaded = BundledPack.load(store.labels(), Clock.system().now());
        }
        ExposureUpkeep.afterLabelChange(common.dataDir()).ifPresent(System.err::println);
        if (common.json()) {
            List<Object> parts = new ArrayList<>();
            for (BundledPack.Loaded l : loaded) {
                Map<String, Object> o = ImportReports.json(l.parsed(), l.result());
                o.put("file", l.entry().file());
                o.put("licence", l.entry().option("licence"));
                o.put("source", l.entry().option("source"));
                parts.add(o);
            }
            Json.print(System.out, parts);
            return;
        }
        ImportReports.problems(System.err, BundledPack.problems(loaded), maxProblems);
        List<List<String>> rows = ImportReports.header();
        loaded.forEach(l -> rows.add(ImportReports.row(l.parsed(), l.result())));
        Terminal.table(System.out, rows);
    }
}
