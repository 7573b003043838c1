package dev.cordon.intel.store;

import dev.cordon.core.Actor;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.Labels;
import dev.cordon.intel.store.internal.ActorCodec;
import dev.cordon.intel.store.internal.DatasetCodec;
import dev.cordon.intel.store.internal.ImportPlanner;
import dev.cordon.intel.store.internal.IntelColumn;
import dev.cordon.intel.store.internal.IntelDb;
import dev.cordon.intel.store.internal.LabelCodec;
import dev.cordon.intel.store.internal.LabelKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Labels in the intel store's RocksDB ({@code <data>/intel}, separate from the chain store).
 * Each import is one atomic write batch. Imports are serialised; reads run concurrently.
 */
public final class RocksLabelStore implements LabelStore {
    private static final byte[] EMPTY = new byte[0];
    private final IntelDb db;
    private final boolean ownsDb;

    /** Uses an already open intel database (shared with the cluster store); does not close it. */
    public RocksLabelStore(IntelDb db) {
        this(db, false);
    }

    private RocksLabelStore(IntelDb db, boolean ownsDb) {
        this.db = db;
        this.ownsDb = ownsDb;
    }

    /** Opens (or creates) the intel store in {@code dir} for labels only. */
    public static RocksLabelStore open(Path dir) {
        return new RocksLabelStore(IntelDb.open(dir), true);
    }

    @Override
    public synchronized ImportResult apply(LabelBatch batch) {
        ImportPlanner.Plan plan = ImportPlanner.plan(batch, labelsOf(batch.dataset().id()), this::labels);
        try (IntelDb.Batch b = db.newBatch()) {
            for (Label l : plan.writes()) {
                byte[] key = LabelKeys.labelKey(l);
                b.put(IntelColumn.LABELS, key, LabelCodec.encode(l));
                b.put(IntelColumn.LABELS_BY_DATASET, LabelKeys.datasetIndexKey(l.dataset(), key), EMPTY);
            }
            for (Actor a : batch.actors()) {
                b.put(IntelColumn.ACTORS, LabelKeys.utf8(a.id()), ActorCodec.encode(a));
            }
            b.put(IntelColumn.DATASETS, LabelKeys.utf8(plan.dataset().id()), DatasetCodec.encode(plan.dataset()));
            db.commit(b);
        }
        return plan.result();
    }

    @Override
    public List<Label> labels(LabelSubject subject) {
        List<Label> out = new ArrayList<>(2);
        db.scan(IntelColumn.LABELS, LabelKeys.subjectPrefix(subject), (k, v) -> out.add(LabelCodec.decode(v)));
        out.sort(Labels.STRONGEST_FIRST);
        return out;
    }

    @Override
    public List<Label> labelsOf(String dataset) {
        byte[] prefix = LabelKeys.datasetPrefix(dataset);
        List<Label> out = new ArrayList<>();
        db.scan(IntelColumn.LABELS_BY_DATASET, prefix, (k, v) -> {
            byte[] labelKey = Arrays.copyOfRange(k, prefix.length, k.length);
            db.get(IntelColumn.LABELS, labelKey).ifPresent(bytes -> out.add(LabelCodec.decode(bytes)));
            return true;
        });
        return out;
    }

    @Override
    public void forEachLabel(Consumer<Label> action) {
        db.scan(IntelColumn.LABELS, EMPTY, (k, v) -> {
            action.accept(LabelCodec.decode(v));
            return true;
        });
    }

    @Override
    public Optional<Actor> actor(String id) {
        return db.get(IntelColumn.ACTORS, LabelKeys.utf8(id)).map(ActorCodec::decode);
    }

    @Override
    public List<Actor> actors() {
        List<Actor> out = new ArrayList<>();
        db.scan(IntelColumn.ACTORS, EMPTY, (k, v) -> out.add(ActorCodec.decode(v)));
        return out;
    }

    @Override
    public Optional<DatasetInfo> dataset(String id) {
        return db.get(IntelColumn.DATASETS, LabelKeys.utf8(id)).map(DatasetCodec::decode);
    }

    @Override
    public List<DatasetInfo> datasets() {
        List<DatasetInfo> out = new ArrayList<>();
        db.scan(IntelColumn.DATASETS, EMPTY, (k, v) -> out.add(DatasetCodec.decode(v)));
        return out;
    }

    @Override
    public void close() {
        if (ownsDb) {
            db.close();
        }
    }
}
