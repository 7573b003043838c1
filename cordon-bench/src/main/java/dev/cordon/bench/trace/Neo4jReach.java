package dev.cordon.bench.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.graph.UtxoGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * The reachability query on Neo4j 5.26 embedded, in Cypher.
 *
 * <p>The graph is the UTXO graph itself: a node {@code (:Tx {id, h})} per transaction and
 * {@code (:Out {id, addr, h, value})} per output, a relationship {@code (tx)-[:OUT {h}]->(out)}
 * per output and {@code (out)-[:IN {h}]->(spender)} per input, {@code h} being the block height
 * at which the value moves; so the database holds one relationship per value flow. It is
 * loaded through the embedded core API in transactions of about 100,000 writes (the offline
 * importer of Neo4j 5 is not a public API), then the {@code Out.id} index is built. The query
 * is a variable-length path from the seed outputs of 2 to {@code 2 * hops} relationships (one
 * transaction per two), whose heights never decrease along the path (time order), ending at an
 * output with value; it returns each receiving address with its first height.
 */
public final class Neo4jReach implements ReachQuery {
    private static final Label TX = Label.label("Tx");
    private static final Label OUT = Label.label("Out");
    private static final RelationshipType PAYS = RelationshipType.withName("OUT");
    private static final RelationshipType SPENT = RelationshipType.withName("IN");
    private static final int BATCH_WRITES = 100_000;

    private final long pageCacheBytes;
    private Path home;
    private DatabaseManagementService dbms;
    private GraphDatabaseService db;
    private final Map<String, Double> phases = new LinkedHashMap<>();

    /** @param pageCacheBytes Neo4j's page cache, off the Java heap */
    public Neo4jReach(long pageCacheBytes) {
        this.pageCacheBytes = pageCacheBytes;
    }

    @Override
    public String name() {
        return "neo4j";
    }

    @Override
    public void load(FlowGraph flows) {
        try {
            home = Files.createTempDirectory("cordon-bench-neo4j");
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "neo4j: cannot create a temporary directory: " + e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(BoltConnector.enabled, false)
                .build();
        db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        long t1 = System.nanoTime();
        write(flows.graph());
        long t2 = System.nanoTime();
        try (Transaction tx = db.beginTx()) {
            tx.execute("CREATE INDEX out_id IF NOT EXISTS FOR (o:Out) ON (o.id)").close();
            tx.commit();
        }
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(1, TimeUnit.HOURS);
        }
        long t3 = System.nanoTime();
        phases.put("start", (t1 - t0) / 1e9);
        phases.put("write", (t2 - t1) / 1e9);
        phases.put("index", (t3 - t2) / 1e9);
    }

    @Override
    public Map<String, Double> loadPhases() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    /** Node ids are kept in a primitive array; the deprecated numeric-id API is the cheap way to re-find them. */
    @SuppressWarnings("deprecation")
    private void write(UtxoGraph g) {
        long[] outNode = new long[g.outputCount()];
        Transaction tx = db.beginTx();
        try {
            int writes = 0;
            for (int t = 0, n = g.txCount(); t < n; t++) {
                int h = g.height(t);
                Node txNode = tx.createNode(TX);
                txNode.setProperty("id", t);
                txNode.setProperty("h", h);
                for (int i = g.firstInput(t), e = g.endInput(t); i < e; i++) {
                    Relationship r = tx.getNodeById(outNode[g.spentOutput(i)]).createRelationshipTo(txNode, SPENT);
                    r.setProperty("h", h);
                }
                for (int o = g.firstOutput(t), e = g.endOutput(t); o < e; o++) {
                    Node out = tx.createNode(OUT);
                    out.setProperty("id", o);
                    out.setProperty("addr", g.address(o));
                    out.setProperty("h", h);
                    out.setProperty("value", g.value(o));
                    outNode[o] = out.getId();
                    txNode.createRelationshipTo(out, PAYS).setProperty("h", h);
                }
                writes += 3 + 2 * (g.endInput(t) - g.firstInput(t)) + 6 * (g.endOutput(t) - g.firstOutput(t));
                if (writes >= BATCH_WRITES) {
                    tx.commit();
                    tx.close();
                    tx = db.beginTx();
                    writes = 0;
                }
            }
            tx.commit();
        } finally {
            tx.close();
        }
    }

    @Override
    public ReachAnswer reach(int[] seedOutputs, int hops) {
        String cypher = "MATCH p = (s:Out)-[:IN|OUT*2.." + (2 * hops) + "]->(o:Out)\n"
                + "WHERE s.id IN $seeds AND o.value > 0\n"
                + "  AND all(n IN nodes(p)[1..] WHERE n:Tx OR n.value > 0)\n"
                + "  AND all(k IN range(1, length(p) - 1) WHERE relationships(p)[k - 1].h <= relationships(p)[k].h)\n"
                + "RETURN o.addr AS addr, min(o.h) AS first\n"
                + "ORDER BY first, addr";
        long[] receipts = new long[1024];
        int n = 0;
        try (Transaction tx = db.beginTx(); Result rs = tx.execute(cypher, Map.of("seeds", seedOutputs))) {
            while (rs.hasNext()) {
                Map<String, Object> row = rs.next();
                if (n == receipts.length) {
                    receipts = Arrays.copyOf(receipts, n * 2);
                }
                receipts[n++] = ReachAnswer.receipt(((Number) row.get("addr")).intValue(),
                        ((Number) row.get("first")).intValue());
            }
        }
        return ReachAnswer.fromReceipts(receipts, n);
    }

    @Override
    public void close() {
        if (dbms != null) {
            dbms.shutdown();
            dbms = null;
            db = null;
        }
        if (home != null) {
            Path dir = home;
            home = null;
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new CordonException(ErrorCode.IO, "neo4j: cannot delete " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
