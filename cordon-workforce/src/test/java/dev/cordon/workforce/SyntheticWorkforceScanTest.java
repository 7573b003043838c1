package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticWorkforceScanTest {
    static final long SEED = 20250401L;

    @TempDir
    Path dir;

    @Test
    void scan_plantedCompany_findsExactlyThePlantedCasesAndTheTrips() {
        System.out.println("seed " + SEED);
        SyntheticWorkforce.Company company = SyntheticWorkforce.generate(SEED, 300, LocalDate.of(2025, 4, 1), 30);
        company.writeTo(dir);
        WorkforceScan.Result r = WorkforceScan.run(new WorkforceScan.Inputs(List.of(dir.resolve("okta.jsonl")),
                Optional.empty(), List.of(dir.resolve("endpoints.csv")), Optional.of(dir.resolve("hr.csv")),
                Optional.empty(), Optional.empty(), Optional.empty()),
                WorkforceSettings.defaults().withRmm(new RemoteAccessToolDetector.Params(Set.of("TeamViewer"))), n -> { });
        Set<String> triples = new TreeSet<>();
        for (Finding f : r.findings()) {
            triples.add(f.detector() + " " + f.severity() + " " + f.subject());
        }
        String a = "account:jordan.blake@corp.example";
        String b = "account:alex.morgan@corp.example";
        String c = "account:kira.muller42@corp.example";
        assertThat(triples).containsExactlyInAnyOrder(
                "anonymising-egress HIGH " + a, "location-mismatch HIGH " + a, "new-country MEDIUM " + a,
                "shared-access HIGH " + a, "shared-access MEDIUM " + a, "working-hours HIGH " + a,
                "ip-kvm CRITICAL device:LT-9001", "remote-access-tool MEDIUM device:LT-9001",
                "identity-reuse HIGH person:E9001", "payroll-change MEDIUM person:E9001",
                "continuous-activity HIGH " + b, "continuous-activity MEDIUM " + b, "shared-access HIGH " + b,
                "shared-access MEDIUM " + b, "working-hours HIGH " + b, "ip-kvm HIGH device:LT-9002",
                "locale MEDIUM device:LT-9002", "remote-access-tool MEDIUM device:LT-9002",
                "identity-reuse HIGH person:E9002", "payroll-change MEDIUM person:E9002",
                "impossible-travel HIGH " + c, "many-countries MEDIUM " + c, "new-country MEDIUM " + c,
                "anonymising-egress LOW " + c, "travel-via-anonymiser LOW " + c,
                "new-country MEDIUM account:kira.schmidt@corp.example",
                "new-country MEDIUM account:umar.smith@corp.example",
                "new-country MEDIUM account:sofia.schmidt@corp.example");
        assertThat(r.people()).extracting(PersonRisk::person).startsWith("E9001", "E9002", "E0043");
        assertThat(r.people()).hasSize(6);
        assertThat(r.report().skippedCount()).isZero();
        assertThat(r.accounts()).isEqualTo(302);
    }
}
