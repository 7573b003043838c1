package dev.cordon.cli.chain;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Transfer;
import dev.cordon.core.account.ContractCreation;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.store.EthAddressInfo;
import dev.cordon.store.EthBlockInfo;
import dev.cordon.store.EthTxInfo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How stored Ethereum blocks, transactions and addresses look, as JSON and as text. Addresses
 * are shown EIP-55 checksummed; a token amount is in the token's base units, its asset named by
 * standard and contract ({@code ERC20 0xdAC1...}).
 */
public final class EthViews {
    private EthViews() {
    }

    static String addr(Address a) {
        return EthAddresses.checksummed(a);
    }

    static String asset(Amount a) {
        return a.asset().contract().map(c -> a.asset().symbol() + " " + addr(c)).orElse(a.asset().symbol());
    }

    static Map<String, Object> json(Amount a) {
        Map<String, Object> m = ChainViews.json(a);
        a.asset().contract().ifPresent(c -> m.put("contract", addr(c)));
        return m;
    }

    public static Map<String, Object> json(Transfer t) {
        Map<String, Object> m = Json.object();
        m.put("txid", "0x" + t.txId().hex());
        m.put("block_height", t.blockHeight());
        m.put("tx_index", t.txIndex());
        m.put("position", t.position());
        m.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        m.put("from", addr(t.from()));
        m.put("to", addr(t.to()));
        m.put("amount", json(t.amount()));
        t.tokenId().ifPresent(id -> m.put("token_id", id.toString()));
        return m;
    }

    static Map<String, Object> json(ContractCreation c) {
        Map<String, Object> m = Json.object();
        m.put("txid", "0x" + c.txId().hex());
        m.put("tx_index", c.txIndex());
        m.put("creator", addr(c.creator()));
        m.put("contract", addr(c.contract()));
        return m;
    }

    public static Map<String, Object> json(EthBlockInfo b) {
        Map<String, Object> m = Json.object();
        m.put("chain", "eth");
        m.put("height", b.height());
        m.put("hash", "0x" + b.hash().hex());
        m.put("parent", "0x" + b.parent().hex());
        m.put("time", b.time().toString());
        m.put("miner", addr(b.miner()));
        m.put("tx_count", b.txCount());
        m.put("transfer_count", b.transferCount());
        m.put("contracts_created", b.creations().stream().map(EthViews::json).toList());
        return m;
    }

    public static Map<String, Object> json(EthTxInfo t) {
        Map<String, Object> m = Json.object();
        m.put("chain", "eth");
        m.put("txid", "0x" + t.txid().hex());
        m.put("block_height", t.height());
        m.put("block_hash", "0x" + t.blockHash().hex());
        m.put("time", t.time().toString());
        m.put("index", t.index());
        m.put("transfers", t.transfers().stream().map(EthViews::json).toList());
        m.put("contracts_created", t.creations().stream().map(EthViews::json).toList());
        return m;
    }

    public static Map<String, Object> json(EthAddressInfo a) {
        Map<String, Object> m = Json.object();
        m.put("chain", "eth");
        m.put("address", addr(a.address()));
        List<Object> assets = new ArrayList<>();
        for (EthAddressInfo.AssetTotals t : a.assets()) {
            Map<String, Object> x = Json.object();
            x.put("asset", asset(t.balance()));
            x.put("balance", json(t.balance()));
            x.put("received", json(t.received()));
            x.put("sent", json(t.sent()));
            x.put("transfers", t.transfers());
            x.put("first_seen_height", t.firstHeight());
            x.put("last_seen_height", t.lastHeight());
            assets.add(x);
        }
        m.put("assets", assets);
        m.put("transfer_count", a.transferCount());
        m.put("first_seen_height", a.firstSeenHeight());
        m.put("last_seen_height", a.lastSeenHeight());
        m.put("created_by", a.createdBy().map(EthViews::json).orElse(null));
        m.put("latest_transfers", a.latest().stream().map(EthViews::json).toList());
        return m;
    }

    public static void print(PrintStream out, EthBlockInfo b) {
        Terminal.fields(out, List.of(
                new String[] {"block", "0x" + b.hash().hex()},
                new String[] {"height", Long.toString(b.height())},
                new String[] {"parent", "0x" + b.parent().hex()},
                new String[] {"time", b.time().toString()},
                new String[] {"miner", addr(b.miner())},
                new String[] {"transactions", Integer.toString(b.txCount())},
                new String[] {"transfers", Integer.toString(b.transferCount())}));
        creations(out, b.creations());
    }

    public static void print(PrintStream out, EthTxInfo t) {
        Terminal.fields(out, List.of(
                new String[] {"transaction", "0x" + t.txid().hex()},
                new String[] {"block", t.height() + "  0x" + t.blockHash().hex()},
                new String[] {"time", t.time().toString()},
                new String[] {"position", "#" + t.index()}));
        out.println();
        transfers(out, t.transfers());
        creations(out, t.creations());
    }

    public static void print(PrintStream out, EthAddressInfo a) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"address", addr(a.address())});
        fields.add(new String[] {"transfers", Long.toString(a.transferCount())});
        fields.add(new String[] {"first seen", "block " + a.firstSeenHeight()});
        fields.add(new String[] {"last seen", "block " + a.lastSeenHeight()});
        a.createdBy().ifPresent(c -> fields.add(new String[] {"created by", addr(c.creator()) + " in 0x" + c.txId().hex()}));
        Terminal.fields(out, fields);
        out.println();
        List<List<String>> rows = Terminal.rows("asset", "balance", "received", "sent", "transfers", "first", "last");
        for (EthAddressInfo.AssetTotals t : a.assets()) {
            rows.add(List.of(asset(t.balance()), t.balance().toPlainString(), t.received().toPlainString(),
                    t.sent().toPlainString(), Integer.toString(t.transfers()), Long.toString(t.firstHeight()),
                    Long.toString(t.lastHeight())));
        }
        Terminal.table(out, rows);
        if (!a.latest().isEmpty()) {
            out.println();
            transfers(out, a.latest());
        }
    }

    static void transfers(PrintStream out, List<Transfer> ts) {
        List<List<String>> rows = Terminal.rows("block", "tx", "pos", "kind", "from", "to", "amount", "asset");
        for (Transfer t : ts) {
            rows.add(List.of(Long.toString(t.blockHeight()), "#" + t.txIndex(), Integer.toString(t.position()),
                    t.kind().name().toLowerCase(Locale.ROOT), addr(t.from()), addr(t.to()),
                    t.amount().toPlainString() + t.tokenId().map(id -> " (id " + id + ")").orElse(""), asset(t.amount())));
        }
        Terminal.table(out, rows);
    }

    private static void creations(PrintStream out, List<ContractCreation> cs) {
        if (cs.isEmpty()) {
            return;
        }
        out.println();
        List<List<String>> rows = Terminal.rows("tx", "creator", "contract created");
        for (ContractCreation c : cs) {
            rows.add(List.of("#" + c.txIndex(), addr(c.creator()), addr(c.contract())));
        }
        Terminal.table(out, rows);
    }
}
