package dev.cordon.bench.workforce;

import dev.cordon.bench.Report;
import dev.cordon.core.ManualClock;
import dev.cordon.workforce.Enricher;
import dev.cordon.workforce.Geo;
import dev.cordon.workforce.GeoSource;
import dev.cordon.workforce.HrDirectory;
import dev.cordon.workforce.LoginEvent;
import dev.cordon.workforce.NetworkHints;
import dev.cordon.workforce.NetworkLists;
import dev.cordon.workforce.OktaEventWriter;
import dev.cordon.workforce.OktaSystemLogParser;
import dev.cordon.workforce.Outcome;
import dev.cordon.workforce.ParseReport;
import dev.cordon.workforce.RmmCatalogue;
import dev.cordon.workforce.WorkforceEngine;
import dev.cordon.workforce.WorkforceSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench workforce}: Okta System Log events per second on one core, in three stages:
 * parsing JSON lines only, enrichment (bundled VPN/hosting lists) and every login detector over
 * already parsed events, and the full pipeline (parse, enrich, detect); plus the state held per
 * account when one million accounts are live.
 *
 * <p>Events are generated (seeded) in the shape Okta writes for sign-in and SSO events, about
 * 1.1 KB each, for accounts in twelve cities with their own residential addresses; two in a
 * hundred events come through a VPN exit. Each stage runs once to warm up, then {@code --rounds}
 * times; the figures are medians. Throughput is given per CPU second of the benchmark thread
 * (ThreadMXBean: one core, insensitive to other load on a shared machine), per wall second, and
 * per CPU second of the whole process (adds GC and JIT threads). Memory is the growth of the live
 * heap (after full GCs) while one engine takes two events for each of {@code --memory-accounts}
 * accounts, divided by the number of accounts. Goals (from the requirements): 300,000 events/s
 * per core for the full pipeline; state for 1 M accounts under 2 GB.
 */
@Command(name = "workforce", mixinStandardHelpOptions = true,
        description = {"Parse generated Okta System Log events and run them through all workforce detectors on one core;",
                "measure detector state per account with one million live accounts."})
public final class WorkforceBench implements Callable<Integer> {
    static final long GOAL_EVENTS_PER_S = 300_000;
    static final long GOAL_BYTES_PER_MILLION_ACCOUNTS = 2_000_000_000L;
    private static final String[][] CITIES = {
        {"US", "Austin", "30.2672", "-97.7431", "73.6"}, {"GB", "London", "51.5074", "-0.1278", "86.150"},
        {"DE", "Berlin", "52.52", "13.405", "79.200"}, {"PL", "Warsaw", "52.2297", "21.0122", "83.10"},
        {"CA", "Toronto", "43.6532", "-79.3832", "70.49"}, {"NL", "Amsterdam", "52.3676", "4.9041", "77.161"},
        {"ES", "Madrid", "40.4168", "-3.7038", "83.45"}, {"SG", "Singapore", "1.3521", "103.8198", "116.87"},
        {"US", "Seattle", "47.6062", "-122.3321", "73.97"}, {"PT", "Lisbon", "38.7223", "-9.1393", "85.241"},
        {"FR", "Paris", "48.8566", "2.3522", "90.40"}, {"JP", "Tokyo", "35.6762", "139.6503", "126.100"}};

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N",
            description = "Generated Okta events per round (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--accounts", defaultValue = "100000", paramLabel = "N",
            description = "Accounts the generated events belong to (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N", description = "Timed rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--memory-accounts", defaultValue = "1000000", paramLabel = "N",
            description = "Live accounts for the memory figure; 0 skips it (default ${DEFAULT-VALUE}).")
    int memoryAccounts;

    @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (events < 1000 || accounts < 1 || rounds < 1 || memoryAccounts < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--events >= 1000, --accounts >= 1, --rounds >= 1, --memory-accounts >= 0");
        }
        byte[] data = generate(events, accounts, seed);
        NetworkLists lists = NetworkLists.bundled();
        RmmCatalogue catalogue = RmmCatalogue.bundled();
        List<LoginEvent> parsed = new ArrayList<>(events);
        new OktaSystemLogParser().parse(new ByteArrayInputStream(data), "bench.jsonl", parsed::add, new ParseReport());
        Report r = new Report("workforce");
        r.put("events_per_round", events).put("accounts", accounts).put("bytes_per_event", data.length / events);
        r.put("rounds", rounds);
        long[] findings = new long[1];
        Stage parse = new Stage("parse_only", () -> parseOnly(data));
        Stage detect = new Stage("enrich_detect_only", () -> detectOnly(parsed, lists, catalogue, findings));
        Stage full = new Stage("full_pipeline", () -> full(data, lists, catalogue, findings));
        List<Stage> stages = List.of(parse, detect, full);
        for (Stage s : stages) {
            s.run();
        }
        for (int i = 0; i < rounds; i++) {
            for (Stage s : stages) {
                s.samples.add(s.run());
            }
        }
        for (Stage s : stages) {
            s.report(r);
        }
        double cpuEps = full.median(Sample::perCpuSecond);
        r.put("full_pipeline_mb_per_cpu_s", Report.round(cpuEps * data.length / events / 1e6));
        r.put("findings_per_round", findings[0]);
        r.put("goal_events_per_s_per_core", GOAL_EVENTS_PER_S);
        r.put("meets_throughput_goal", cpuEps >= GOAL_EVENTS_PER_S);
        parsed.clear();
        if (memoryAccounts > 0) {
            memory(r, lists, catalogue);
        }
        r.print(System.out, json);
        return 0;
    }

    /**
     * One timed round: events handled, wall time, CPU time of the benchmark thread (one core) and
     * of the whole process (adds GC and compiler threads).
     */
    record Sample(long events, long wallNs, long threadCpuNs, long processCpuNs) {
        double perCpuSecond() {
            return events / (threadCpuNs / 1e9);
        }

        double perWallSecond() {
            return events / (wallNs / 1e9);
        }

        double perProcessCpuSecond() {
            return events / (processCpuNs / 1e9);
        }
    }

    /** A measured stage: its rounds and how to report them. */
    private static final class Stage {
        final String name;
        final java.util.function.LongSupplier body;
        final List<Sample> samples = new ArrayList<>();

        Stage(String name, java.util.function.LongSupplier body) {
            this.name = name;
            this.body = body;
        }

        Sample run() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long wall0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long proc0 = processCpuNanos();
            long n = body.getAsLong();
            long cpu1 = threads.getCurrentThreadCpuTime();
            long proc1 = processCpuNanos();
            return new Sample(n, System.nanoTime() - wall0, cpu1 - cpu0, proc1 - proc0);
        }

        double median(java.util.function.ToDoubleFunction<Sample> f) {
            return WorkforceBench.median(samples.stream().mapToDouble(f).toArray());
        }

        void report(Report r) {
            r.put(name + "_events_per_cpu_s", Math.round(median(Sample::perCpuSecond)));
            r.put(name + "_events_per_wall_s", Math.round(median(Sample::perWallSecond)));
            r.put(name + "_events_per_process_cpu_s", Math.round(median(Sample::perProcessCpuSecond)));
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }

    private static WorkforceEngine engine(NetworkLists lists, RmmCatalogue catalogue, ManualClock clock, long[] findings) {
        findings[0] = 0;
        return new WorkforceEngine(WorkforceSettings.defaults(), new Enricher(Optional.empty(), lists), new HrDirectory(),
                catalogue, clock, f -> findings[0]++);
    }

    /** Parse + enrich + all detectors over {@code data}; returns events accepted. */
    private static long full(byte[] data, NetworkLists lists, RmmCatalogue catalogue, long[] findings) {
        ManualClock clock = new ManualClock(Instant.parse("2025-04-01T00:00:00Z"));
        WorkforceEngine engine = engine(lists, catalogue, clock, findings);
        ParseReport report = new ParseReport();
        new OktaSystemLogParser().parse(new ByteArrayInputStream(data), "bench.jsonl", engine::onLogin, report);
        clock.set(Instant.parse("2025-05-01T00:00:00Z"));
        engine.flush();
        return report.acceptedCount();
    }

    /** Enrich + all detectors over already parsed events. */
    private static long detectOnly(List<LoginEvent> parsed, NetworkLists lists, RmmCatalogue catalogue, long[] findings) {
        ManualClock clock = new ManualClock(Instant.parse("2025-04-01T00:00:00Z"));
        WorkforceEngine engine = engine(lists, catalogue, clock, findings);
        for (LoginEvent e : parsed) {
            engine.onLogin(e);
        }
        clock.set(Instant.parse("2025-05-01T00:00:00Z"));
        engine.flush();
        return parsed.size();
    }

    private static long parseOnly(byte[] data) {
        long[] n = new long[1];
        new OktaSystemLogParser().parse(new ByteArrayInputStream(data), "bench.jsonl", e -> n[0]++, new ParseReport());
        return n[0];
    }

    private void memory(Report r, NetworkLists lists, RmmCatalogue catalogue) {
        ManualClock clock = new ManualClock(Instant.parse("2025-04-01T00:00:00Z"));
        long before = liveHeap();
        WorkforceEngine engine = new WorkforceEngine(WorkforceSettings.defaults(), new Enricher(Optional.empty(), lists),
                new HrDirectory(), catalogue, clock, f -> { });
        Random rnd = new Random(seed);
        long t0 = clock.millis();
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < memoryAccounts; a++) {
                String[] c = CITIES[a % CITIES.length];
                long t = t0 + pass * 3_600_000L + rnd.nextInt(3_000_000);
                String account = "user" + a + "@corp.example";
                engine.onLogin(new LoginEvent(t, account, ip(c[4], a), Outcome.SUCCESS, "user.session.start",
                        "fp" + Integer.toHexString(a), "", "", new Geo(c[0], c[1], Double.parseDouble(c[2]),
                        Double.parseDouble(c[3]), 0, GeoSource.IDP), NetworkHints.NONE, "bench", 0));
            }
        }
        long after = liveHeap();
        long perAccount = (after - before) / memoryAccounts;
        r.put("memory_accounts", memoryAccounts);
        r.put("live_heap_growth_mb", (after - before) / 1_000_000);
        r.put("bytes_per_account", perAccount);
        r.put("detector_state_bytes_per_account", engine.stateBytes() / memoryAccounts);
        r.put("projected_mb_for_1m_accounts", perAccount * 1_000_000L / 1_000_000);
        r.put("meets_memory_goal", perAccount * 1_000_000L < GOAL_BYTES_PER_MILLION_ACCOUNTS);
        r.put("accounts_live", engine.accountCount());
    }

    private static long liveHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String ip(String prefix, int k) {
        return prefix + "." + (k / 250 % 250 + 1) + "." + (k % 250 + 1);
    }

    /** Okta JSON lines for {@code n} events of {@code accounts} accounts, ~6 s apart in total. */
    static byte[] generate(int n, int accounts, long seed) {
        Random rnd = new Random(seed);
        OktaEventWriter w = new OktaEventWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 1400);
        long t = Instant.parse("2025-04-01T00:00:00Z").toEpochMilli();
        String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(accounts);
            String[] c = CITIES[a % CITIES.length];
            boolean vpn = rnd.nextInt(100) < 2;
            t += rnd.nextInt(5);
            String line = w.line(new OktaEventWriter.Event(t, String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, (long) a),
                    rnd.nextInt(10) == 0 ? "user.session.start" : "user.authentication.sso", "user" + a + "@corp.example",
                    "User " + a, vpn ? "2.26.157." + (a % 250 + 1) : ip(c[4], a), vpn ? "Dallas" : c[1], vpn ? "US" : c[0],
                    Double.parseDouble(c[2]), Double.parseDouble(c[3]), vpn ? 9009 : 7922, vpn ? "M247 Europe SRL" : "Residential ISP",
                    rnd.nextInt(50) != 0, "fp" + Integer.toHexString(a), vpn ? "NORD_VPN" : "", ua));
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

}
