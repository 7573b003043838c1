package dev.cordon.intel.cluster;

class InMemoryClusterStoreTest extends ClusterStoreContract {
    @Override
    ClusterStore create() {
        return new InMemoryClusterStore();
    }

    @Override
    ClusterStore reopen() {
        return store;
    }
}
