package dev.cordon.intel.internal;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Dates as intelligence files write them. */
public final class Dates {
    private Dates() {
    }

    /**
     * Reads {@code 2022-04-15} (start of that day, UTC), an ISO date-time with offset, or
     * {@code 2022-04-15 10:00:00} (UTC).
     *
     * @throws CordonException with {@link ErrorCode#DATA} naming the field otherwise
     */
    public static Instant parseStart(String text, String field) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.length() == 19 && t.charAt(10) == ' ') {
                return LocalDate.parse(t.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(LocalTime.parse(t.substring(11)).toSecondOfDay());
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new CordonException(ErrorCode.DATA, field + " '" + t + "' is not a date (expected YYYY-MM-DD)");
        }
    }
}
