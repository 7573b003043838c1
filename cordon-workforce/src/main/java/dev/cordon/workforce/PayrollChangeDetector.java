package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Ev;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * Payroll bank account changed soon after hiring ({@link Params#maxDaysAfterHire()}), the way
 * a facilitator redirects a placed worker's pay. MEDIUM.
 */
public final class PayrollChangeDetector implements RecordDetector {
    public static final String NAME = "payroll-change";

    /** @param maxDaysAfterHire a change within this many days of the hire date triggers (default 30) */
    public record Params(int maxDaysAfterHire) {
        public Params {
            if (maxDaysAfterHire < 0) {
                throw new IllegalArgumentException("maxDaysAfterHire must be >= 0");
            }
        }

        public static Params defaults() {
            return new Params(30);
        }
    }

    private final Params params;

    public PayrollChangeDetector(Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onRecords(HrDirectory records, Consumer<Finding> out) {
        for (HrRecord r : records.records()) {
            if (r.hired().isEmpty() || r.bankChanged().isEmpty()) {
                continue;
            }
            LocalDate hired = r.hired().get();
            LocalDate changed = r.bankChanged().get();
            long days = ChronoUnit.DAYS.between(hired, changed);
            if (days < 0 || days > params.maxDaysAfterHire()) {
                continue;
            }
            out.accept(new Finding(NAME, Severity.MEDIUM, Subjects.person(r.person()),
                    changed.atStartOfDay().toInstant(ZoneOffset.UTC),
                    r.person() + " (" + r.name() + "): payroll bank account changed " + days + " days after hire",
                    Ev.of("hired", hired.toString(), "bank_changed", changed.toString(), "days", Long.toString(days),
                            "bank_account", r.bankAccount(), "record", Ev.at(r.source(), r.line())),
                    List.of(r.source())));
        }
    }
}
