package dev.cordon.cli.intel;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.intel.importer.ImportProblem;
import dev.cordon.intel.importer.ParsedList;
import dev.cordon.intel.store.ImportResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How import results are shown, shared by {@code intel import} and {@code intel update}. */
final class ImportReports {
    private ImportReports() {
    }

    static List<String> row(ParsedList p, ImportResult r) {
        return List.of(r.dataset().id(), Integer.toString(p.rows()), Integer.toString(r.added()), Integer.toString(r.updated()),
                Integer.toString(r.unchanged()), Integer.toString(r.reopened()), Integer.toString(r.closed()),
                Long.toString(p.rejected()), Long.toString(p.skipped()), Integer.toString(r.overlaps().size()));
    }

    static List<List<String>> header() {
        return Terminal.rows("dataset", "rows", "added", "updated", "unchanged", "reopened", "closed", "rejected", "skipped",
                "also-labelled-by-others");
    }

    /** Problems go to stderr: one line each, file and line first. */
    static void problems(PrintStream err, List<ImportProblem> problems, int limit) {
        int n = 0;
        for (ImportProblem p : problems) {
            if (p.kind() == ImportProblem.Kind.DUPLICATE || n >= limit) {
                continue;
            }
            err.println("cordon: " + p);
            n++;
        }
        long rest = problems.stream().filter(p -> p.kind() != ImportProblem.Kind.DUPLICATE).count() - n;
        if (rest > 0) {
            err.println("cordon: ... and " + rest + " more (use --json for all)");
        }
    }

    static Map<String, Object> json(ParsedList p, ImportResult r) {
        Map<String, Object> o = Json.object();
        o.put("dataset", r.dataset().id());
        o.put("title", r.dataset().title());
        o.put("rows", p.rows());
        o.put("added", r.added());
        o.put("updated", r.updated());
        o.put("unchanged", r.unchanged());
        o.put("reopened", r.reopened());
        o.put("closed", r.closed());
        o.put("actors", r.actors());
        o.put("open", r.dataset().open());
        o.put("closedTotal", r.dataset().closed());
        List<Object> probs = new ArrayList<>();
        for (ImportProblem x : p.problems()) {
            Map<String, Object> m = Json.object();
            m.put("file", x.file());
            m.put("line", x.line());
            m.put("kind", x.kind().name().toLowerCase(Locale.ROOT));
            m.put("message", x.message());
            probs.add(m);
        }
        o.put("problems", probs);
        List<Object> overlaps = new ArrayList<>();
        for (ImportResult.Overlap ov : r.overlaps()) {
            Map<String, Object> m = Json.object();
            m.put("subject", ov.subject().text());
            m.put("label", ov.name());
            m.put("alsoIn", ov.otherDatasets());
            overlaps.add(m);
        }
        o.put("alsoLabelledByOthers", overlaps);
        return o;
    }
}
