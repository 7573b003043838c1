package dev.cordon.intel.cluster;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.LabelStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The clustering state of one chain: the address dictionary, the clusters, and how far the
 * feeder got ({@link #cursor()}, e.g. the last block height applied). Loaded from and saved to a
 * {@link ClusterStore}; between saves it lives in memory. Not thread-safe.
 */
public final class ChainClusters {
    private final Chain chain;
    private final AddressDictionary ids;
    private final EntityClusters clusters;
    private long cursor;
    private Optional<BlockHash> cursorHash;

    ChainClusters(Chain chain, AddressDictionary ids, EntityClusters clusters, long cursor, Optional<BlockHash> cursorHash) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.ids = ids;
        this.clusters = clusters;
        this.cursor = cursor;
        this.cursorHash = Objects.requireNonNull(cursorHash, "cursorHash");
    }

    /** A new, empty state. */
    public static ChainClusters empty(Chain chain, int capacity) {
        return new ChainClusters(chain, new AddressDictionary(chain), new EntityClusters(capacity), -1, Optional.empty());
    }

    public Chain chain() {
        return chain;
    }

    public AddressDictionary ids() {
        return ids;
    }

    public EntityClusters clusters() {
        return clusters;
    }

    /** Where the feeder stopped (block height, or -1 before the first block). */
    public long cursor() {
        return cursor;
    }

    /** Moves the cursor and forgets its block hash. */
    public void cursor(long position) {
        this.cursor = position;
        this.cursorHash = Optional.empty();
    }

    /**
     * Moves the cursor to a block known by its hash, so that a later run can tell whether the
     * chain store still holds that block (a reorganisation replaced it otherwise).
     */
    public void cursor(long position, BlockHash hash) {
        this.cursor = position;
        this.cursorHash = Optional.of(hash);
    }

    /** The hash of the block at {@link #cursor()}, when the feeder recorded it. */
    public Optional<BlockHash> cursorHash() {
        return cursorHash;
    }

    /** The id of an address, assigned if new, known to the clusters. */
    public int id(Address a) {
        int id = ids.intern(a);
        clusters.ensure(id);
        return id;
    }

    /**
     * Puts the open labels of every known address onto its cluster (the strongest wins; a cluster
     * holding two services records a conflict). Run after importing intelligence and before
     * feeding, so that merges of services are refused. Visits every label of the chain once.
     *
     * @return the number of labels applied
     */
    public int applyLabels(LabelStore labels, Instant at) {
        int[] n = new int[1];
        labels.forEachLabel(l -> {
            if (l.subject().chain() != chain || !(l.subject() instanceof LabelSubject.OfAddress a) || !l.isActiveAt(at)) {
                return;
            }
            OptionalInt id = ids.find(a.address());
            if (id.isPresent()) {
                clusters.tag(id.getAsInt(), tagOf(l));
                n[0]++;
            }
        });
        return n[0];
    }

    /** Labels the address of {@code l} even if unseen so far, so that merges into it are checked. */
    public void seed(Label l) {
        if (l.subject() instanceof LabelSubject.OfAddress a && a.chain() == chain) {
            clusters.tag(id(a.address()), tagOf(l));
        }
    }

    static ClusterTag tagOf(Label l) {
        return new ClusterTag(l.actor().orElse(l.name()), l.name(), l.category(), l.confidence());
    }

    /** What clustering knows about {@code address}; empty when the address was never seen. */
    public Optional<ClusterView> view(Address address, LabelStore labels, int memberLimit) {
        OptionalInt id = ids.find(address);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        int root = clusters.find(id.getAsInt());
        List<Address> members = new ArrayList<>();
        List<Label> memberLabels = new ArrayList<>();
        clusters.forEachMember(id.getAsInt(), memberLimit, m -> ids.address(m).ifPresent(a -> {
            members.add(a);
            memberLabels.addAll(labels.labels(LabelSubject.of(a)));
        }));
        List<ClusterConflict> conflicts = clusters.conflicts().stream()
                .filter(c -> clusters.find(c.a()) == root || clusters.find(c.b()) == root).toList();
        return Optional.of(new ClusterView(address, root, clusters.clusterSize(root),
                Optional.ofNullable(clusters.tagOf(root)), members, memberLabels, conflicts));
    }
}
