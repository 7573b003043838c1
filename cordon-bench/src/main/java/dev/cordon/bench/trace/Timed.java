package dev.cordon.bench.trace;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Repeats a query and keeps the median wall time and the process CPU time per run (all threads,
 * native ones included, so an engine that runs a query on both cores shows it). Wall-clock
 * {@link System#nanoTime()}: benchmark figures, never assertions.
 *
 * @param medianMs median wall time of the timed runs
 * @param minMs    fastest run
 * @param maxMs    slowest run
 * @param cpuMs    process CPU time per timed run, averaged
 * @param runs     timed runs (after the warm-up runs)
 * @param last     what the last run returned
 */
record Timed<T>(double medianMs, double minMs, double maxMs, double cpuMs, int runs, T last) {
    /**
     * Runs {@code work} at least {@code warmups} times and for at least {@code warmupSeconds}
     * (so the JIT has compiled it and its compiler threads no longer count in the CPU time),
     * then {@code runs} timed times.
     */
    static <T> Timed<T> measure(int warmups, double warmupSeconds, int runs, Supplier<T> work) {
        T last = null;
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int i = 0; i < warmups || System.nanoTime() < warmEnd; i++) {
            last = work.get();
        }
        double[] ms = new double[runs];
        long cpu0 = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpuMs = (processCpuNanos() - cpu0) / 1e6 / runs;
        Arrays.sort(ms);
        return new Timed<>(ms[runs / 2], ms[0], ms[runs - 1], cpuMs, runs, last);
    }

    /** Process CPU time in nanoseconds, or 0 where the JVM does not report it. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
