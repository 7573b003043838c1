package dev.cordon.workforce.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Timestamp parsing for log fields. ISO-8601 with an offset or {@code Z} takes a fast path without
 * allocation; {@code yyyy-MM-dd HH:mm:ss[.fff]} without an offset is read as UTC; plain numbers are
 * epoch seconds (below 10^11) or epoch milliseconds.
 */
public final class Times {
    /** Earliest accepted time: 1990-01-01. */
    public static final long MIN_MILLIS = 631_152_000_000L;
    /** Latest accepted time: 2100-01-01. */
    public static final long MAX_MILLIS = 4_102_444_800_000L;

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Times() {
    }

    /**
     * @return epoch milliseconds
     * @throws IllegalArgumentException when the text is not a supported timestamp or is outside
     *                                  1990..2100
     */
    public static long parse(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        long ms;
        if (isDigits(t)) {
            if (t.length() > 15) {
                throw new IllegalArgumentException("timestamp out of range: " + t);
            }
            long v = Long.parseLong(t);
            ms = v < 100_000_000_000L ? v * 1000 : v;
        } else {
            ms = fastIso(t);
            if (ms == Long.MIN_VALUE) {
                ms = slow(t);
            }
        }
        return checkRange(ms, t);
    }

    /** Epoch seconds or milliseconds as a JSON number. */
    public static long fromNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("timestamp is not a number");
        }
        long ms = v < 1e11 ? (long) (v * 1000) : (long) v;
        return checkRange(ms, Double.toString(v));
    }

    private static long checkRange(long ms, String t) {
        if (ms < MIN_MILLIS || ms > MAX_MILLIS) {
            throw new IllegalArgumentException("timestamp out of range: " + t);
        }
        return ms;
    }

    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long slow(String t) {
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("not a timestamp: " + abbreviate(t), e2);
            }
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f+](Z|+hh:mm)}, or Long.MIN_VALUE when the text has another shape. */
    static long fastIso(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        int hour = num(s, 11, 2);
        int min = num(s, 14, 2);
        int sec = num(s, 17, 2);
        if ((year | month | day | hour | min | sec) < 0 || month < 1 || month > 12 || day < 1
                || day > daysInMonth(year, month) || hour > 23 || min > 59 || sec > 60) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int millis = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int digits = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (digits < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0) {
                return Long.MIN_VALUE;
            }
            for (int d = digits; d < 3; d++) {
                millis *= 10;
            }
        }
        int offsetSec;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSec = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = num(s, i + 1, 2);
            int om = num(s, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return Long.MIN_VALUE;
            }
            offsetSec = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return Long.MIN_VALUE;
        }
        long days = daysFromCivil(year, month, day);
        long secs = days * 86400 + hour * 3600L + min * 60L + Math.min(sec, 59) - offsetSec;
        return secs * 1000 + millis;
    }

    private static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        int yy = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(yy, 400);
        int yoe = yy - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
