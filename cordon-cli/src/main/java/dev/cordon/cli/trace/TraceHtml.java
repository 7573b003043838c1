package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Amount;
import dev.cordon.core.Clock;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.TraceLimits;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import dev.cordon.intel.trace.TraceReport.TracePath;
import dev.cordon.intel.trace.TraceReport.TracedOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link TraceReport} as one self-contained HTML file for a freeze request: the
 * question, an interactive flow graph (Cytoscape.js, inlined from the bundled copy, so the file
 * opens offline and loads nothing), the endpoint table, held value, fees, the conservation line
 * and the label sources. The full report is also embedded as a JSON data island
 * ({@code <script type="application/json" id="trace-data">}); the tables are plain HTML and
 * readable without scripts.
 */
final class TraceHtml {
    static final String LIBRARY = "cytoscape/cytoscape.min.js";

    private TraceHtml() {
    }

    /**
     * What was asked, for the report's header.
     *
     * @param seeds        the seeds as given
     * @param limits       the limits in words
     * @param asOfHeight   the chain store's checkpoint height
     * @param labelSources where the labels came from, one line each
     */
    record Question(List<String> seeds, String model, String limits, long asOfHeight, Instant asOfTime,
                    List<String> labelSources, Instant generated) {
        Question {
            seeds = List.copyOf(seeds);
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(asOfTime, "asOfTime");
            labelSources = List.copyOf(labelSources);
            Objects.requireNonNull(generated, "generated");
        }
    }

    /**
     * The question a trace command asked: its seeds and model as given, its limits, the chain
     * store's checkpoint and where the labels came from.
     */
    static Question question(List<String> seeds, String model, TraceRequest request, ChainStore store, UtxoGraph graph,
                             Path dataDir, Path labelFile, Clock clock) {
        long height = store.checkpoint(graph.chain()).map(Checkpoint::height).orElse(-1L);
        Instant time = Instant.ofEpochSecond(Math.max(0, graph.blockTime((int) Math.max(0, height))));
        TraceLimits l = request.limits();
        String limits = "max hops " + (l.maxHops() == Integer.MAX_VALUE ? "none" : l.maxHops())
                + ", min value " + Amount.sats(l.minValue()).toPlainString() + " BTC"
                + ", until block " + (l.untilHeight() == Long.MAX_VALUE ? "tip" : l.untilHeight())
                + request.amount().stream().mapToObj(a -> ", amount " + Amount.sats(a).toPlainString() + " BTC").findFirst().orElse("")
                + request.since().map(t -> ", since " + t).orElse("");
        List<String> sources = labelSources(dataDir, labelFile);
        return new Question(seeds, model, limits, height, time, sources, clock.now());
    }

    /** Where a trace's labels came from, one line each. */
    static List<String> labelSources(Path dataDir, Path labelFile) {
        List<String> sources = new ArrayList<>();
        if (Files.isDirectory(dataDir.resolve("intel"))) {
            sources.add("label store " + dataDir.resolve("intel").toAbsolutePath());
        }
        if (labelFile != null) {
            sources.add("label file " + labelFile.toAbsolutePath() + " (sha256 " + sha256(labelFile) + ")");
        }
        if (sources.isEmpty()) {
            sources.add("none: no endpoints were labelled");
        }
        return sources;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, TraceReport r, Question q) {
        try {
            Files.writeString(file, render(r, q), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String render(TraceReport r, Question q) {
        Map<String, Object> data = TraceOutput.json(r);
        data.put("question", question(q));
        data.put("graph", graph(r));
        String island = Json.write(data).replace("<", "\\u003c").replace(">", "\\u003e");
        String page = template();
        return page.replace("@@TITLE@@", esc("Trace " + r.direction().name().toLowerCase(Locale.ROOT) + " - " + r.model()))
                .replace("@@SUMMARY@@", summary(r, q))
                .replace("@@ENDPOINTS@@", endpointRows(r))
                .replace("@@HELD@@", heldRows(r))
                .replace("@@DATA@@", island)
                .replace("@@LIBRARY@@", library());
    }

    private static Map<String, Object> question(Question q) {
        Map<String, Object> m = Json.object();
        m.put("seeds", q.seeds());
        m.put("model", q.model());
        m.put("limits", q.limits());
        m.put("asOfHeight", q.asOfHeight());
        m.put("asOfTime", q.asOfTime().toString());
        m.put("labelSources", q.labelSources());
        m.put("generated", q.generated().toString());
        return m;
    }

    /** Nodes (outputs on the reported paths, endpoint addresses) and edges (one per path step). */
    private static Map<String, Object> graph(TraceReport r) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> edges = new LinkedHashMap<>();
        for (EndpointFlow f : r.endpoints()) {
            String end = "addr:" + f.address().value();
            Map<String, Object> n = node(end, "endpoint", TraceOutput.show(f.address()), f.amount());
            n.put("entity", f.endpoint().entity());
            n.put("category", f.endpoint().category().code());
            n.put("time", f.firstArrival().toString());
            nodes.put(end, n);
            for (TracePath p : f.paths()) {
                addPath(p, end, nodes, edges);
            }
        }
        Map<String, Object> g = Json.object();
        g.put("nodes", new ArrayList<>(nodes.values()));
        g.put("edges", new ArrayList<>(edges.values()));
        return g;
    }

    private static void addPath(TracePath p, String end, Map<String, Map<String, Object>> nodes,
                                Map<String, Map<String, Object>> edges) {
        List<TracedOutput> steps = p.steps();
        String prev = null;
        for (int i = 0; i < steps.size(); i++) {
            TracedOutput s = steps.get(i);
            boolean last = i == steps.size() - 1;
            String id = last ? end : "out:" + s.txid().hex() + ":" + s.vout();
            if (!last) {
                Map<String, Object> n = node(id, i == 0 ? "seed" : "hop", s.address().map(TraceOutput::show)
                        .orElse("(no address)"), s.tainted());
                n.put("outpoint", TraceOutput.outpoint(s));
                n.put("height", s.height());
                n.put("time", s.time().toString());
                nodes.putIfAbsent(id, n);
            }
            if (prev != null) {
                String key = prev + ">" + s.txid().hex() + ":" + s.vout();
                Map<String, Object> e = Json.object();
                e.put("id", "e" + edges.size());
                e.put("source", prev);
                e.put("target", id);
                e.put("amount", s.tainted().units().doubleValue());
                e.put("shown", s.tainted().toString());
                e.put("txid", TraceOutput.outpoint(s).replaceFirst(":[0-9]+$", ""));
                edges.putIfAbsent(key, e);
            }
            prev = id;
        }
    }

    /** A graph node; {@code amount} is a number for sizes, {@code shown} the exact amount with its unit. */
    private static Map<String, Object> node(String id, String kind, String label, Amount amount) {
        Map<String, Object> n = Json.object();
        n.put("id", id);
        n.put("kind", kind);
        n.put("label", label);
        n.put("amount", amount.units().doubleValue());
        n.put("shown", amount.toString());
        return n;
    }

    private static String summary(TraceReport r, Question q) {
        StringBuilder sb = new StringBuilder("<table class=kv>");
        kv(sb, "seeds", String.join(", ", q.seeds()));
        kv(sb, "model", r.model() + (r.conserving() ? "" : " (reachability: amounts are not conserved)"));
        kv(sb, "limits", q.limits());
        kv(sb, "data as of", "block " + q.asOfHeight() + " (" + q.asOfTime() + ")");
        kv(sb, "traced", r.seeded().toString());
        kv(sb, "at endpoints", r.atEndpoints().toString());
        kv(sb, "still held", r.held().toString());
        kv(sb, "fees", r.fees().toString());
        kv(sb, "not followed (limits)", r.untraced().toString());
        String rhs = r.atEndpoints().plus(r.held()).plus(r.fees()).plus(r.untraced()).plus(r.mined()).toPlainString();
        kv(sb, "conservation", (r.conserving() ? (r.balances() ? "balances: " : "DOES NOT BALANCE: ") : "not applicable: ")
                + r.seeded().minus(r.overlap()).toPlainString() + " (traced - overlap) = " + rhs
                + " (endpoints + held + fees + not followed" + (r.mined().isZero() ? ")" : " + coinbases)"));
        kv(sb, "label sources", String.join("; ", q.labelSources()));
        kv(sb, "generated", q.generated() + ", " + r.txsVisited() + " transactions visited");
        return sb.append("</table>").toString();
    }

    private static void kv(StringBuilder sb, String k, String v) {
        sb.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    private static String endpointRows(TraceReport r) {
        StringBuilder sb = new StringBuilder();
        for (EndpointFlow f : r.endpoints()) {
            sb.append("<tr><td>").append(esc(f.endpoint().entity())).append("</td><td>")
                    .append(esc(f.endpoint().category().code())).append("</td><td class=mono>")
                    .append(esc(TraceOutput.show(f.address()))).append("</td><td class=num>")
                    .append(esc(f.amount().toPlainString())).append("</td><td class=num>")
                    .append(String.format(Locale.ROOT, "%.4f%%", 100 * f.share())).append("</td><td>")
                    .append(esc(f.firstArrival().toString())).append(" (block ").append(f.firstHeight()).append(")</td><td>")
                    .append(f.outputs()).append("</td><td class=mono>");
            for (TracePath p : f.paths()) {
                sb.append("<div>").append(esc(pathText(p))).append("</div>");
            }
            sb.append("</td></tr>\n");
        }
        return sb.toString();
    }

    private static String pathText(TracePath p) {
        StringBuilder sb = new StringBuilder();
        for (TracedOutput s : p.steps()) {
            if (!sb.isEmpty()) {
                sb.append(" \u2192 ");
            }
            sb.append(s.txid().hex(), 0, 10).append(':').append(s.vout()).append(" (").append(s.tainted().toPlainString()).append(')');
        }
        return sb.toString();
    }

    private static String heldRows(TraceReport r) {
        StringBuilder sb = new StringBuilder();
        for (TracedOutput o : r.heldOutputs()) {
            sb.append("<tr><td class=mono>").append(esc(o.txid().hex())).append(':').append(o.vout()).append("</td><td class=mono>")
                    .append(esc(o.address().map(TraceOutput::show).orElse(""))).append("</td><td class=num>")
                    .append(esc(o.tainted().toPlainString())).append("</td><td>").append(o.height()).append("</td></tr>\n");
        }
        return sb.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String library() {
        return resource(LIBRARY).replace("</script", "<\\/script");
    }

    private static String template() {
        return resource("trace-report.html");
    }

    private static String resource(String name) {
        try (InputStream in = TraceHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new CordonException(ErrorCode.IO, "missing bundled resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read bundled resource " + name + ": " + e.getMessage(), e);
        }
    }
}
