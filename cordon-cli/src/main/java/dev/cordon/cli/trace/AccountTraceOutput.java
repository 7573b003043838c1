package dev.cordon.cli.trace;

import dev.cordon.core.Asset;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.cli.Json;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the reports of an account-chain trace, one per asset: a table per asset, one JSON
 * document ({@code chain}, {@code model}, {@code assets}: each asset's report as
 * {@link TraceOutput#json} gives it, with the asset's symbol, contract and decimals and, forward,
 * the THORChain swaps reached and followed), one CSV with
 * an asset column, and one HTML file per asset.
 */
final class AccountTraceOutput {
    private AccountTraceOutput() {
    }

    static void print(PrintStream out, List<TraceReport> reports) {
        print(out, reports, List.of(), List.of());
    }

    /**
     * @param swaps per report, its router deposits reached (or no entries at all: none reached)
     * @param legs  per report, the swaps followed (or no entries at all)
     */
    static void print(PrintStream out, List<TraceReport> reports, List<EthSwaps.Found> swaps,
                      List<List<SwapFollow.Leg>> legs) {
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                out.println();
            }
            out.println("== " + name(reports.get(i).seeded().asset()) + " ==");
            EthSwaps.Found f = i < swaps.size() ? swaps.get(i) : EthSwaps.Found.NONE;
            TraceOutput.print(out, reports.get(i), f.swaps());
            for (String p : f.problems()) {
                out.println("router deposit " + p);
            }
            SwapFollow.print(out, i < legs.size() ? legs.get(i) : List.of());
        }
    }

    static Map<String, Object> json(List<TraceReport> reports) {
        return json(reports, List.of(), List.of());
    }

    /**
     * One document; each asset's report has {@code swaps} (shaped as for Bitcoin, {@code inbound}
     * being the Ethereum transaction hash and the deposit's log index), {@code swapProblems} and
     * {@code continued} (the swaps followed), the last two only in a forward trace.
     */
    static Map<String, Object> json(List<TraceReport> reports, List<EthSwaps.Found> swaps,
                                    List<List<SwapFollow.Leg>> legs) {
        Map<String, Object> m = Json.object();
        m.put("chain", "ethereum");
        m.put("direction", reports.get(0).direction().name().toLowerCase(Locale.ROOT));
        m.put("model", reports.get(0).model());
        List<Object> assets = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            TraceReport r = reports.get(i);
            Map<String, Object> a = Json.object();
            Asset asset = r.seeded().asset();
            a.put("asset", asset.symbol());
            a.put("contract", asset.contract().map(TraceOutput::show).orElse(null));
            a.put("decimals", asset.decimals());
            EthSwaps.Found f = i < swaps.size() ? swaps.get(i) : EthSwaps.Found.NONE;
            a.putAll(TraceOutput.json(r, f.swaps()));
            if (r.direction() == TraceReport.Direction.FORWARD) {
                a.put("swapProblems", f.problems());
                a.put("continued", SwapFollow.json(i < legs.size() ? legs.get(i) : List.of()));
            }
            assets.add(a);
        }
        m.put("assets", assets);
        return m;
    }

    static void writeCsv(Path file, List<TraceReport> reports) {
        StringBuilder sb = new StringBuilder("asset,contract,address,entity,category,amount_units,share,first_arrival,"
                + "first_height,flows\n");
        for (TraceReport r : reports) {
            Asset a = r.seeded().asset();
            for (EndpointFlow f : r.endpoints()) {
                sb.append(a.symbol()).append(',').append(a.contract().map(TraceOutput::show).orElse("")).append(',')
                        .append(TraceOutput.show(f.address())).append(',').append(TraceOutput.csvText(f.endpoint().entity()))
                        .append(',').append(f.endpoint().category().code()).append(',').append(f.amount().units())
                        .append(',').append(String.format(Locale.ROOT, "%.8f", f.share())).append(',')
                        .append(f.firstArrival()).append(',').append(f.firstHeight()).append(',').append(f.outputs())
                        .append('\n');
            }
        }
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first asset's report in {@code file}, each further asset's in {@code file}'s name plus {@code -SYMBOL}. */
    static void writeHtml(Path file, List<TraceReport> reports, TraceHtml.Question q) {
        for (int i = 0; i < reports.size(); i++) {
            TraceHtml.write(i == 0 ? file : sibling(file, reports.get(i).seeded().asset()), reports.get(i), q, List.of());
        }
    }

    static Path sibling(Path file, Asset a) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String symbol = a.symbol().replaceAll("[^A-Za-z0-9]", "_");
        String sib = dot > 0 ? name.substring(0, dot) + "-" + symbol + name.substring(dot) : name + "-" + symbol;
        return file.resolveSibling(sib);
    }

    private static String name(Asset a) {
        return a.symbol() + a.contract().map(c -> " (" + TraceOutput.show(c) + ")").orElse("");
    }
}
