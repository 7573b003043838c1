package dev.cordon.bench.trace;

import dev.cordon.bench.Machine;
import dev.cordon.bench.Report;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.TransferKind;
import dev.cordon.intel.account.AccountBooks;
import dev.cordon.intel.account.AccountExposure;
import dev.cordon.intel.account.AccountForwardTrace;
import dev.cordon.intel.account.AccountGraph;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TaintModel;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench account-trace}: forward traces on a generated Ethereum-shaped account graph,
 * and the exposure index over all of it.
 *
 * <p>The generator (seeded) writes blocks of 150 flows: each transaction a fee (burn and tip)
 * and one to three value flows in ETH (amounts up to 100 ETH, so most exceed 2^63 wei) or a
 * token; senders and receivers are drawn with preferential attachment (a power law of degrees),
 * 2% of accounts are services (endpoints). A theft at a tenth of the chain pays 200 fresh thief
 * accounts, whose later payments mix into the rest. Cordon runs a 6-hop haircut and a 6-hop FIFO
 * trace from the theft's 200 flows, each the median of several runs on one thread, and one
 * exposure pass (hop cap 3) over every flow with the thieves labelled as a hack.
 */
@Command(name = "account-trace", mixinStandardHelpOptions = true,
        description = "Forward traces and the exposure index on a generated Ethereum-shaped account graph.")
public final class AccountTraceBench implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Option(names = "--flows", defaultValue = "5000000", paramLabel = "N",
            description = "Value flows of the graph, fees included (default ${DEFAULT-VALUE}).")
    int flows;

    @Option(names = "--accounts", defaultValue = "500000", paramLabel = "N", description = "Accounts (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--hops", defaultValue = "6", description = "Hop limit of the traces (default ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per trace (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Report rep = new Report("account-trace");
        rep.put("machine", Machine.describe());
        long t0 = System.nanoTime();
        Generated gen = generate();
        AccountGraph g = gen.graph;
        rep.put("flows", g.flowCount());
        rep.put("accounts", g.accountCount());
        rep.put("generate_seconds", Report.round((System.nanoTime() - t0) / 1e9));
        rep.put("graph_bytes_per_flow", Report.round((double) g.memoryBytes() / g.flowCount()));
        EndpointResolver ends = (chain, id) -> id % 50 == 0 ? Optional.of(SERVICE) : Optional.empty();
        for (String model : new String[] {"haircut", "fifo"}) {
            TaintModel m = TaintModel.named(model);
            Timed<AccountForwardTrace> t = Timed.measure(2, 2.0, runs,
                    () -> AccountForwardTrace.run(g, m, ends, gen.seedFlows, gen.seedTaints, hops, Long.MAX_VALUE));
            AccountBooks eth = t.last().books().get(0);
            rep.put(model + "_median_ms", Report.round(t.medianMs()));
            rep.put(model + "_cpu_ms", Report.round(t.cpuMs()));
            rep.put(model + "_flows_applied", t.last().flowsApplied());
            rep.put(model + "_accounts_tainted", t.last().accountsTainted());
            rep.put(model + "_balances", eth.balances());
            rep.put(model + "_share_at_endpoints", Report.round(ratio(eth.endpoints(), eth.seeded())));
        }
        RiskLabels risk = RiskLabels.ofIds(Chain.ETHEREUM, gen.thieves, fill(gen.thieves.length));
        long c0 = Timed.processCpuNanos();
        long w0 = System.nanoTime();
        AccountExposure ex = new AccountExposure(risk, 3);
        int applied = ex.extend(g);
        double cpuS = (Timed.processCpuNanos() - c0) / 1e9;
        double wallS = (System.nanoTime() - w0) / 1e9;
        rep.put("exposure_flows", applied);
        rep.put("exposure_flows_per_cpu_s", Math.round(applied / Math.max(cpuS, 1e-9)));
        rep.put("exposure_flows_per_wall_s", Math.round(applied / Math.max(wallS, 1e-9)));
        rep.print(System.out, json);
        return 0;
    }

    private static final Endpoint SERVICE = new Endpoint("Generated service", Category.EXCHANGE);

    private static double ratio(BigInteger a, BigInteger b) {
        return b.signum() == 0 ? 0 : new java.math.BigDecimal(a).divide(new java.math.BigDecimal(b),
                java.math.MathContext.DECIMAL64).doubleValue();
    }

    private static RiskCategory[] fill(int n) {
        RiskCategory[] c = new RiskCategory[n];
        Arrays.fill(c, RiskCategory.HACK);
        return c;
    }

    /** The graph, the theft's flows (the seeds) and the thief accounts. */
    private record Generated(AccountGraph graph, int[] seedFlows, BigInteger[] seedTaints, int[] thieves) {
    }

    private Generated generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        AccountGraph g = new AccountGraph();
        int[] picks = new int[Math.max(1, flows)];
        int picked = 0;
        int burn = 0;
        int miner = 1;
        int next = 2;
        int[] thieves = new int[200];
        int[] seeds = new int[200];
        long theftAt = flows / 10;
        long h = 1_000_000;
        int inBlock = 0;
        int tx = 0;
        while (g.flowCount() + 6 < flows) {
            if (inBlock == 0) {
                g.block(h, 1_600_000_000L + 12 * h, hash(h));
            }
            if (g.flowCount() >= theftAt && seeds[0] == 0 && next + 200 < accounts) {
                int victim = pick(rnd, picks, picked, next);
                for (int i = 0; i < 200; i++) {
                    thieves[i] = next++;
                    seeds[i] = g.flowCount();
                    g.append(g.flowCount(), h, tx, i == 0 ? TransferKind.NATIVE : TransferKind.INTERNAL, victim, thieves[i], 0,
                            eth(rnd, 500));
                }
                for (int t : thieves) {
                    picks[picked++ % picks.length] = t;
                    picks[picked++ % picks.length] = t;
                }
            } else {
                int from = rnd.nextInt(4) == 0 && next < accounts ? next++ : pick(rnd, picks, picked, next);
                g.append(g.flowCount(), h, tx, TransferKind.FEE_BURN, from, burn, 0, BigInteger.valueOf(21_000L * 30_000_000_000L));
                g.append(g.flowCount(), h, tx, TransferKind.FEE_TIP, from, miner, 0, BigInteger.valueOf(21_000L * 1_000_000_000L));
                for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) {
                    int to = rnd.nextInt(3) == 0 && next < accounts ? next++ : pick(rnd, picks, picked, next);
                    boolean token = rnd.nextInt(5) == 0;
                    g.append(g.flowCount(), h, tx, token ? TransferKind.ERC20 : k == 0 ? TransferKind.NATIVE : TransferKind.INTERNAL,
                            from, to, token ? 1 : 0, token ? BigInteger.valueOf(1 + rnd.nextLong(1_000_000_000_000L)) : eth(rnd, 100));
                    picks[picked++ % picks.length] = to;
                    picks[picked++ % picks.length] = from;
                }
            }
            tx++;
            inBlock += 6;
            if (inBlock >= 150) {
                inBlock = 0;
                tx = 0;
                h++;
            }
        }
        BigInteger[] taints = new BigInteger[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            taints[i] = g.amount(seeds[i]);
        }
        return new Generated(g, seeds, taints, thieves);
    }

    /** An account drawn in proportion to its degree so far (preferential attachment), or any account early on. */
    private static int pick(SplittableRandom rnd, int[] picks, int picked, int next) {
        if (picked < 1000) {
            return 2 + rnd.nextInt(Math.max(1, next - 2));
        }
        return picks[rnd.nextInt(Math.min(picked, picks.length))];
    }

    /** Up to {@code maxEth} ETH in wei, at least 1 gwei. */
    private static BigInteger eth(SplittableRandom rnd, int maxEth) {
        return BigInteger.valueOf(1 + rnd.nextLong(maxEth * 1_000_000_000L)).multiply(BigInteger.valueOf(1_000_000_000L));
    }

    private static BlockHash hash(long h) {
        byte[] b = new byte[32];
        for (int i = 0; i < 8; i++) {
            b[24 + i] = (byte) (h >>> (56 - 8 * i));
        }
        b[0] = 2;
        return new BlockHash(b);
    }
}
