package dev.cordon.intel.store.internal;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.DatasetInfo;
import dev.cordon.intel.store.ImportResult;
import dev.cordon.intel.store.LabelBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an import into the label writes both store implementations apply atomically. A label
 * is identified within its dataset by subject and name. Present in both versions: kept with its
 * first {@code validFrom} and {@code addedAt}, reopened if it had been closed, updated if its
 * content changed. Only in the old version of a complete list: closed at the import time, never
 * deleted. Only in the new version: added.
 */
public final class ImportPlanner {
    private ImportPlanner() {
    }

    /** The writes and the report of one import. */
    public record Plan(List<Label> writes, DatasetInfo dataset, ImportResult result) {
    }

    /**
     * @param existing    every label the store holds for the batch's dataset
     * @param labelsOf    all labels of a subject, across datasets
     * @throws CordonException with {@link ErrorCode#DATA} when the batch holds one label twice
     */
    public static Plan plan(LabelBatch batch, List<Label> existing, Function<LabelSubject, List<Label>> labelsOf) {
        Map<Id, Label> old = new HashMap<>();
        for (Label l : existing) {
            old.put(Id.of(l), l);
        }
        String dataset = batch.dataset().id();
        List<Label> writes = new ArrayList<>();
        Set<Id> seen = new LinkedHashSet<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int reopened = 0;
        int closedNow = 0;
        List<ImportResult.Overlap> overlaps = new ArrayList<>();
        for (Label l : batch.labels()) {
            Id id = Id.of(l);
            if (!seen.add(id)) {
                throw new CordonException(ErrorCode.DATA, "dataset " + dataset + " lists '" + l.name() + "' on "
                        + l.subject() + " twice in one import");
            }
            Label prev = old.get(id);
            if (prev == null) {
                writes.add(l);
                added++;
                overlap(l, labelsOf).ifPresent(overlaps::add);
                continue;
            }
            Label merged = merge(prev, l);
            if (merged.equals(prev)) {
                unchanged++;
            } else {
                writes.add(merged);
                if (!prev.isOpen() && merged.isOpen()) {
                    reopened++;
                } else if (prev.isOpen() && !merged.isOpen()) {
                    closedNow++;
                } else {
                    updated++;
                }
            }
        }
        int closed = closedNow;
        long openAfter = batch.labels().stream().filter(Label::isOpen).count();
        long closedAfter = seen.size() - openAfter;
        for (Map.Entry<Id, Label> e : old.entrySet()) {
            if (seen.contains(e.getKey())) {
                continue;
            }
            Label prev = e.getValue();
            if (prev.isOpen() && batch.complete()) {
                writes.add(prev.closedAt(batch.dataset().importedAt()));
                closed++;
                closedAfter++;
            } else if (prev.isOpen()) {
                openAfter++;
            } else {
                closedAfter++;
            }
        }
        DatasetInfo info = batch.dataset().withCounts(openAfter, closedAfter);
        ImportResult result = new ImportResult(info, added, updated, unchanged, reopened, closed, batch.actors().size(), overlaps);
        return new Plan(writes, info, result);
    }

    private static Label merge(Label prev, Label now) {
        return new Label(now.subject(), now.name(), now.category(), now.abuse(), now.actor(), now.source(), now.confidence(),
                prev.validFrom().isBefore(now.validFrom()) ? prev.validFrom() : now.validFrom(),
                now.validTo(), now.addedBy(), prev.addedAt(), now.dataset(), now.note());
    }

    private static Optional<ImportResult.Overlap> overlap(Label l, Function<LabelSubject, List<Label>> labelsOf) {
        List<String> others = new ArrayList<>();
        for (Label o : labelsOf.apply(l.subject())) {
            if (!o.dataset().equals(l.dataset()) && o.isOpen() && !others.contains(o.dataset())) {
                others.add(o.dataset());
            }
        }
        return others.isEmpty() ? Optional.empty() : Optional.of(new ImportResult.Overlap(l.subject(), l.name(), others));
    }

    /** A label's identity within its dataset. */
    public record Id(LabelSubject subject, String dataset, String name) {
        public Id {
            Objects.requireNonNull(subject, "subject");
        }

        public static Id of(Label l) {
            return new Id(l.subject(), l.dataset(), l.name());
        }
    }
}
