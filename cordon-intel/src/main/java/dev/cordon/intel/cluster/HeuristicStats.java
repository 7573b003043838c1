package dev.cordon.intel.cluster;

import java.util.Map;

/**
 * Counters of a heuristic.
 *
 * @param seen     transactions or transfers read
 * @param linked   merges it asked for that joined two clusters
 * @param refused  merges refused because both sides were differently labelled services
 * @param skipped  inputs not used, by reason ({@code coinjoin:whirlpool}, {@code single-input})
 */
public record HeuristicStats(long seen, long linked, long refused, Map<String, Long> skipped) {
    public HeuristicStats {
        skipped = Map.copyOf(skipped);
    }
}
