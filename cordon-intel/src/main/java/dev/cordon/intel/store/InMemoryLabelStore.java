package dev.cordon.intel.store;

import dev.cordon.core.Actor;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.Labels;
import dev.cordon.intel.store.internal.ImportPlanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The in-memory twin of {@link RocksLabelStore}, for tests and one-shot runs. Thread-safe by locking. */
public final class InMemoryLabelStore implements LabelStore {
    private final TreeMap<LabelSubject, Map<ImportPlanner.Id, Label>> bySubject = new TreeMap<>();
    private final TreeMap<String, Actor> actors = new TreeMap<>();
    private final TreeMap<String, DatasetInfo> datasets = new TreeMap<>();

    @Override
    public synchronized ImportResult apply(LabelBatch batch) {
        ImportPlanner.Plan plan = ImportPlanner.plan(batch, labelsOf(batch.dataset().id()), this::labels);
        for (Label l : plan.writes()) {
            bySubject.computeIfAbsent(l.subject(), s -> new TreeMap<>(Comparator
                    .comparing(ImportPlanner.Id::dataset).thenComparing(ImportPlanner.Id::name)))
                    .put(ImportPlanner.Id.of(l), l);
        }
        for (Actor a : batch.actors()) {
            actors.put(a.id(), a);
        }
        datasets.put(plan.dataset().id(), plan.dataset());
        return plan.result();
    }

    @Override
    public synchronized List<Label> labels(LabelSubject subject) {
        Map<ImportPlanner.Id, Label> m = bySubject.get(subject);
        if (m == null) {
            return List.of();
        }
        List<Label> out = new ArrayList<>(m.values());
        out.sort(Labels.STRONGEST_FIRST);
        return out;
    }

    @Override
    public synchronized List<Label> labelsOf(String dataset) {
        List<Label> out = new ArrayList<>();
        for (Map<ImportPlanner.Id, Label> m : bySubject.values()) {
            for (Label l : m.values()) {
                if (l.dataset().equals(dataset)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void forEachLabel(Consumer<Label> action) {
        bySubject.values().forEach(m -> m.values().forEach(action));
    }

    @Override
    public synchronized Optional<Actor> actor(String id) {
        return Optional.ofNullable(actors.get(id));
    }

    @Override
    public synchronized List<Actor> actors() {
        return List.copyOf(actors.values());
    }

    @Override
    public synchronized Optional<DatasetInfo> dataset(String id) {
        return Optional.ofNullable(datasets.get(id));
    }

    @Override
    public synchronized List<DatasetInfo> datasets() {
        return List.copyOf(datasets.values());
    }

    @Override
    public void close() {
    }
}
