package dev.cordon.intel.importer;

import dev.cordon.intel.store.LabelBatch;
import java.util.List;
import java.util.Objects;

/**
 * A file read by an importer: the labels and actors to store, and what was wrong with the rest.
 *
 * @param rows     records read (tags, rows, addresses), valid or not
 */
public record ParsedList(LabelBatch batch, List<ImportProblem> problems, int rows) {
    public ParsedList {
        Objects.requireNonNull(batch, "batch");
        problems = List.copyOf(problems);
    }

    public long rejected() {
        return problems.stream().filter(p -> p.kind() == ImportProblem.Kind.REJECTED).count();
    }

    public long skipped() {
        return problems.stream().filter(p -> p.kind() == ImportProblem.Kind.SKIPPED).count();
    }
}
