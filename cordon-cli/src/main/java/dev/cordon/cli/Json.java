package dev.cordon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON output. Commands build plain maps and lists (insertion-ordered) so that the document's
 * shape is explicit in the command, not inferred from domain classes.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** A new insertion-ordered object. */
    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CordonException(ErrorCode.DATA, "cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static void print(PrintStream out, Object value) {
        out.println(write(value));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
