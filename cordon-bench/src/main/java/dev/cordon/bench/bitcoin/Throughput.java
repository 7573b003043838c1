package dev.cordon.bench.bitcoin;

import dev.cordon.bench.Sampler;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a single-threaded pass repeatedly under a {@link Sampler}, with as many passes per timed
 * round as fill about {@code roundSeconds}, so that short passes are not dominated by timer
 * resolution.
 *
 * <p>Besides the sampler's wall-clock rate, each round's rate per second of process CPU time is
 * kept (all threads: the measuring thread, and the garbage collector and JIT compiler working for
 * it). On a machine shared with other work the wall-clock rate falls with the share of a core the
 * process gets; the CPU-time rate is the cost per core and moves much less.
 */
final class Throughput {
    private static final long CALIBRATE_NANOS = 300_000_000L;
    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

    /**
     * Units per second of the timed rounds: by wall clock (median) and by process CPU time
     * (median, min, max).
     *
     * @param passes passes per timed round
     */
    record Rate(double wall, double cpu, double cpuMin, double cpuMax, int rounds, int passes) {
    }

    private Throughput() {
    }

    static Rate measure(Sampler sampler, double roundSeconds, Sampler.Round pass) throws Exception {
        int passes = passesPerRound(roundSeconds, pass);
        List<Double> cpuRates = new ArrayList<>();
        Sampler.Result r = sampler.measure(() -> {
            long c0 = processCpuNanos();
            long units = 0;
            for (int i = 0; i < passes; i++) {
                units += pass.run();
            }
            cpuRates.add(units * 1e9 / Math.max(1, processCpuNanos() - c0));
            return units;
        });
        double[] timed = cpuRates.subList(cpuRates.size() - r.rounds(), cpuRates.size()).stream()
                .mapToDouble(Double::doubleValue).sorted().toArray();
        return new Rate(r.median(), timed[timed.length / 2], timed[0], timed[timed.length - 1], r.rounds(), passes);
    }

    /**
     * Runs the pass in windows of a quarter second until at least {@code minSeconds} have passed
     * and two consecutive windows agree within 10% (by CPU time), or {@code maxSeconds} have passed.
     */
    static void warmUntilSteady(Sampler.Round pass, double minSeconds, double maxSeconds) throws Exception {
        long start = System.nanoTime();
        double previous = -1;
        while (true) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            long units = 0;
            while (System.nanoTime() - t0 < 250_000_000L) {
                units += pass.run();
            }
            double rate = units / (double) Math.max(1, processCpuNanos() - c0);
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean steady = previous > 0 && Math.abs(rate - previous) <= 0.1 * previous;
            if (elapsed >= maxSeconds || elapsed >= minSeconds && steady) {
                return;
            }
            previous = rate;
        }
    }

    /** Passes that fill one round, timed over the second half of a short calibration run. */
    private static int passesPerRound(double roundSeconds, Sampler.Round pass) throws Exception {
        long t0 = System.nanoTime();
        long tHalf = 0;
        int n = 0;
        int half = 0;
        while (System.nanoTime() - t0 < CALIBRATE_NANOS) {
            pass.run();
            n++;
            if (tHalf == 0 && System.nanoTime() - t0 >= CALIBRATE_NANOS / 2) {
                tHalf = System.nanoTime();
                half = n;
            }
        }
        double perPass = n > half && half > 0
                ? (System.nanoTime() - tHalf) / 1e9 / (n - half)
                : (System.nanoTime() - t0) / 1e9 / n;
        return (int) Math.max(1, Math.ceil(roundSeconds / perPass));
    }

    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    static List<Double> round1(double... v) {
        return Arrays.stream(v).map(Throughput::round1).boxed().toList();
    }
}
