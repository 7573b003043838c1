package dev.cordon.intel.importer;

import dev.cordon.core.Actor;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.internal.AddressParser;
import dev.cordon.intel.store.DatasetInfo;
import dev.cordon.intel.store.LabelBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the labels of one file: drops a repeated label (same subject and name) with a
 * DUPLICATE note naming the first line, and turns row errors into problems.
 */
final class RowCollector {
    private final String file;
    private final Map<Key, Label> labels = new LinkedHashMap<>();
    private final Map<Key, Integer> firstLine = new HashMap<>();
    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private int rows;

    RowCollector(String file) {
        this.file = file;
    }

    private record Key(LabelSubject subject, String name) {
    }

    void row() {
        rows++;
    }

    void add(int line, Label l) {
        Key k = new Key(l.subject(), l.name());
        Integer first = firstLine.putIfAbsent(k, line);
        if (first != null) {
            problems.add(new ImportProblem(file, line, ImportProblem.Kind.DUPLICATE,
                    "'" + l.name() + "' on " + l.subject() + " is already listed at line " + first));
            return;
        }
        labels.put(k, l);
    }

    void actor(Actor a) {
        actors.putIfAbsent(a.id(), a);
    }

    void reject(int line, String message) {
        problems.add(new ImportProblem(file, line, ImportProblem.Kind.REJECTED, message));
    }

    void skip(int line, String message) {
        problems.add(new ImportProblem(file, line, ImportProblem.Kind.SKIPPED, message));
    }

    void warn(int line, String message) {
        problems.add(new ImportProblem(file, line, ImportProblem.Kind.WARNING, message));
    }

    /** Parses an address, reporting a bad one (rejected) or one of another chain (skipped). */
    Optional<Address> address(int line, Optional<String> currency, String text) {
        try {
            return Optional.of(AddressParser.parse(currency, text));
        } catch (AddressParser.UnsupportedChain e) {
            skip(line, e.getMessage());
        } catch (CordonException e) {
            reject(line, e.getMessage());
        }
        return Optional.empty();
    }

    /** Runs {@code body}, turning a {@link CordonException} into a rejection of the row. */
    void guard(int line, Runnable body) {
        try {
            body.run();
        } catch (CordonException e) {
            reject(line, e.getMessage());
        }
    }

    ParsedList finish(DatasetInfo dataset, boolean complete) {
        LabelBatch batch = new LabelBatch(dataset, List.copyOf(labels.values()), List.copyOf(actors.values()), complete);
        return new ParsedList(batch, problems, rows);
    }
}
