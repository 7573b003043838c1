package dev.cordon.intel.cluster;

import java.util.Objects;

/**
 * A merge that was refused because it would have joined two differently labelled services.
 * Analysts review these: either a label is wrong, or the heuristic met a shared wallet or an
 * undetected CoinJoin.
 *
 * @param a        address id on one side
 * @param b        address id on the other side
 * @param tagA     the service the cluster of {@code a} carries
 * @param tagB     the service the cluster of {@code b} carries
 * @param reason   the heuristic and evidence ({@code multi-input tx #123}, {@code deposit forwarding})
 */
public record ClusterConflict(int a, int b, String tagA, String tagB, String reason) {
    public ClusterConflict {
        Objects.requireNonNull(tagA, "tagA");
        Objects.requireNonNull(tagB, "tagB");
        Objects.requireNonNull(reason, "reason");
    }
}
