package dev.cordon.intel.heist;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Figures over a set of thefts.
 *
 * @param count          thefts
 * @param totalUsd       total stolen, USD at the time
 * @param byYear         per year: {count, total USD}
 * @param byAttribution  per attribution: {count, total USD}
 * @param largeThreshold the threshold of a "large" theft, USD
 * @param largeCount     thefts above the threshold
 * @param meanGapDays    mean gap in days between consecutive large thefts; empty with fewer than two
 */
public record HeistStats(int count, long totalUsd, Map<Integer, long[]> byYear, Map<String, long[]> byAttribution,
                         long largeThreshold, int largeCount, OptionalDouble meanGapDays) {
}
