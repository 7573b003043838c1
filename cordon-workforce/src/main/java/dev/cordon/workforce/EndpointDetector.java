package dev.cordon.workforce;

import dev.cordon.core.Finding;
import java.util.function.Consumer;

/** A detector over endpoint observations; state is bounded per device. Not thread-safe. */
public interface EndpointDetector {
    String name();

    void onObservation(EndpointObservation o, Consumer<Finding> out);
}
