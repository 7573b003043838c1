package dev.cordon.intel.store;

class InMemoryLabelStoreTest extends LabelStoreContract {
    @Override
    LabelStore create() {
        return new InMemoryLabelStore();
    }
}
