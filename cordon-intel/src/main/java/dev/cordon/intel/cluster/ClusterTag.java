package dev.cordon.intel.cluster;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import java.util.Objects;

/**
 * The label a cluster carries: the strongest label of its members. Two tags are the same service
 * when both are services with the same {@link #key()} (the actor id, or the name without one).
 *
 * @param key        actor id or label name; identifies the entity
 * @param name       label name
 * @param category   category of the label
 * @param confidence confidence of the label
 */
public record ClusterTag(String key, String name, Category category, Confidence confidence) {
    public ClusterTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(confidence, "confidence");
    }

    public boolean isService() {
        return category.isService();
    }

    /** Whether merging a cluster tagged {@code this} with one tagged {@code o} joins two different services. */
    public boolean conflictsWith(ClusterTag o) {
        return isService() && o.isService() && !key.equals(o.key);
    }

    /** Whether {@code this} wins over {@code o}: higher confidence, then higher risk, then service, then key order. */
    public boolean strongerThan(ClusterTag o) {
        if (confidence.level() != o.confidence.level()) {
            return confidence.level() > o.confidence.level();
        }
        if (category.defaultRisk() != o.category.defaultRisk()) {
            return category.defaultRisk().compareTo(o.category.defaultRisk()) > 0;
        }
        if (isService() != o.isService()) {
            return isService();
        }
        return key.compareTo(o.key) < 0;
    }
}
