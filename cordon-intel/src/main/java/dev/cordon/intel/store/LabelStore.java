package dev.cordon.intel.store;

import dev.cordon.core.Actor;
import dev.cordon.core.CordonException;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where labels, actors and the record of imported datasets live. Implementations:
 * {@link RocksLabelStore} (on disk, {@code <data>/intel}) and {@link InMemoryLabelStore}; both
 * pass {@code LabelStoreContract}.
 */
public interface LabelStore extends AutoCloseable {
    /**
     * Applies one import atomically: every label, actor and the dataset record are written, or
     * nothing is.
     *
     * @throws CordonException with {@code DATA} when the batch lists one label twice, or
     *                         {@code STORE} when the write fails (nothing is written)
     */
    ImportResult apply(LabelBatch batch);

    /** Every label of the subject, open and closed, strongest first ({@link Labels#STRONGEST_FIRST}). */
    List<Label> labels(LabelSubject subject);

    /** The labels of the subject that held at {@code time}, strongest first. */
    default List<Label> labelsAt(LabelSubject subject, Instant time) {
        return labels(subject).stream().filter(l -> l.isActiveAt(time)).toList();
    }

    /** Every label of one dataset, in subject order. */
    List<Label> labelsOf(String dataset);

    /** Visits every label in subject order. */
    void forEachLabel(Consumer<Label> action);

    Optional<Actor> actor(String id);

    /** Every actor, by id. */
    List<Actor> actors();

    Optional<DatasetInfo> dataset(String id);

    /** Every imported dataset, by id. */
    List<DatasetInfo> datasets();

    @Override
    void close();
}
