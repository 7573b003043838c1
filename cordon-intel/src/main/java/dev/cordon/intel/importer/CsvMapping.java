package dev.cordon.intel.importer;

import dev.cordon.core.Category;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the columns of a CSV file map to label fields. By default a column is found under its
 * canonical name ({@link #FIELDS}); {@code columns} renames (canonical field to file header), and
 * {@code categoryValues} translates a file's own category words ({@code etherscan-heist-list})
 * into the taxonomy.
 */
public record CsvMapping(Map<String, String> columns, Map<String, Category> categoryValues) {
    /** The canonical column names. */
    public static final Set<String> FIELDS = Set.of("address", "tx_hash", "chain", "currency", "label", "category", "abuse",
            "actor", "source", "confidence", "valid_from", "valid_to", "note", "added_by");

    public CsvMapping {
        columns = Map.copyOf(columns);
        categoryValues = Map.copyOf(categoryValues);
        for (String f : columns.keySet()) {
            if (!FIELDS.contains(f)) {
                throw new CordonException(ErrorCode.USAGE, "unknown label field '" + f + "' in a CSV column mapping (known: "
                        + String.join(", ", new TreeSet<>(FIELDS)) + ")");
            }
        }
    }

    /** Canonical column names, no translation. */
    public static CsvMapping canonical() {
        return new CsvMapping(Map.of(), Map.of());
    }

    /** The header to look for, lowercase. */
    String header(String field) {
        return columns.getOrDefault(field, field).toLowerCase(Locale.ROOT);
    }

    /** A file's category word in the taxonomy. */
    Optional<Category> category(String value) {
        Category c = categoryValues.get(value);
        return c != null ? Optional.of(c) : Optional.of(Category.parse(value));
    }
}
