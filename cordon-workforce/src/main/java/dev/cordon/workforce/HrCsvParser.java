package dev.cordon.workforce;

import dev.cordon.workforce.internal.CsvColumns;
import dev.cordon.workforce.internal.CsvInput;
import dev.cordon.workforce.internal.RecordException;
import dev.cordon.workforce.internal.Texts;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * HR, payroll and recruiting records as CSV (docs/WORKFORCE.md). Required: {@code person};
 * optional: {@code name}, {@code status} (employee, contractor, applicant; default employee),
 * {@code accounts} and {@code devices} (separated by ';' or '|'), {@code country} (claimed
 * location, ISO alpha-2), {@code time_zone} (IANA id such as {@code America/Chicago}, or an offset
 * such as {@code +02:00}), {@code email}, {@code phone}, {@code bank_account},
 * {@code shipping_address}, {@code photo_hash}, {@code hired} and {@code bank_changed}
 * (yyyy-MM-dd). A value that is present but invalid (unknown zone, bad date, bad country) skips
 * the row with its reason.
 */
public final class HrCsvParser {
    /**
     * @throws dev.cordon.core.DecodeException when the input cannot be read or has no person column
     */
    public void parse(InputStream in, String source, Consumer<HrRecord> sink, ParseReport report) {
        CsvInput.forEach(in, source, report, c -> {
            int[] col = {CsvInput.required(c, "person", "person", "person_id", "employee_id", "applicant_id"),
                c.find("name", "full_name"), c.find("status"), c.find("accounts", "account"), c.find("devices", "device"),
                c.find("country", "claimed_country"), c.find("time_zone", "timezone", "tz"), c.find("email"),
                c.find("phone"), c.find("bank_account", "iban"), c.find("shipping_address", "address"),
                c.find("photo_hash"), c.find("hired", "hire_date"), c.find("bank_changed", "bank_change_date")};
            return (row, line) -> {
                sink.accept(record(row, col, source, line));
                report.accepted();
            };
        });
    }

    private static HrRecord record(List<String> row, int[] c, String source, long line) {
        String person = CsvColumns.cell(row, c[0]);
        if (person.isEmpty()) {
            throw new RecordException("no person id");
        }
        String countryRaw = CsvColumns.cell(row, c[5]);
        String country = Texts.country(countryRaw);
        if (!countryRaw.isEmpty() && country.isEmpty()) {
            throw new RecordException("country is not an ISO alpha-2 code: " + Texts.brief(countryRaw));
        }
        return new HrRecord(person, CsvColumns.cell(row, c[1]), status(CsvColumns.cell(row, c[2])),
                Texts.list(CsvColumns.cell(row, c[3])).stream().map(Texts::account).toList(),
                Texts.list(CsvColumns.cell(row, c[4])), country, zone(CsvColumns.cell(row, c[6])),
                Texts.account(CsvColumns.cell(row, c[7])), Texts.phone(CsvColumns.cell(row, c[8])),
                Texts.bank(CsvColumns.cell(row, c[9])), Texts.address(CsvColumns.cell(row, c[10])),
                CsvColumns.cell(row, c[11]).toLowerCase(Locale.ROOT), date(CsvColumns.cell(row, c[12]), "hired"),
                date(CsvColumns.cell(row, c[13]), "bank_changed"), source, line);
    }

    private static HrRecord.Status status(String s) {
        if (s.isEmpty()) {
            return HrRecord.Status.EMPLOYEE;
        }
        try {
            return HrRecord.Status.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RecordException("status must be employee, contractor or applicant: " + Texts.brief(s));
        }
    }

    private static Optional<ZoneId> zone(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(s.startsWith("UTC") && s.length() > 3 ? s.substring(3) : s));
        } catch (java.time.DateTimeException e) {
            throw new RecordException("unknown time zone: " + Texts.brief(s));
        }
    }

    private static Optional<LocalDate> date(String s, String column) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            throw new RecordException(column + " is not a yyyy-MM-dd date: " + Texts.brief(s));
        }
    }
}
