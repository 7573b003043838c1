package dev.cordon.workforce;

import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one login log format into {@link LoginEvent}s. Malformed records are skipped and noted in
 * the report with their line; records of other event types are counted as ignored; the rest of the
 * input is still read. Implementations are not thread-safe; use one per thread.
 */
public interface LoginLogParser {
    /** The format this parser reads. */
    LoginFormat format();

    /**
     * Parses the whole stream, passing each event to {@code sink} in input order.
     *
     * @param source name used in reports and evidence (usually the file name)
     * @throws dev.cordon.core.DecodeException when the input cannot be read at all (I/O failure);
     *                                         never for a malformed record
     */
    void parse(InputStream in, String source, Consumer<LoginEvent> sink, ParseReport report);
}
