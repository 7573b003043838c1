package dev.cordon.workforce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a parser did with its input: records accepted, lines skipped as malformed (with where and
 * why), and records ignored because they are of a type the parser does not use (a log-out, a
 * system event). Keeps the first {@value #MAX_KEPT} skipped lines; counts all. Not thread-safe.
 */
public final class ParseReport {
    /** How many skipped lines are kept with their reason. */
    public static final int MAX_KEPT = 200;

    /** One line that could not be used. */
    public record Skipped(String source, long line, String reason) {
        public Skipped {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return source + ":" + line + ": " + reason;
        }
    }

    private final List<Skipped> kept = new ArrayList<>();
    private long accepted;
    private long skipped;
    private long ignored;

    public void accepted() {
        accepted++;
    }

    public void ignored() {
        ignored++;
    }

    public void skipped(String source, long line, String reason) {
        skipped++;
        if (kept.size() < MAX_KEPT) {
            kept.add(new Skipped(source, line, reason));
        }
    }

    public long acceptedCount() {
        return accepted;
    }

    public long skippedCount() {
        return skipped;
    }

    public long ignoredCount() {
        return ignored;
    }

    /** The first skipped lines, in input order. */
    public List<Skipped> skippedLines() {
        return Collections.unmodifiableList(kept);
    }

    /** Adds another report's counts and kept lines to this one. */
    public void addAll(ParseReport other) {
        accepted += other.accepted;
        ignored += other.ignored;
        skipped += other.skipped;
        for (Skipped s : other.kept) {
            if (kept.size() < MAX_KEPT) {
                kept.add(s);
            }
        }
    }
}
