package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import dev.cordon.intel.trace.TraceReport.EntityFlow;
import dev.cordon.intel.trace.TraceReport.TracePath;
import dev.cordon.intel.trace.TraceReport.TracedOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a {@link TraceReport} as a table, JSON or CSV, with the cross-chain swaps reached
 * ({@link TraceSwaps}) when there are any.
 */
final class TraceOutput {
    private static final int TABLE_ROWS = 50;

    private TraceOutput() {
    }

    static void print(PrintStream out, TraceReport r) {
        print(out, r, List.of());
    }

    static void print(PrintStream out, TraceReport r, List<TraceSwaps.Swap> swaps) {
        boolean fwd = r.direction() == TraceReport.Direction.FORWARD;
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"model", r.model() + (r.conserving() ? "" : " (reachability: amounts are not conserved)")});
        kv.add(new String[] {fwd ? "traced" : "explained", r.seeded().toString()});
        kv.add(new String[] {fwd ? "at endpoints" : "from labelled sources", r.atEndpoints().toString()});
        if (fwd) {
            kv.add(new String[] {"still held", r.held().toString()});
            kv.add(new String[] {"fees", r.fees().toString()});
        } else {
            kv.add(new String[] {account(r) ? "of unknown origin (genesis, rewards, earlier blocks)" : "from coinbases",
                    r.mined().toString()});
        }
        kv.add(new String[] {"not followed (limits)", r.untraced().toString()});
        kv.add(new String[] {"transactions visited", String.valueOf(r.txsVisited())});
        Terminal.fields(out, kv);
        out.println();
        List<List<String>> ent = Terminal.rows("ENTITY", "CATEGORY", "AMOUNT", "SHARE", "FIRST", "ADDRESSES");
        for (EntityFlow e : r.entities()) {
            ent.add(List.of(e.entity(), e.category().code(), e.amount().toPlainString(), pct(e.share()),
                    e.firstArrival().toString(), String.valueOf(e.addresses())));
        }
        Terminal.table(out, ent);
        out.println();
        List<List<String>> rows = Terminal.rows("ADDRESS", "ENTITY", "AMOUNT", "SHARE", "ARRIVED", "OUTPUTS", "LARGEST PATH");
        for (EndpointFlow f : r.endpoints().subList(0, Math.min(TABLE_ROWS, r.endpoints().size()))) {
            rows.add(List.of(show(f.address()), f.endpoint().entity(), f.amount().toPlainString(), pct(f.share()),
                    f.firstArrival().toString(), String.valueOf(f.outputs()),
                    f.paths().isEmpty() ? "" : hops(f.paths().get(0))));
        }
        Terminal.table(out, rows);
        if (r.endpoints().size() > TABLE_ROWS) {
            out.println("... " + (r.endpoints().size() - TABLE_ROWS) + " more endpoint addresses (use --json or --csv)");
        }
        if (!swaps.isEmpty()) {
            out.println();
            out.println("cross-chain swaps (the largest arrivals at each vault; --paths sets how many):");
            List<List<String>> t = Terminal.rows("VAULT", "INBOUND", "TAINTED", "DESTINATION", "OUTBOUND");
            for (TraceSwaps.Swap s : swaps) {
                t.add(List.of(show(s.vault()), s.hop().inbound().hex() + ":" + s.hop().vout(),
                        s.arrival().tainted().toPlainString(), s.destination(), s.outboundText()));
            }
            Terminal.table(out, t);
            for (EndpointFlow f : r.endpoints()) {
                long shown = swaps.stream().filter(s -> s.vault().equals(f.address())).count();
                if (shown > 0 && f.outputs() > shown) {
                    out.println("vault " + show(f.address()) + ": " + f.outputs() + " tainted arrivals, the " + shown
                            + " largest shown (raise --paths for more)");
                }
            }
        }
    }

    static Map<String, Object> json(TraceReport r) {
        return json(r, List.of());
    }

    static Map<String, Object> json(TraceReport r, List<TraceSwaps.Swap> swaps) {
        Map<String, Object> m = Json.object();
        m.put("direction", r.direction().name().toLowerCase(Locale.ROOT));
        m.put("model", r.model());
        m.put("conserving", r.conserving());
        m.put("seeded", r.seeded().units());
        m.put("atEndpoints", r.atEndpoints().units());
        m.put("held", r.held().units());
        m.put("fees", r.fees().units());
        m.put("untraced", r.untraced().units());
        m.put("mined", r.mined().units());
        m.put("overlap", r.overlap().units());
        m.put("txsVisited", r.txsVisited());
        List<Object> ents = new ArrayList<>();
        for (EntityFlow e : r.entities()) {
            Map<String, Object> o = Json.object();
            o.put("entity", e.entity());
            o.put("category", e.category().code());
            o.put("amount", e.amount().units());
            o.put("share", e.share());
            o.put("firstArrival", e.firstArrival().toString());
            o.put("addresses", e.addresses());
            ents.add(o);
        }
        m.put("entities", ents);
        List<Object> flows = new ArrayList<>();
        for (EndpointFlow f : r.endpoints()) {
            flows.add(flowJson(f));
        }
        m.put("endpoints", flows);
        List<Object> held = new ArrayList<>();
        for (TracedOutput o : r.heldOutputs()) {
            held.add(outputJson(o));
        }
        m.put(r.direction() == TraceReport.Direction.FORWARD ? "largestHeld" : account(r) ? "unknownOrigin" : "coinbases",
                held);
        m.put("swaps", TraceSwaps.json(swaps));
        return m;
    }

    private static Map<String, Object> flowJson(EndpointFlow f) {
        Map<String, Object> o = Json.object();
        o.put("address", show(f.address()));
        o.put("entity", f.endpoint().entity());
        o.put("category", f.endpoint().category().code());
        o.put("amount", f.amount().units());
        o.put("share", f.share());
        o.put("firstArrival", f.firstArrival().toString());
        o.put("firstHeight", f.firstHeight());
        o.put("outputs", f.outputs());
        List<Object> paths = new ArrayList<>();
        for (TracePath p : f.paths()) {
            List<Object> steps = new ArrayList<>();
            for (TracedOutput s : p.steps()) {
                steps.add(outputJson(s));
            }
            paths.add(steps);
        }
        o.put("paths", paths);
        return o;
    }

    private static Map<String, Object> outputJson(TracedOutput s) {
        Map<String, Object> o = Json.object();
        o.put("outpoint", outpoint(s));
        o.put("address", s.address().map(TraceOutput::show).orElse(null));
        o.put("tainted", s.tainted().units());
        o.put("height", s.height());
        o.put("time", s.time().toString());
        return o;
    }

    /**
     * One row per endpoint address; for a bridge vault the last three columns list its swaps
     * ({@code ;}-separated, in the same order): the inbound outputs, the destinations
     * ({@code CHAIN ASSET ADDRESS}) and the outbound payments found on the traced chain
     * ({@code txid:vout address value_sats}, empty when not found).
     */
    static void writeCsv(Path file, TraceReport r, List<TraceSwaps.Swap> swaps) {
        StringBuilder sb = new StringBuilder("address,entity,category,amount_sats,share,first_arrival,first_height,outputs,"
                + "swap_inbounds,swap_destinations,swap_outbounds\n");
        for (EndpointFlow f : r.endpoints()) {
            List<TraceSwaps.Swap> mine = swaps.stream().filter(s -> s.vault().equals(f.address())).toList();
            sb.append(show(f.address())).append(',').append(csvText(f.endpoint().entity())).append(',')
                    .append(f.endpoint().category().code()).append(',').append(f.amount().units()).append(',')
                    .append(String.format(Locale.ROOT, "%.8f", f.share())).append(',').append(f.firstArrival()).append(',')
                    .append(f.firstHeight()).append(',').append(f.outputs()).append(',')
                    .append(csvText(join(mine, s -> s.hop().inbound().hex() + ":" + s.hop().vout()))).append(',')
                    .append(csvText(join(mine, TraceSwaps.Swap::destination))).append(',')
                    .append(csvText(join(mine, s -> s.hop().outbound().map(o -> o.txid().hex() + ":" + o.vout() + " "
                            + o.address() + " " + o.value()).orElse("")))).append('\n');
        }
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the report is of an account chain (Ethereum), where mined value means value of unknown origin. */
    private static boolean account(TraceReport r) {
        return r.seeded().asset().chain() == Chain.ETHEREUM;
    }

    /** An address as users read it: Ethereum addresses EIP-55 checksummed. */
    static String show(Address a) {
        return a.chain() == Chain.ETHEREUM ? EthAddresses.checksummed(a) : a.value();
    }

    /**
     * Where a traced amount sits: {@code txid:output} on Bitcoin, {@code 0xhash:position} (the
     * value flow's position in its transaction) on Ethereum.
     */
    static String outpoint(TracedOutput s) {
        boolean eth = s.address().map(a -> a.chain() == Chain.ETHEREUM).orElse(false);
        return (eth ? "0x" : "") + s.txid().hex() + ":" + s.vout();
    }

    private static String join(List<TraceSwaps.Swap> swaps, Function<TraceSwaps.Swap, String> field) {
        return swaps.stream().map(field).collect(Collectors.joining(";"));
    }

    static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    private static String hops(TracePath p) {
        TracedOutput first = p.steps().get(0);
        return first.txid().hex().substring(0, 12) + "..:" + first.vout() + " +" + (p.steps().size() - 1) + " hops";
    }
}
