package dev.cordon.bench;

import java.util.Arrays;

/**
 * Runs a workload repeatedly and reports its throughput: a warm-up phase (so the JIT has
 * compiled the hot paths), then timed rounds. The median round is the figure reported; min and
 * max show the noise. Wall-clock {@link System#nanoTime()} only: these are benchmarks, never
 * assertions.
 */
public final class Sampler {
    /** One round of work; returns how many units it processed (bytes, transactions, ...). */
    @FunctionalInterface
    public interface Round {
        long run() throws Exception;
    }

    /** Throughput of the rounds, in units per second. */
    public record Result(double median, double min, double max, int rounds, long unitsPerRound) {
    }

    private final double warmupSeconds;
    private final int rounds;

    public Sampler(double warmupSeconds, int rounds) {
        if (warmupSeconds < 0 || rounds < 1) {
            throw new IllegalArgumentException("warm-up >= 0 s and rounds >= 1 required");
        }
        this.warmupSeconds = warmupSeconds;
        this.rounds = rounds;
    }

    public Result measure(Round round) throws Exception {
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long units = 0;
        do {
            units = round.run();
        } while (System.nanoTime() < warmEnd);
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            units = round.run();
            long dt = Math.max(1, System.nanoTime() - t0);
            rates[i] = units * 1e9 / dt;
        }
        Arrays.sort(rates);
        return new Result(rates[rounds / 2], rates[0], rates[rounds - 1], rounds, units);
    }
}
