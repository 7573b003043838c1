package dev.cordon.cli.workforce;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.ExitCodes;
import dev.cordon.cli.Json;
import dev.cordon.cli.Progress;
import dev.cordon.core.Clock;
import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.LoginFormat;
import dev.cordon.workforce.RemoteAccessToolDetector;
import dev.cordon.workforce.WorkforceScan;
import dev.cordon.workforce.WorkforceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cordon workforce}: infiltrated remote workers and hijacked accounts. */
@Command(name = "workforce", mixinStandardHelpOptions = true,
        description = "Detect infiltrated remote IT workers and hijacked accounts from IdP logs, endpoints and HR data.",
        subcommands = WorkforceCommand.Scan.class)
public final class WorkforceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required (scan)");
    }

    /** {@code cordon workforce scan}. */
    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {"Scan login logs (Okta, Entra, OCSF, ECS, Google Workspace, CSV), endpoint inventories "
                    + "and HR records; print people at risk, highest first.",
                "Exit 1 when a finding is at or above --fail-on, 0 otherwise, 3 on unreadable input."})
    static final class Scan implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--logs", required = true, arity = "1..*", paramLabel = "PATH", description = "Login log files.")
        List<Path> logs;

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "Log format: okta, entra, ocsf, ecs, google, csv (default: detected per file).")
        String format;

        @Option(names = "--endpoints", arity = "1..*", paramLabel = "PATH",
                description = "Endpoint inventories: cordon CSV (.csv) or osquery JSON results.")
        List<Path> endpoints = List.of();

        @Option(names = "--hr", paramLabel = "PATH", description = "HR/payroll/applicant CSV.")
        Path hr;

        @Option(names = "--geoip", paramLabel = "CITY.mmdb", description = "MaxMind City database.")
        Path geoip;

        @Option(names = "--asn", paramLabel = "ASN.mmdb", description = "MaxMind ASN database.")
        Path asn;

        @Option(names = "--network-list", paramLabel = "PATH",
                description = "Extra VPN/hosting/office/bad-operator list (see docs/WORKFORCE.md).")
        Path networkList;

        @Option(names = "--allow-tool", arity = "1..*", paramLabel = "NAME",
                description = "Sanctioned remote-access tools (LOLRMM names), not reported.")
        Set<String> allowTools = Set.of();

        @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "HIGH",
                description = "Exit 1 when a finding has this severity or higher (default: ${DEFAULT-VALUE}).")
        Severity failOn;

        @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "People to list (default: ${DEFAULT-VALUE}).")
        int top;

        @Override
        public Integer call() {
            if (top < 1) {
                throw new ParameterException(new picocli.CommandLine(this), "--top must be >= 1");
            }
            WorkforceScan.Inputs in = new WorkforceScan.Inputs(logs,
                    Optional.ofNullable(format).map(LoginFormat::ofKey), endpoints, Optional.ofNullable(hr),
                    Optional.ofNullable(geoip), Optional.ofNullable(asn), Optional.ofNullable(networkList));
            WorkforceSettings settings = WorkforceSettings.defaults()
                    .withRmm(new RemoteAccessToolDetector.Params(allowTools));
            WorkforceScan.Result r;
            try (Progress progress = new Progress("replaying logins", "events", 0, Clock.system())) {
                r = WorkforceScan.run(in, settings, progress::update);
            }
            WorkforceReport.printSkipped(System.err, r.report(), 20);
            if (common.json()) {
                Json.print(System.out, WorkforceReport.json(r, top));
            } else {
                WorkforceReport.print(System.out, r, top, Math.min(3, top));
            }
            boolean alert = r.findings().stream().map(Finding::severity).anyMatch(s -> s.compareTo(failOn) >= 0);
            return alert ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }
}
