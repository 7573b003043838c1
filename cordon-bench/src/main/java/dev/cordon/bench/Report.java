package dev.cordon.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one benchmark run, in the order they were added. Printed as aligned lines, or
 * as one JSON object with {@code --json}.
 */
public final class Report {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public Report(String benchmark) {
        figures.put("benchmark", benchmark);
        figures.put("machine", Machine.describe());
    }

    public Report put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** Rounds a figure to three significant decimals for printing. */
    public static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public void print(PrintStream out, boolean json) {
        if (json) {
            try {
                out.println(MAPPER.writeValueAsString(figures));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        int w = figures.keySet().stream().mapToInt(String::length).max().orElse(0);
        figures.forEach((k, v) -> out.println(k + " ".repeat(w - k.length() + 2) + v));
    }
}
