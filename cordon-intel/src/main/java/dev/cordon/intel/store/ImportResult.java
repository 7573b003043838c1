package dev.cordon.intel.store;

import dev.cordon.core.LabelSubject;
import java.util.List;
import java.util.Objects;

/**
 * What an import changed.
 *
 * @param dataset     the dataset after the import, with its counts
 * @param added       labels new to the dataset
 * @param updated     labels whose content changed (category, confidence, source, note, actor)
 * @param unchanged   labels already present as they are
 * @param reopened    labels closed earlier and present again
 * @param closed      labels the new version no longer has, now closed
 * @param actors      actors written
 * @param overlaps    subjects that other datasets also label (the labels are all kept)
 */
public record ImportResult(DatasetInfo dataset, int added, int updated, int unchanged, int reopened, int closed,
                           int actors, List<Overlap> overlaps) {
    public ImportResult {
        Objects.requireNonNull(dataset, "dataset");
        overlaps = List.copyOf(overlaps);
    }

    /** A subject labelled by this dataset and by others. */
    public record Overlap(LabelSubject subject, String name, List<String> otherDatasets) {
        public Overlap {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(name, "name");
            otherDatasets = List.copyOf(otherDatasets);
        }
    }
}
