package dev.cordon.signing.chain;

import dev.cordon.core.Address;
import dev.cordon.core.Clock;
import dev.cordon.core.Evidence;
import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.deploy.Deployment;
import dev.cordon.signing.deploy.DeploymentRole;
import dev.cordon.signing.deploy.SafeDeployments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Audits a Safe's configuration for weaknesses: a master copy that is not a canonical singleton
 * (or whose code differs from it), a proxy that no longer answers as a Safe, modules, no guard,
 * a low threshold, contract owners, a non-canonical fallback handler, an outdated version.
 */
public final class SafeAuditor {
    private final SafeDeployments deployments;
    private final Clock clock;

    public SafeAuditor(SafeDeployments deployments, Clock clock) {
        this.deployments = deployments;
        this.clock = clock;
    }

    /**
     * @param code reads runtime code, to compare the master copy's code hash with the published one
     */
    public AuditReport audit(SafeState s, Function<Address, byte[]> code) {
        List<Finding> out = new ArrayList<>();
        Optional<Deployment> master = masterCopy(s, code, out);
        if (!s.readErrors().isEmpty()) {
            add(out, "safe-getters", Severity.HIGH, s, "the proxy does not answer as a Safe: "
                    + s.readErrors().size() + " getter(s) failed", s.readErrors().stream()
                    .map(e -> new Evidence("error", e)).toList());
        }
        master.ifPresent(m -> s.version().filter(v -> !v.text().equals(m.version())).ifPresent(v ->
                add(out, "safe-version", Severity.HIGH, s, "VERSION() says " + v + " but the master copy is "
                        + m.describe(), List.of())));
        for (Address m : s.modules()) {
            add(out, "safe-module", Severity.HIGH, s, "module " + EthAddresses.checksummed(m)
                    + " is enabled: it can move funds without any owner signature", List.of(ev("module", m)));
        }
        guard(s, out);
        threshold(s, out);
        for (Address o : s.contractOwners()) {
            add(out, "safe-contract-owner", Severity.MEDIUM, s, "owner " + EthAddresses.checksummed(o)
                    + " is a contract: it signs by its own rules (EIP-1271), check that it is a Safe you control",
                    List.of(ev("owner", o)));
        }
        s.fallbackHandler().filter(h -> deployments.onChain(s.chainId(), h).stream()
                .noneMatch(d -> d.role() == DeploymentRole.FALLBACK_HANDLER)).ifPresent(h ->
                add(out, "safe-fallback-handler", Severity.MEDIUM, s, "fallback handler " + EthAddresses.checksummed(h)
                        + " is not a canonical Safe handler", List.of(ev("handler", h))));
        s.version().filter(v -> !v.supportsGuard()).ifPresent(v -> add(out, "safe-outdated", Severity.LOW, s,
                "Safe " + v + " predates guards (1.3.0); consider migrating with the canonical SafeMigration", List.of()));
        out.sort(Comparator.comparing(Finding::severity).reversed());
        return new AuditReport(s, master, out);
    }

    private Optional<Deployment> masterCopy(SafeState s, Function<Address, byte[]> code, List<Finding> out) {
        Optional<Deployment> d = deployments.onChain(s.chainId(), s.masterCopy()).stream()
                .filter(x -> x.role().isSingleton()).findFirst();
        if (d.isEmpty()) {
            add(out, "safe-master-copy", Severity.CRITICAL, s, "master copy (slot 0) "
                    + EthAddresses.checksummed(s.masterCopy()) + " is not a canonical Safe singleton on chain "
                    + s.chainId() + ": whoever wrote it controls the wallet", List.of(ev("masterCopy", s.masterCopy())));
            return d;
        }
        Optional<Bytes32> expected = d.get().codeHash();
        if (expected.isPresent()) {
            Bytes32 actual = Bytes32.keccak(code.apply(s.masterCopy()));
            if (!actual.equals(expected.get())) {
                add(out, "safe-master-copy", Severity.CRITICAL, s, "code at master copy "
                        + EthAddresses.checksummed(s.masterCopy()) + " hashes to " + actual.prefixed()
                        + ", not the published " + expected.get().prefixed(), List.of(ev("masterCopy", s.masterCopy())));
            }
        }
        return d;
    }

    private void guard(SafeState s, List<Finding> out) {
        boolean canGuard = s.version().map(SafeVersion::supportsGuard).orElse(false);
        if (canGuard && s.guard().isEmpty()) {
            add(out, "safe-guard", Severity.MEDIUM, s, "no transaction guard is set: nothing on chain stops a"
                    + " delegatecall or configuration change the owners sign", List.of());
        }
        s.guard().ifPresent(g -> add(out, "safe-guard", Severity.INFO, s, "transaction guard "
                + EthAddresses.checksummed(g) + " is set: check that it is the one you deployed", List.of(ev("guard", g))));
    }

    private void threshold(SafeState s, List<Finding> out) {
        if (s.threshold().isEmpty() || s.owners().isEmpty()) {
            return;
        }
        int t = s.threshold().getAsInt();
        int n = s.owners().size();
        List<Evidence> ev = List.of(new Evidence("threshold", Integer.toString(t)), new Evidence("owners", Integer.toString(n)));
        if (t == 1 && n > 1) {
            add(out, "safe-threshold", Severity.HIGH, s, "threshold 1 of " + n + ": any single owner key moves the funds", ev);
        } else if (t * 2 <= n) {
            add(out, "safe-threshold", Severity.MEDIUM, s, "threshold " + t + " of " + n
                    + " is not a majority of the owners", ev);
        } else if (n == 1) {
            add(out, "safe-threshold", Severity.HIGH, s, "a single owner: the Safe is as strong as one key", ev);
        }
    }

    private void add(List<Finding> out, String detector, Severity sev, SafeState s, String title, List<Evidence> ev) {
        out.add(new Finding(detector, sev, EthAddresses.checksummed(s.safe()), clock.now(), title, ev,
                List.of("chain " + s.chainId() + " via RPC", deployments.source())));
    }

    private static Evidence ev(String name, Address a) {
        return new Evidence(name, EthAddresses.checksummed(a));
    }
}
