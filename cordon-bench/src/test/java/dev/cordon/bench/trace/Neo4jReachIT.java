package dev.cordon.bench.trace;

/** Starts a real embedded Neo4j in a temporary directory. */
class Neo4jReachIT extends ReachQueryContract {
    @Override
    ReachQuery create() {
        return new Neo4jReach(64L << 20);
    }
}
