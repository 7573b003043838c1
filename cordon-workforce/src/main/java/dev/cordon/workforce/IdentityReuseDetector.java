package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Ev;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Identity and payment reuse across people or applicants: the same bank account, shipping
 * address or photo hash (HIGH) or the same personal e-mail or phone (MEDIUM) on records of
 * different persons. Each person of a shared value gets a finding naming the others. Values are
 * compared after the parser's normalisation (IBAN spacing, address punctuation, phone format).
 */
public final class IdentityReuseDetector implements RecordDetector {
    public static final String NAME = "identity-reuse";

    /** @param asOf time stamped on findings whose records carry no date (the scan's clock) */
    public record Params(Instant asOf) {
        public Params {
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    private record Field(String name, Function<HrRecord, String> value, Severity severity) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("bank_account", HrRecord::bankAccount, Severity.HIGH),
            new Field("shipping_address", HrRecord::address, Severity.HIGH),
            new Field("photo_hash", HrRecord::photoHash, Severity.HIGH),
            new Field("email", HrRecord::email, Severity.MEDIUM),
            new Field("phone", HrRecord::phone, Severity.MEDIUM));

    private final Params params;

    public IdentityReuseDetector(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onRecords(HrDirectory records, Consumer<Finding> out) {
        for (Field f : FIELDS) {
            Map<String, List<HrRecord>> byValue = new LinkedHashMap<>();
            for (HrRecord r : records.records()) {
                String v = f.value().apply(r);
                if (!v.isEmpty()) {
                    byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                }
            }
            byValue.forEach((value, rs) -> {
                if (rs.size() > 1) {
                    report(f, value, rs, out);
                }
            });
        }
    }

    private void report(Field f, String value, List<HrRecord> rs, Consumer<Finding> out) {
        for (HrRecord r : rs) {
            List<String> others = new ArrayList<>();
            for (HrRecord o : rs) {
                if (o != r) {
                    others.add(o.person() + " (" + o.name() + ", " + o.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
                }
            }
            out.accept(new Finding(NAME, f.severity(), Subjects.person(r.person()), time(r),
                    r.person() + " (" + r.name() + "): " + f.name().replace('_', ' ') + " also on " + String.join(", ", others),
                    Ev.of("field", f.name(), "value", value, "other_records", String.join("; ", others),
                            "record", Ev.at(r.source(), r.line())),
                    List.of(r.source())));
        }
    }

    private Instant time(HrRecord r) {
        LocalDate d = r.bankChanged().or(r::hired).orElse(null);
        return d == null ? params.asOf() : d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
