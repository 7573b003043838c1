package dev.cordon.intel.trace;

import dev.cordon.core.Category;
import java.util.Objects;

/**
 * A labelled service where a forward trace stops (an exchange, bridge, mixer or DEX: value that
 * lands there can be frozen or must be followed with the service's help), or a labelled source
 * a backward trace reports.
 *
 * @param entity the service's name ({@code Binance})
 */
public record Endpoint(String entity, Category category) {
    public Endpoint {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(category, "category");
        if (entity.isBlank()) {
            throw new IllegalArgumentException("endpoint entity must not be blank");
        }
    }
}
