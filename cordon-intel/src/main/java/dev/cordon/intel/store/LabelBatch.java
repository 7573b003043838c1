package dev.cordon.intel.store;

import dev.cordon.core.Actor;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import java.util.List;
import java.util.Objects;

/**
 * Everything one import writes, applied atomically: either all of it is stored or none.
 *
 * @param dataset  the list being imported; every label must carry its id
 * @param labels   the labels read from it (already validated)
 * @param actors   actors defined or referenced by it
 * @param complete whether this is the whole list: when true, open labels of the dataset that the
 *                 batch does not contain are closed at {@code dataset.importedAt()}; when false
 *                 (an addition) nothing is closed
 */
public record LabelBatch(DatasetInfo dataset, List<Label> labels, List<Actor> actors, boolean complete) {
    public LabelBatch {
        Objects.requireNonNull(dataset, "dataset");
        labels = List.copyOf(labels);
        actors = List.copyOf(actors);
        for (Label l : labels) {
            if (!l.dataset().equals(dataset.id())) {
                throw new CordonException(ErrorCode.DATA, "label of dataset '" + l.dataset()
                        + "' in a batch of dataset '" + dataset.id() + "'");
            }
        }
    }
}
