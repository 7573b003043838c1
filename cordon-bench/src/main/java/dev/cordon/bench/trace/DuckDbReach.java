package dev.cordon.bench.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.graph.UtxoGraph;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The reachability query on DuckDB (in-memory database, JDBC), as a recursive CTE.
 *
 * <p>The graph is two tables loaded with the Appender: {@code outputs(o, tx, addr, h, value,
 * spender, spent_h)} (one row per output: its global index, creating transaction, address id,
 * block height, satoshis, and the spending transaction and its height, -1 when unspent: the
 * same spender index cordon's graph keeps) and {@code inputs(o, tx, h)} (one row per input: the
 * output it spends, the spending transaction and its height). The CTE walks transactions with
 * one join a step: hop 1 is each spender of a seed output, hop d + 1 each spender of an output
 * of a hop-d transaction, and a spend is followed only at or after the height at which the
 * previous hop's value arrived (time order); then it collects the addresses of the outputs of
 * the reached transactions with their first height.
 */
public final class DuckDbReach implements ReachQuery {
    private static final String QUERY = """
            WITH RECURSIVE hop(tx, h, d) AS (
                SELECT o.spender, o.spent_h, 1
                FROM seeds s JOIN outputs o ON o.o = s.o
                WHERE o.spender >= 0 AND o.value > 0 AND o.spent_h >= o.h
              UNION
                SELECT o.spender, o.spent_h, hop.d + 1
                FROM hop JOIN outputs o ON o.tx = hop.tx
                WHERE hop.d < ? AND o.spender >= 0 AND o.value > 0 AND o.spent_h >= hop.h
            )
            SELECT o.addr, min(o.h) AS first
            FROM outputs o
            WHERE o.tx IN (SELECT tx FROM hop) AND o.value > 0 AND o.addr >= 0
            GROUP BY o.addr
            ORDER BY first, o.addr""";

    private final String memoryLimit;
    private Connection conn;

    /** @param memoryLimit DuckDB's {@code memory_limit}, such as {@code 4GB} */
    public DuckDbReach(String memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public void load(FlowGraph flows) {
        try {
            conn = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement st = conn.createStatement()) {
                st.execute("SET memory_limit = '" + memoryLimit + "'");
                st.execute("SET preserve_insertion_order = false");
                st.execute("CREATE TABLE outputs(o INTEGER, tx INTEGER, addr INTEGER, h INTEGER, value BIGINT,"
                        + " spender INTEGER, spent_h INTEGER)");
                st.execute("CREATE TABLE inputs(o INTEGER, tx INTEGER, h INTEGER)");
                st.execute("CREATE TABLE seeds(o INTEGER)");
            }
            append(flows.graph());
        } catch (SQLException e) {
            throw new CordonException(ErrorCode.IO, "duckdb: loading the graph failed: " + e.getMessage(), e);
        }
    }

    private void append(UtxoGraph g) throws SQLException {
        DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
        try (DuckDBAppender outs = duck.createAppender("outputs"); DuckDBAppender ins = duck.createAppender("inputs")) {
            for (int t = 0, n = g.txCount(); t < n; t++) {
                int h = g.height(t);
                for (int i = g.firstInput(t), e = g.endInput(t); i < e; i++) {
                    ins.beginRow().append(g.spentOutput(i)).append(t).append(h).endRow();
                }
                for (int o = g.firstOutput(t), e = g.endOutput(t); o < e; o++) {
                    int spender = g.spender(o);
                    outs.beginRow().append(o).append(t).append(g.address(o)).append(h).append(g.value(o))
                            .append(spender).append(spender < 0 ? -1 : g.height(spender)).endRow();
                }
            }
        }
    }

    @Override
    public ReachAnswer reach(int[] seedOutputs, int hops) {
        try {
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM seeds");
            }
            try (DuckDBAppender a = conn.unwrap(DuckDBConnection.class).createAppender("seeds")) {
                for (int o : seedOutputs) {
                    a.beginRow().append(o).endRow();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(QUERY)) {
                ps.setInt(1, hops);
                long[] receipts = new long[1024];
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == receipts.length) {
                            receipts = Arrays.copyOf(receipts, n * 2);
                        }
                        receipts[n++] = ReachAnswer.receipt(rs.getInt(1), rs.getInt(2));
                    }
                }
                return ReachAnswer.fromReceipts(receipts, n);
            }
        } catch (SQLException e) {
            throw new CordonException(ErrorCode.IO, "duckdb: reachability query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException e) {
                throw new CordonException(ErrorCode.IO, "duckdb: close failed: " + e.getMessage(), e);
            } finally {
                conn = null;
            }
        }
    }
}
