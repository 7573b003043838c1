package dev.cordon.cli.signing;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.ExitCodes;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Clock;
import dev.cordon.core.Evidence;
import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.rpc.EthRpc;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcSettings;
import dev.cordon.signing.chain.AuditReport;
import dev.cordon.signing.chain.SafeAuditor;
import dev.cordon.signing.chain.SafeReader;
import dev.cordon.signing.chain.SafeState;
import dev.cordon.signing.deploy.Deployment;
import dev.cordon.signing.deploy.SafeDeployments;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cordon safe audit --rpc URL --safe ADDRESS}: the wallet's posture. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read a Safe's configuration from the chain and report weaknesses. "
                + "Exit 0 when nothing of medium severity or worse is found, 1 otherwise.")
public final class SafeAuditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "Ethereum JSON-RPC endpoint.")
    String rpc;

    @Option(names = "--safe", required = true, paramLabel = "ADDRESS", description = "The Safe (proxy) address.")
    String safe;

    @Override
    public Integer call() {
        Address address = EthAddresses.parse(safe, "--safe");
        SafeReader reader = new SafeReader(new EthRpc(new JsonRpcClient(RpcSettings.defaults(rpc))));
        SafeState state = reader.read(address);
        AuditReport report = new SafeAuditor(SafeDeployments.bundled(), Clock.system()).audit(state, reader::code);
        if (common.json()) {
            Json.print(System.out, json(report));
        } else {
            print(System.out, report);
        }
        return report.worst().compareTo(Severity.MEDIUM) >= 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    static void print(PrintStream out, AuditReport r) {
        SafeState s = r.state();
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Safe", EthAddresses.checksummed(s.safe()) + " on chain " + s.chainId()});
        kv.add(new String[] {"master copy", EthAddresses.checksummed(s.masterCopy()) + " "
                + r.masterCopy().map(Deployment::describe).map(d -> "(" + d + ")").orElse("(NOT a canonical singleton)")});
        kv.add(new String[] {"version", s.versionText().orElse("(unreadable)")});
        kv.add(new String[] {"owners", s.owners().isEmpty() ? "(unreadable)" : s.owners().stream()
                .map(EthAddresses::checksummed).toList().toString()});
        kv.add(new String[] {"threshold", s.threshold().isPresent() ? s.threshold().getAsInt() + " of "
                + s.owners().size() : "(unreadable)"});
        kv.add(new String[] {"nonce", s.nonce().map(Object::toString).orElse("(unreadable)")});
        kv.add(new String[] {"modules", s.modules().stream().map(EthAddresses::checksummed).toList().toString()});
        kv.add(new String[] {"guard", s.guard().map(EthAddresses::checksummed).orElse("(none)")});
        kv.add(new String[] {"fallback handler", s.fallbackHandler().map(EthAddresses::checksummed).orElse("(none)")});
        Terminal.fields(out, kv);
        out.println();
        out.println(r.findings().isEmpty() ? "No weaknesses found." : "Findings:");
        for (Finding f : r.findings()) {
            out.println("  [" + f.severity().name().toLowerCase(Locale.ROOT) + "] " + f.detector() + ": " + f.title());
        }
    }

    static Map<String, Object> json(AuditReport r) {
        SafeState s = r.state();
        Map<String, Object> m = Json.object();
        m.put("safe", EthAddresses.checksummed(s.safe()));
        m.put("chainId", s.chainId());
        m.put("masterCopy", EthAddresses.checksummed(s.masterCopy()));
        m.put("masterCopyCanonical", r.masterCopy().map(Deployment::describe).orElse(null));
        m.put("version", s.versionText().orElse(null));
        m.put("owners", s.owners().stream().map(EthAddresses::checksummed).toList());
        m.put("threshold", s.threshold().isPresent() ? s.threshold().getAsInt() : null);
        m.put("nonce", s.nonce().map(Object::toString).orElse(null));
        m.put("modules", s.modules().stream().map(EthAddresses::checksummed).toList());
        m.put("guard", s.guard().map(EthAddresses::checksummed).orElse(null));
        m.put("fallbackHandler", s.fallbackHandler().map(EthAddresses::checksummed).orElse(null));
        m.put("readErrors", s.readErrors());
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> o = Json.object();
            o.put("detector", f.detector());
            o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            o.put("title", f.title());
            Map<String, Object> ev = Json.object();
            for (Evidence e : f.evidence()) {
                ev.put(e.name(), e.value());
            }
            o.put("evidence", ev);
            o.put("sources", f.sources());
            findings.add(o);
        }
        m.put("findings", findings);
        return m;
    }
}
