package dev.cordon.cli.signing;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.signing.Review;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SigningHashes;
import dev.cordon.signing.decode.Arg;
import dev.cordon.signing.decode.DecodedCall;
import dev.cordon.signing.policy.Reason;
import dev.cordon.signing.sig.SignatureCheck;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shows a {@link Review} as text (the way a signer compares it with a device) or as JSON. */
public final class ReviewView {
    private ReviewView() {
    }

    public static void print(PrintStream out, Review r) {
        SafeTransaction tx = r.tx();
        out.println("Safe " + EthAddresses.checksummed(tx.safe()) + "  chain " + tx.chainId() + "  version "
                + tx.version() + "  nonce " + tx.nonce());
        out.println();
        out.println("Compare with the signing device (Ledger/Trezor show the first two, Safe{Wallet} the third):");
        Terminal.fields(out, List.of(
                new String[] {"  Domain hash", SigningHashes.deviceForm(r.hashes().domainHash())},
                new String[] {"  Message hash", SigningHashes.deviceForm(r.hashes().messageHash())},
                new String[] {"  safeTxHash", r.hashes().signedHash().prefixed()}));
        out.println();
        out.println("Transaction:");
        Terminal.fields(out, List.of(
                new String[] {"  to", EthAddresses.checksummed(tx.to())},
                new String[] {"  value", tx.value() + " wei"},
                new String[] {"  data", abbreviate(tx.data().hex(), 138) + " (" + tx.data().length() + " bytes)"},
                new String[] {"  operation", tx.operation().code() + " (" + tx.operation() + ")"},
                new String[] {"  safeTxGas", tx.safeTxGas().toString()},
                new String[] {tx.version().usesDataGas() ? "  dataGas" : "  baseGas", tx.baseGas().toString()},
                new String[] {"  gasPrice", tx.gasPrice().toString()},
                new String[] {"  gasToken", EthAddresses.checksummed(tx.gasToken())},
                new String[] {"  refundReceiver", EthAddresses.checksummed(tx.refundReceiver())}));
        out.println();
        out.println("Action:");
        r.decoded().ifPresent(d -> printCall(out, d, "  "));
        r.decodeError().ifPresent(e -> out.println("  cannot decode: " + e));
        out.println();
        out.println("Verdict: " + r.result().verdict().name());
        for (Reason reason : r.result().reasons()) {
            out.println("  [" + reason.verdict().key() + "] " + reason.severity().name().toLowerCase(Locale.ROOT) + " "
                    + reason.check().key() + " @ " + reason.path() + ": " + reason.message());
        }
        if (!r.signatures().isEmpty()) {
            out.println();
            out.println("Signatures:");
            List<List<String>> rows = Terminal.rows("  source", "type", "signer", "status", "detail");
            for (SignatureCheck c : r.signatures()) {
                rows.add(List.of("  " + c.source(), c.type(), c.signer().map(EthAddresses::checksummed).orElse("-"),
                        c.status().name(), c.message()));
            }
            Terminal.table(out, rows);
        }
    }

    private static void printCall(PrintStream out, DecodedCall c, String indent) {
        out.println(indent + c.summary());
        for (String n : c.notes()) {
            out.println(indent + "  note: " + n);
        }
        for (DecodedCall i : c.inner()) {
            printCall(out, i, indent + "  ");
        }
    }

    public static Map<String, Object> json(Review r) {
        SafeTransaction tx = r.tx();
        Map<String, Object> m = Json.object();
        m.put("safe", EthAddresses.checksummed(tx.safe()));
        m.put("chainId", tx.chainId().toString());
        m.put("safeVersion", tx.version().text());
        Map<String, Object> h = Json.object();
        h.put("domainHash", r.hashes().domainHash().prefixed());
        h.put("messageHash", r.hashes().messageHash().prefixed());
        h.put("safeTxHash", r.hashes().signedHash().prefixed());
        m.put("hashes", h);
        Map<String, Object> t = Json.object();
        t.put("to", EthAddresses.checksummed(tx.to()));
        t.put("value", tx.value().toString());
        t.put("data", tx.data().hex());
        t.put("operation", tx.operation().code());
        t.put("safeTxGas", tx.safeTxGas().toString());
        t.put("baseGas", tx.baseGas().toString());
        t.put("gasPrice", tx.gasPrice().toString());
        t.put("gasToken", EthAddresses.checksummed(tx.gasToken()));
        t.put("refundReceiver", EthAddresses.checksummed(tx.refundReceiver()));
        t.put("nonce", tx.nonce().toString());
        m.put("transaction", t);
        m.put("decoded", r.decoded().map(ReviewView::call).orElse(null));
        m.put("decodeError", r.decodeError().orElse(null));
        m.put("verdict", r.result().verdict().key());
        List<Object> reasons = new ArrayList<>();
        for (Reason reason : r.result().reasons()) {
            Map<String, Object> o = Json.object();
            o.put("check", reason.check().key());
            o.put("verdict", reason.verdict().key());
            o.put("severity", reason.severity().name().toLowerCase(Locale.ROOT));
            o.put("path", reason.path());
            o.put("message", reason.message());
            reasons.add(o);
        }
        m.put("reasons", reasons);
        List<Object> sigs = new ArrayList<>();
        for (SignatureCheck c : r.signatures()) {
            Map<String, Object> o = Json.object();
            o.put("source", c.source());
            o.put("type", c.type());
            o.put("signer", c.signer().map(EthAddresses::checksummed).orElse(null));
            o.put("status", c.status().name().toLowerCase(Locale.ROOT));
            o.put("message", c.message());
            sigs.add(o);
        }
        m.put("signatures", sigs);
        return m;
    }

    private static Map<String, Object> call(DecodedCall c) {
        Map<String, Object> o = Json.object();
        o.put("path", c.path());
        o.put("operation", c.operation().name().toLowerCase(Locale.ROOT));
        o.put("to", EthAddresses.checksummed(c.to()));
        o.put("selfCall", c.selfCall());
        o.put("knownAs", c.knownAs().orElse(null));
        o.put("value", c.value().toString());
        o.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
        o.put("function", c.signature().isEmpty() ? null : c.signature());
        o.put("selector", c.selector().isEmpty() ? null : c.selector());
        Map<String, Object> args = Json.object();
        for (Arg a : c.args()) {
            args.put(a.name(), a.value() instanceof Address ad ? EthAddresses.checksummed(ad) : a.display());
        }
        o.put("args", args);
        o.put("summary", c.summary());
        o.put("notes", c.notes());
        o.put("calls", c.inner().stream().map(ReviewView::call).toList());
        return o;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
