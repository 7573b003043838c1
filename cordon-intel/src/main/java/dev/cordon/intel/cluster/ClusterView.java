package dev.cordon.intel.cluster;

import dev.cordon.core.Address;
import dev.cordon.core.Label;
import dev.cordon.intel.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entity an address belongs to.
 *
 * @param address      the address asked about
 * @param root         the cluster's representative id
 * @param size         number of addresses in the cluster
 * @param tag          the cluster's strongest label, if any member is labelled
 * @param members      members listed (up to the limit asked for)
 * @param labels       labels of the listed members, strongest first
 * @param conflicts    refused merges that touched this cluster
 */
public record ClusterView(Address address, int root, int size, Optional<ClusterTag> tag, List<Address> members,
                          List<Label> labels, List<ClusterConflict> conflicts) {
    public ClusterView {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tag, "tag");
        members = List.copyOf(members);
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Labels.STRONGEST_FIRST);
        labels = List.copyOf(sorted);
        conflicts = List.copyOf(conflicts);
    }

    /** Whether every member was listed. */
    public boolean complete() {
        return members.size() == size;
    }
}
