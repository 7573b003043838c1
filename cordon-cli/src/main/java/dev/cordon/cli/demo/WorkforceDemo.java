package dev.cordon.cli.demo;

import dev.cordon.cli.workforce.WorkforceReport;
import dev.cordon.workforce.PersonRisk;
import dev.cordon.workforce.RemoteAccessToolDetector;
import dev.cordon.workforce.SyntheticWorkforce;
import dev.cordon.workforce.WorkforceScan;
import dev.cordon.workforce.WorkforceSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A company of 300 employees over April 2025 (seeded), with two infiltrated remote workers and
 * one hijacked account planted, scanned like a user would: Okta System Log, endpoint inventory and
 * HR CSV written to the demo folder, then {@code cordon workforce scan}. Locations come from the
 * fields Okta itself writes into each event ({@code client.geographicalContext}), so the demo needs
 * no GeoIP database; the sanctioned remote-support tool (TeamViewer) is allow-listed.
 */
public final class WorkforceDemo implements DemoSection {
    static final long SEED = 20250401L;
    static final int EMPLOYEES = 300;

    @Override
    public String key() {
        return "workforce";
    }

    @Override
    public String title() {
        return "Workforce: infiltrated remote workers and a hijacked account";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticWorkforce.Company company = SyntheticWorkforce.generate(SEED, EMPLOYEES, LocalDate.of(2025, 4, 1), 30);
        Path dir = ctx.workDir();
        company.writeTo(dir);
        ctx.out().printf("Generated %d employees + 2 contractors over 30 days (seed %d): %,d Okta events in %s%n",
                company.employees(), SEED, company.oktaLines().size(), dir.resolve("okta.jsonl"));
        ctx.out().println("Planted: infiltrated workers " + SyntheticWorkforce.INFILTRATOR_A + " and "
                + SyntheticWorkforce.INFILTRATOR_B + ", hijacked account of " + company.planted().get("hijacked"));
        ctx.out().println("$ cordon workforce scan --logs okta.jsonl --endpoints endpoints.csv --hr hr.csv --allow-tool TeamViewer");
        WorkforceScan.Result r = WorkforceScan.run(new WorkforceScan.Inputs(List.of(dir.resolve("okta.jsonl")),
                Optional.empty(), List.of(dir.resolve("endpoints.csv")), Optional.of(dir.resolve("hr.csv")),
                Optional.empty(), Optional.empty(), Optional.empty()),
                WorkforceSettings.defaults().withRmm(new RemoteAccessToolDetector.Params(Set.of("TeamViewer"))), n -> { });
        WorkforceReport.print(ctx.out(), r, 8, 3);
        List<String> top3 = r.people().stream().limit(3).map(PersonRisk::person).toList();
        boolean surfaced = top3.containsAll(company.planted().values());
        ctx.out().println();
        ctx.out().println(surfaced ? "All three planted cases are the top three of " + (EMPLOYEES + 2) + " people."
                : "Planted cases NOT all in the top three: " + top3);
        ctx.report().putAll(WorkforceReport.json(r, 10));
        ctx.report().put("seed", SEED);
        ctx.report().put("planted", Map.copyOf(company.planted()));
        ctx.report().put("planted_on_top", surfaced);
    }
}
