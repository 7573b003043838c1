package dev.cordon.intel;

import dev.cordon.core.Label;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Ordering and selection of labels. */
public final class Labels {
    /**
     * Strongest first: open before closed, then higher confidence, then higher risk, then by
     * dataset and name so that the order is total and stable.
     */
    public static final Comparator<Label> STRONGEST_FIRST = Comparator
            .comparing((Label l) -> l.isOpen() ? 0 : 1)
            .thenComparing(l -> -l.confidence().level())
            .thenComparing(l -> -l.risk().ordinal())
            .thenComparing(Label::dataset)
            .thenComparing(Label::name);

    private Labels() {
    }

    /** The strongest label that held at {@code time}, if any. */
    public static Optional<Label> strongestAt(List<Label> labels, Instant time) {
        return labels.stream().filter(l -> l.isActiveAt(time)).min(STRONGEST_FIRST);
    }
}
