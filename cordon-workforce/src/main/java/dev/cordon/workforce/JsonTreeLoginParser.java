package dev.cordon.workforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.JsonInput;
import dev.cordon.workforce.internal.LoginBuilder;
import java.io.InputStream;
import java.util.function.Consumer;

/** Base of the parsers that read each record as a JSON tree (formats off the throughput path). */
abstract class JsonTreeLoginParser implements LoginLogParser {
    private final LoginFormat format;
    private final LoginBuilder b = new LoginBuilder();

    JsonTreeLoginParser(LoginFormat format) {
        this.format = format;
    }

    @Override
    public final LoginFormat format() {
        return format;
    }

    @Override
    public final void parse(InputStream in, String source, Consumer<LoginEvent> sink, ParseReport report) {
        JsonInput.forEach(in, source, report, (p, line) -> {
            JsonNode n = p.readValueAsTree();
            b.reset();
            if (!read(n, b)) {
                report.ignored();
                return;
            }
            b.emit(source, line, sink, report);
        });
    }

    /**
     * Fills the builder from one record.
     *
     * @return false when the record is of a type this parser does not use
     * @throws dev.cordon.workforce.internal.RecordException when a field is unusable
     */
    abstract boolean read(JsonNode n, LoginBuilder b);
}
