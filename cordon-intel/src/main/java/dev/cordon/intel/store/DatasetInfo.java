package dev.cordon.intel.store;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One imported list and its latest import.
 *
 * @param id         stable dataset id ({@code ofac-sdn}, {@code tagpack:lazarus}); re-importing the
 *                   same id updates validity of that list's labels
 * @param title      human title
 * @param source     URI or file the latest version was read from
 * @param licence    licence of the data ({@code public domain}, {@code MIT}); may be empty
 * @param version    the list's own version or date, when it has one; may be empty
 * @param importedAt when the latest version was imported
 * @param open       labels of this dataset currently open
 * @param closed     labels of this dataset closed by a newer version
 */
public record DatasetInfo(String id, String title, String source, String licence, String version,
                          Instant importedAt, long open, long closed) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/\\-]{0,199}");

    public DatasetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(importedAt, "importedAt");
        if (!ID.matcher(id).matches()) {
            throw new CordonException(ErrorCode.USAGE,
                    "dataset id must be 1..200 of letters, digits and _ . : / - : '" + id + "'");
        }
    }

    /** A new dataset description with no counts yet. */
    public static DatasetInfo of(String id, String title, String source, String licence, String version, Instant at) {
        return new DatasetInfo(id, title, source, licence, version, at, 0, 0);
    }

    public DatasetInfo withCounts(long openCount, long closedCount) {
        return new DatasetInfo(id, title, source, licence, version, importedAt, openCount, closedCount);
    }
}
