package dev.cordon.workforce;

import java.io.InputStream;
import java.util.function.Consumer;

/** Reads an endpoint inventory into {@link EndpointObservation}s; contract as {@link LoginLogParser}. */
public interface EndpointParser {
    /**
     * @throws dev.cordon.core.DecodeException when the input cannot be read at all; never for a
     *                                         malformed record
     */
    void parse(InputStream in, String source, Consumer<EndpointObservation> sink, ParseReport report);
}
