package dev.cordon.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real-world actor behind addresses: an exchange, a mixer, a sanctioned group (GraphSense's
 * actor model).
 *
 * @param id            stable lowercase id ({@code lazarusgroup}, {@code ofac-sdn-27307})
 * @param label         display name
 * @param categories    what the actor is or does
 * @param jurisdictions ISO 3166 country codes
 * @param uri           home page or reference, when known
 * @param aliases       other ids or names it goes by
 * @param source        where the actor record comes from
 */
public record Actor(String id, String label, List<Category> categories, List<String> jurisdictions,
                    Optional<String> uri, List<String> aliases, String source) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.:\\-]{0,127}");

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(source, "source");
        if (!ID.matcher(id).matches()) {
            throw new CordonException(ErrorCode.DATA, "actor id must be 1..128 of a-z 0-9 _ . : - starting with a letter or digit: '" + id + "'");
        }
        if (label.isBlank()) {
            throw new CordonException(ErrorCode.DATA, "actor " + id + " has an empty label");
        }
        categories = List.copyOf(categories);
        jurisdictions = List.copyOf(jurisdictions);
        aliases = List.copyOf(aliases);
    }
}
