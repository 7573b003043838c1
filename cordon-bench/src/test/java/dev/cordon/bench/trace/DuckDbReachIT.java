package dev.cordon.bench.trace;

/** Starts a real in-memory DuckDB. */
class DuckDbReachIT extends ReachQueryContract {
    @Override
    ReachQuery create() {
        return new DuckDbReach("1GB");
    }
}
