package dev.cordon.bench.trace;

class CordonReachTest extends ReachQueryContract {
    @Override
    ReachQuery create() {
        return new CordonReach();
    }
}
