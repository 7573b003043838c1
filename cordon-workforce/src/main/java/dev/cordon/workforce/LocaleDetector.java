package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Ev;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A system locale or keyboard layout in a flagged language (Korean by default) on a device whose
 * person does not claim a country where it is spoken. MEDIUM; one finding per device and locale.
 */
public final class LocaleDetector implements EndpointDetector {
    public static final String NAME = "locale";

    /**
     * @param languages lower-case ISO 639-1 language codes to flag (default {@code ko})
     * @param countries countries whose residents use those languages normally (default {@code KR})
     */
    public record Params(Set<String> languages, Set<String> countries) {
        public Params {
            languages = Set.copyOf(languages);
            countries = Set.copyOf(countries);
        }

        public static Params defaults() {
            return new Params(Set.of("ko"), Set.of("KR"));
        }
    }

    private final Params params;
    private final HrDirectory hr;
    private final Set<String> reported = new HashSet<>();

    public LocaleDetector(Params params, HrDirectory hr) {
        this.params = Objects.requireNonNull(params, "params");
        this.hr = Objects.requireNonNull(hr, "hr");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onObservation(EndpointObservation o, Consumer<Finding> out) {
        if (o.kind() != EndpointObservation.Kind.LOCALE) {
            return;
        }
        String tag = o.name().trim().replace('_', '-').toLowerCase(Locale.ROOT);
        String lang = tag.split("-", 2)[0];
        if (!params.languages().contains(lang) && !tag.startsWith("korean")) {
            return;
        }
        Optional<HrRecord> r = hr.byDevice(o.device()).or(() -> hr.byAccount(o.account()));
        if (r.isPresent() && params.countries().contains(r.get().country())) {
            return;
        }
        if (!reported.add(o.device() + "\u0000" + tag)) {
            return;
        }
        out.accept(new Finding(NAME, Severity.MEDIUM, Subjects.device(o.device()), Instant.ofEpochMilli(o.epochMillis()),
                o.device() + ": locale " + o.name() + (r.isPresent() ? " for a person claiming " + r.get().country() : ""),
                Ev.of("locale", o.name(), "account", o.account(), "claimed_country", r.map(HrRecord::country).orElse(""),
                        "record", Ev.at(o.source(), o.line())),
                List.of(o.source())));
    }
}
