package dev.cordon.cli.trace;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.chain.Addresses;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.intel.crosschain.ThorchainDeposits;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.GraphFile;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TaintModels;
import dev.cordon.intel.trace.TraceLimits;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.intel.trace.Tracer;
import dev.cordon.store.ChainStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cordon trace --from ADDRESS|TXID[:OUTPUT]... --model fifo}: where did the value go
 * (forward, to labelled endpoints, fees and still-held outputs), or with {@code --backward}
 * where did it come from. The graph index is kept in {@code <data>/graph/btc.graph} and
 * extended from the chain store before each trace.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace value forward to exchanges and other endpoints, or backward to its sources.")
public final class TraceCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--from", required = true, arity = "1..*", paramLabel = "ADDRESS|TXID[:OUTPUT]",
            description = "Seeds: addresses (what they received), transactions (all outputs) or outputs.")
    List<String> from;

    @Option(names = "--chain", paramLabel = "CHAIN",
            description = "bitcoin or ethereum; by default told from the seeds (0x addresses, and where the store holds the transactions).")
    String chainName;

    @Option(names = "--amount", paramLabel = "COINS",
            description = "Trace at most this much of the seeds, first outputs first (BTC; on Ethereum per asset, in ETH or whole tokens).")
    BigDecimal amount;

    @Option(names = "--since", paramLabel = "TIME", description = "Ignore seed outputs before this time (2024-01-31 or an ISO instant).")
    String since;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "haircut, fifo, lifo or poison.")
    String model;

    @Option(names = "--max-hops", paramLabel = "N", description = "Follow at most N transactions from a seed.")
    Integer maxHops;

    @Option(names = "--min-value", paramLabel = "COINS",
            description = "Do not follow tainted outputs (Ethereum: credits) below this value (BTC; on Ethereum per asset).")
    BigDecimal minValue;

    @Option(names = "--until", paramLabel = "BLOCK", description = "Follow spends up to this block height only.")
    Long until;

    @Option(names = "--backward", description = "Source of funds: attribute the seeds' value to labelled sources.")
    boolean backward;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "CSV of address,entity,category, added to (and overriding) the labels of <data>/intel; "
                    + "service categories are endpoints (all labels when backward).")
    Path labels;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the endpoint flows as CSV.")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report with an interactive flow graph (opens offline).")
    Path html;

    @Option(names = "--follow-swaps", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Forward: trace on from the payment out of each THORChain swap reached (from Bitcoin "
                    + "to Bitcoin or Ethereum, from Ethereum to Bitcoin, when the store holds it); "
                    + "--no-follow-swaps stops at the vault or router.")
    boolean followSwaps;

    @Option(names = "--paths", defaultValue = "3", paramLabel = "N", description = "Paths per endpoint (default: ${DEFAULT-VALUE}).")
    int paths;

    @Override
    public Integer call() {
        List<TraceSeed> seeds = seeds();
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            if (chain(seeds, store) == Chain.ETHEREUM) {
                return new AccountTraceRun(this, seeds, store).run();
            }
            return traceBitcoin(seeds, store);
        }
    }

    private int traceBitcoin(List<TraceSeed> seeds, ChainStore store) {
        TraceRequest request = request(seeds);
        UtxoGraph graph = graph(store);
        EndpointResolver endpoints = StoreEndpoints.resolve(common.dataDir(), store, Chain.BITCOIN,
                labels == null ? Map.of() : readLabels(labels, !backward), backward);
        ThorchainDeposits thorchain = backward ? null : ThorchainDeposits.scan(graph, store);
        if (!backward) {
            endpoints = thorchain.endpoints(endpoints);
        }
        Tracer tracer = new Tracer(graph, store, endpoints);
        TraceReport report = backward ? tracer.backward(request) : tracer.forward(request);
        List<TraceSwaps.Swap> swaps = TraceSwaps.of(report, thorchain);
        List<SwapFollow.Leg> legs = backward || !followSwaps ? List.of()
                : SwapFollow.follow(swaps, request, store, graph, endpoints, common.dataDir());
        if (csv != null) {
            TraceOutput.writeCsv(csv, report, swaps);
        }
        if (html != null) {
            TraceHtml.write(html, report, TraceHtml.question(from, model, request, store, graph,
                    common.dataDir(), labels, dev.cordon.core.Clock.system()), swaps);
        }
        if (common.json()) {
            Map<String, Object> m = TraceOutput.json(report, swaps);
            m.put("continued", SwapFollow.json(legs));
            Json.print(System.out, m);
        } else {
            TraceOutput.print(System.out, report, swaps);
            SwapFollow.print(System.out, legs);
        }
        return 0;
    }

    private List<TraceSeed> seeds() {
        List<TraceSeed> seeds = new ArrayList<>();
        for (String f : from) {
            seeds.add(TraceSeed.parse(f, Addresses::parse));
        }
        return seeds;
    }

    /**
     * The chain the seeds are on: {@code --chain}, else an address's chain, else the chain whose
     * store holds the transaction (Bitcoin first), else Ethereum for a {@code 0x} hash.
     *
     * @throws CordonException with {@link ErrorCode#USAGE} for seeds on two chains
     */
    private Chain chain(List<TraceSeed> seeds, ChainStore store) {
        Chain forced = chainName == null ? null : parseChain(chainName);
        Chain found = forced;
        for (int i = 0; i < seeds.size(); i++) {
            Chain c = forced != null ? forced : chainOf(seeds.get(i), from.get(i).trim(), store);
            if (found != null && c != found) {
                throw new CordonException(ErrorCode.USAGE, "seeds on " + found.name().toLowerCase(Locale.ROOT) + " and "
                        + c.name().toLowerCase(Locale.ROOT) + ": trace one chain at a time");
            }
            found = c;
        }
        return found;
    }

    private static Chain chainOf(TraceSeed seed, String text, ChainStore store) {
        if (seed instanceof TraceSeed.Received r) {
            return r.address().chain();
        }
        TxId txid = seed instanceof TraceSeed.Tx t ? t.txid() : ((TraceSeed.Output) seed).txid();
        if (store.txNum(Chain.BITCOIN, txid).isPresent()) {
            return Chain.BITCOIN;
        }
        if (store.ethereum().tx(txid).isPresent() || text.startsWith("0x") || text.startsWith("0X")) {
            return Chain.ETHEREUM;
        }
        return Chain.BITCOIN;
    }

    private static Chain parseChain(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "bitcoin", "btc" -> Chain.BITCOIN;
            case "ethereum", "eth" -> Chain.ETHEREUM;
            default -> throw new CordonException(ErrorCode.USAGE, "--chain must be bitcoin or ethereum, got '" + name + "'");
        };
    }

    private TraceRequest request(List<TraceSeed> seeds) {
        for (TraceSeed s : seeds) {
            if (s instanceof TraceSeed.Received r && r.address().chain() != Chain.BITCOIN) {
                throw new CordonException(ErrorCode.USAGE, "a Bitcoin trace cannot start at " + r.address().value());
            }
        }
        TraceRequest r = TraceRequest.of(seeds, TaintModels.named(model)).withMaxPaths(paths);
        if (amount != null) {
            r = r.withAmount(sats(amount, "--amount"));
        }
        if (since != null) {
            r = r.withSince(parseTime(since));
        }
        return r.withLimits(new TraceLimits(maxHops == null ? Integer.MAX_VALUE : maxHops,
                minValue == null ? 0 : sats(minValue, "--min-value"), until == null ? Long.MAX_VALUE : until));
    }

    /** Loads the saved graph, extends it from the store and saves it again when it grew. */
    UtxoGraph graph(ChainStore store) {
        Path file = common.dataDir().resolve("graph").resolve("btc.graph");
        UtxoGraph g = Files.isRegularFile(file) ? GraphFile.load(file) : new UtxoGraph(Chain.BITCOIN);
        long added = GraphBuilder.extend(g, store, n -> { });
        if (added > 0) {
            GraphFile.save(g, file);
        }
        return g;
    }

    static long sats(BigDecimal btc, String option) {
        try {
            long v = btc.movePointRight(8).longValueExact();
            if (v < 0) {
                throw new ArithmeticException("negative");
            }
            return v;
        } catch (ArithmeticException e) {
            throw new CordonException(ErrorCode.USAGE, option + " must be a non-negative BTC amount with at most 8 decimals: " + btc);
        }
    }

    static Instant parseTime(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CordonException(ErrorCode.USAGE, "--since must be a date (2024-01-31) or an ISO instant: " + text);
        }
    }

    /**
     * Reads {@code address,entity,category} lines; a first line starting with {@code address}
     * is a header.
     */
    static Map<Address, Endpoint> readLabels(Path file, boolean servicesOnly) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<Address, Endpoint> m = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("address"))) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                throw new CordonException(ErrorCode.DATA, file + " line " + (i + 1) + ": expected address,entity,category");
            }
            Category c = Category.parse(f[2]);
            if (!servicesOnly || c.isService()) {
                try {
                    m.put(Addresses.parse(f[0]), new Endpoint(f[1].strip(), c));
                } catch (CordonException e) {
                    throw new CordonException(ErrorCode.DATA, file + " line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return m;
    }
}
