package dev.cordon.cli.chain;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.store.AddressSummary;
import dev.cordon.store.BlockInfo;
import dev.cordon.store.HistoryEntry;
import dev.cordon.store.TxInfo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How stored blocks, transactions and addresses look: as JSON objects (amounts as exact decimal
 * strings plus base units, times in ISO-8601 UTC) and as text for people.
 */
public final class ChainViews {
    private ChainViews() {
    }

    public static Map<String, Object> json(Amount a) {
        Map<String, Object> m = Json.object();
        m.put("value", a.toPlainString());
        m.put("units", a.units().toString());
        m.put("asset", a.asset().symbol());
        return m;
    }

    public static Map<String, Object> json(BlockInfo b) {
        Map<String, Object> m = Json.object();
        m.put("chain", b.chain().code());
        m.put("height", b.height());
        m.put("hash", b.hash().hex());
        m.put("parent", b.parent().hex());
        m.put("time", b.time().toString());
        m.put("tx_count", b.txCount());
        m.put("size", b.size());
        m.put("total_out", json(b.totalOut()));
        m.put("total_fees", json(b.totalFees()));
        return m;
    }

    public static Map<String, Object> json(TxInfo t) {
        Map<String, Object> m = Json.object();
        m.put("chain", t.chain().code());
        m.put("txid", t.txid().hex());
        m.put("block_height", t.height());
        m.put("block_hash", t.blockHash().hex());
        m.put("time", t.time().toString());
        m.put("index", t.index());
        m.put("coinbase", t.coinbase());
        m.put("size", t.size());
        m.put("vsize", t.vsize());
        m.put("fee", json(t.fee()));
        List<Object> ins = new ArrayList<>();
        for (TxInfo.Input in : t.inputs()) {
            Map<String, Object> i = Json.object();
            i.put("spends", in.spent().toString());
            i.put("address", in.address().map(Address::value).orElse(null));
            i.put("value", json(in.value()));
            ins.add(i);
        }
        m.put("inputs", ins);
        List<Object> outs = new ArrayList<>();
        for (TxInfo.Output o : t.outputs()) {
            Map<String, Object> x = Json.object();
            x.put("index", o.index());
            x.put("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT));
            x.put("address", o.address().map(Address::value).orElse(null));
            x.put("value", json(o.value()));
            if (!o.dataHex().isEmpty()) {
                x.put("data", o.dataHex());
            }
            x.put("spent_by", o.spentBy().map(id -> id.hex()).orElse(null));
            outs.add(x);
        }
        m.put("outputs", outs);
        return m;
    }

    public static Map<String, Object> json(AddressSummary s, List<HistoryEntry> latest) {
        Map<String, Object> m = Json.object();
        m.put("chain", s.address().chain().code());
        m.put("address", s.address().value());
        m.put("balance", json(s.balance()));
        m.put("received", json(s.received()));
        m.put("sent", json(s.sent()));
        m.put("tx_count", s.txCount());
        m.put("first_seen", Map.of("height", s.firstSeenHeight(), "time", s.firstSeen().toString()));
        m.put("last_seen", Map.of("height", s.lastSeenHeight(), "time", s.lastSeen().toString()));
        List<Object> txs = new ArrayList<>();
        for (HistoryEntry h : latest) {
            Map<String, Object> x = Json.object();
            x.put("height", h.height());
            x.put("time", h.time().toString());
            x.put("txid", h.txid().hex());
            x.put("received", json(h.received()));
            x.put("sent", json(h.sent()));
            x.put("delta", json(h.delta()));
            txs.add(x);
        }
        m.put("latest_transactions", txs);
        return m;
    }

    public static void print(PrintStream out, BlockInfo b) {
        Terminal.fields(out, List.of(
                new String[] {"block", b.hash().hex()},
                new String[] {"height", Long.toString(b.height())},
                new String[] {"parent", b.parent().hex()},
                new String[] {"time", b.time().toString()},
                new String[] {"transactions", Integer.toString(b.txCount())},
                new String[] {"size", String.format("%,d bytes", b.size())},
                new String[] {"total out", b.totalOut().toString()},
                new String[] {"fees", b.totalFees().toString()}));
    }

    public static void print(PrintStream out, TxInfo t) {
        Terminal.fields(out, List.of(
                new String[] {"transaction", t.txid().hex()},
                new String[] {"block", t.height() + "  " + t.blockHash().hex()},
                new String[] {"time", t.time().toString()},
                new String[] {"position", "#" + t.index() + (t.coinbase() ? " (coinbase)" : "")},
                new String[] {"size", t.size() + " bytes, " + t.vsize() + " vbytes"},
                new String[] {"fee", t.fee().toString()}));
        out.println();
        List<List<String>> ins = Terminal.rows("input", "spends", "address", "value");
        for (int i = 0; i < t.inputs().size(); i++) {
            TxInfo.Input in = t.inputs().get(i);
            ins.add(List.of(Integer.toString(i), in.spent().toString(), or(in.address()), in.value().toString()));
        }
        if (t.coinbase()) {
            ins.add(List.of("0", "(new coins)", "", ""));
        }
        Terminal.table(out, ins);
        out.println();
        List<List<String>> outs = Terminal.rows("output", "kind", "address / data", "value", "spent by");
        for (TxInfo.Output o : t.outputs()) {
            String target = o.address().map(Address::value)
                    .orElse(o.dataHex().isEmpty() ? "" : abbreviate(o.dataHex(), 48));
            outs.add(List.of(Integer.toString(o.index()), o.kind().name().toLowerCase(java.util.Locale.ROOT), target,
                    o.value().toString(), o.spentBy().map(id -> id.hex()).orElse("unspent")));
        }
        Terminal.table(out, outs);
    }

    public static void print(PrintStream out, AddressSummary s, List<HistoryEntry> latest) {
        Terminal.fields(out, List.of(
                new String[] {"address", s.address().value()},
                new String[] {"balance", s.balance().toString()},
                new String[] {"received", s.received().toString()},
                new String[] {"sent", s.sent().toString()},
                new String[] {"transactions", Long.toString(s.txCount())},
                new String[] {"first seen", "block " + s.firstSeenHeight() + "  " + s.firstSeen()},
                new String[] {"last seen", "block " + s.lastSeenHeight() + "  " + s.lastSeen()}));
        if (!latest.isEmpty()) {
            out.println();
            List<List<String>> rows = Terminal.rows("height", "time", "txid", "change");
            for (HistoryEntry h : latest) {
                Amount d = h.delta();
                rows.add(List.of(Long.toString(h.height()), h.time().toString(), h.txid().hex(),
                        (d.units().signum() > 0 ? "+" : "") + d));
            }
            Terminal.table(out, rows);
        }
    }

    private static String or(Optional<Address> a) {
        return a.map(Address::value).orElse("");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
