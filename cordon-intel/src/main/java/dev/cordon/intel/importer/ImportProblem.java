package dev.cordon.intel.importer;

import java.util.Locale;
import java.util.Objects;

/**
 * Something wrong with one row, tag or record of an imported file. The rest of the file is
 * still imported.
 *
 * @param file    the file (or resource) name
 * @param line    1-based line where the row starts; 0 when the problem is about the whole file
 * @param kind    what happened to the row
 * @param message what is wrong, for a human
 */
public record ImportProblem(String file, int line, Kind kind, String message) {
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** What became of the row. */
    public enum Kind {
        /** Invalid (bad checksum, unknown category, missing field): not imported. */
        REJECTED,
        /** Valid but out of scope (a chain cordon does not handle): not imported. */
        SKIPPED,
        /** The same label again in the same file: imported once. */
        DUPLICATE,
        /** Imported, with a remark (a header field missing and defaulted). */
        WARNING
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + kind.name().toLowerCase(Locale.ROOT) + ": " + message;
    }
}
