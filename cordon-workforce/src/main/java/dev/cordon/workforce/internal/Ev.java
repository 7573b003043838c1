package dev.cordon.workforce.internal;

import dev.cordon.core.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds evidence lists: {@code Ev.of("ip", ip, "country", c)}; empty values are left out. */
public final class Ev {
    private Ev() {
    }

    public static List<Evidence> of(String... nameValue) {
        if (nameValue.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        List<Evidence> out = new ArrayList<>(nameValue.length / 2);
        for (int i = 0; i < nameValue.length; i += 2) {
            if (nameValue[i + 1] != null && !nameValue[i + 1].isEmpty()) {
                out.add(new Evidence(nameValue[i], nameValue[i + 1]));
            }
        }
        return out;
    }

    public static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** Where a log record came from: {@code file:line}. */
    public static String at(String source, long line) {
        return line > 0 ? source + ":" + line : source;
    }
}
