package dev.cordon.bench.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.CordonException;
import org.junit.jupiter.api.Test;

class TraceBenchTest {
    @Test
    void parsePeers_list_keepsOrder() {
        assertThat(TraceBench.Peer.parse("duckdb, Neo4j")).containsExactly(TraceBench.Peer.DUCKDB, TraceBench.Peer.NEO4J);
        assertThat(TraceBench.Peer.parse("none")).isEmpty();
    }

    @Test
    void parsePeers_unknown_namesIt() {
        assertThatThrownBy(() -> TraceBench.Peer.parse("neo4j,postgres"))
                .isInstanceOf(CordonException.class)
                .hasMessage("--peers: unknown peer 'postgres' (expected neo4j, duckdb or none)");
    }

    @Test
    void requireSame_differentAnswers_failsWithBothCounts() {
        ReachAnswer a = ReachAnswer.fromReceipts(new long[] {ReachAnswer.receipt(1, 2)}, 1);
        ReachAnswer b = ReachAnswer.fromReceipts(new long[0], 0);
        assertThatThrownBy(() -> TraceBench.requireSame(a, b, "duckdb"))
                .isInstanceOf(CordonException.class)
                .hasMessageStartingWith("answers differ: cordon 1 addresses")
                .hasMessageEndingWith("duckdb 0 (hash cbf29ce484222325)");
    }
}
