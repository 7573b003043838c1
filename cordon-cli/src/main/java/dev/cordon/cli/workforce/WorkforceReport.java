package dev.cordon.cli.workforce;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Evidence;
import dev.cordon.core.Finding;
import dev.cordon.workforce.ParseReport;
import dev.cordon.workforce.PersonRisk;
import dev.cordon.workforce.WorkforceScan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a workforce scan for people (table and evidence) and for machines (plain maps for JSON). */
public final class WorkforceReport {
    private WorkforceReport() {
    }

    /** People at risk, highest first, with the evidence of the top {@code detail} people. */
    public static void print(PrintStream out, WorkforceScan.Result r, int top, int detail) {
        out.printf(Locale.ROOT, "%,d logins from %,d accounts, %,d endpoint observations, %,d HR records; %,d findings%n",
                r.logins(), r.accounts(), r.observations(), r.hrRecords(), r.findings().size());
        List<List<String>> rows = Terminal.rows("#", "person", "name", "score", "max", "signals");
        int i = 0;
        for (PersonRisk p : r.people()) {
            if (++i > top) {
                break;
            }
            rows.add(List.of(Integer.toString(i), p.person(), p.name(), String.format(Locale.ROOT, "%.1f", p.score()),
                    p.maxSeverity().name(), p.contributions().stream()
                            .map(c -> c.detector() + (c.findings() > 1 ? " x" + c.findings() : ""))
                            .collect(Collectors.joining(", "))));
        }
        Terminal.table(out, rows);
        for (int k = 0; k < Math.min(detail, r.people().size()); k++) {
            PersonRisk p = r.people().get(k);
            out.println();
            out.printf(Locale.ROOT, "%s %s  score %.1f  accounts %s  devices %s%n", p.person(), p.name(), p.score(),
                    String.join(",", p.accounts()), String.join(",", p.devices()));
            p.contributions().forEach(c -> out.printf(Locale.ROOT, "  %-22s %5.1f points from %d finding(s)%n",
                    c.detector(), c.points(), c.findings()));
            p.findings().stream().limit(6).forEach(f -> out.println("  - [" + f.severity() + "] " + f.time() + " " + f.title()));
            if (p.findings().size() > 6) {
                out.println("  ... " + (p.findings().size() - 6) + " more");
            }
        }
    }

    /** The skipped-lines summary, for stderr. */
    public static void printSkipped(PrintStream err, ParseReport report, int max) {
        if (report.skippedCount() == 0) {
            return;
        }
        err.printf(Locale.ROOT, "cordon: skipped %,d malformed line(s)%s%n", report.skippedCount(),
                report.skippedCount() > max ? ", first " + max + ":" : ":");
        report.skippedLines().stream().limit(max).forEach(s -> err.println("  " + s));
    }

    public static Map<String, Object> json(WorkforceScan.Result r, int top) {
        Map<String, Object> m = Json.object();
        m.put("logins", r.logins());
        m.put("accounts", r.accounts());
        m.put("endpoint_observations", r.observations());
        m.put("hr_records", r.hrRecords());
        m.put("findings", r.findings().size());
        Map<String, Object> input = Json.object();
        input.put("accepted", r.report().acceptedCount());
        input.put("ignored", r.report().ignoredCount());
        input.put("skipped", r.report().skippedCount());
        input.put("skipped_lines", r.report().skippedLines().stream().map(s -> {
            Map<String, Object> x = Json.object();
            x.put("source", s.source());
            x.put("line", s.line());
            x.put("reason", s.reason());
            return x;
        }).toList());
        m.put("input", input);
        List<Object> people = new ArrayList<>();
        r.people().stream().limit(top).forEach(p -> people.add(person(p)));
        m.put("people", people);
        return m;
    }

    private static Map<String, Object> person(PersonRisk p) {
        Map<String, Object> m = Json.object();
        m.put("person", p.person());
        m.put("name", p.name());
        m.put("score", p.score());
        m.put("max_severity", p.maxSeverity().name());
        m.put("accounts", p.accounts());
        m.put("devices", p.devices());
        m.put("contributions", p.contributions().stream().map(c -> {
            Map<String, Object> x = Json.object();
            x.put("detector", c.detector());
            x.put("findings", c.findings());
            x.put("points", c.points());
            return x;
        }).toList());
        m.put("findings", p.findings().stream().map(WorkforceReport::finding).toList());
        return m;
    }

    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = Json.object();
        m.put("detector", f.detector());
        m.put("severity", f.severity().name());
        m.put("subject", f.subject());
        m.put("time", f.time().toString());
        m.put("title", f.title());
        Map<String, Object> ev = Json.object();
        for (Evidence e : f.evidence()) {
            ev.put(e.name(), e.value());
        }
        m.put("evidence", ev);
        m.put("sources", f.sources());
        return m;
    }
}
