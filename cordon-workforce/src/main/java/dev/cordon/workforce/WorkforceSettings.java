package dev.cordon.workforce;

import java.util.Objects;

/**
 * Every detector's and the scorer's parameters in one place; each record validates itself and
 * has {@code defaults()}. Documented in docs/WORKFORCE.md.
 */
public record WorkforceSettings(ImpossibleTravelDetector.Params travel, CountryWindowDetector.Params countries,
                                NewCountryDetector.Params newCountry, SharedAccessDetector.Params shared,
                                ContinuousActivityDetector.Params continuous, AnonymiserEgressDetector.Params egress,
                                LocationMismatchDetector.Params location, WorkingHoursDetector.Params hours,
                                RemoteAccessToolDetector.Params rmm, IpKvmDetector.Params kvm,
                                LocaleDetector.Params locale, PayrollChangeDetector.Params payroll,
                                RiskScorer.Params scoring) {
    public WorkforceSettings {
        Objects.requireNonNull(travel, "travel");
        Objects.requireNonNull(countries, "countries");
        Objects.requireNonNull(newCountry, "newCountry");
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(continuous, "continuous");
        Objects.requireNonNull(egress, "egress");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(rmm, "rmm");
        Objects.requireNonNull(kvm, "kvm");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(payroll, "payroll");
        Objects.requireNonNull(scoring, "scoring");
    }

    public static WorkforceSettings defaults() {
        return new WorkforceSettings(ImpossibleTravelDetector.Params.defaults(), CountryWindowDetector.Params.defaults(),
                NewCountryDetector.Params.defaults(), SharedAccessDetector.Params.defaults(),
                ContinuousActivityDetector.Params.defaults(), AnonymiserEgressDetector.Params.defaults(),
                LocationMismatchDetector.Params.defaults(), WorkingHoursDetector.Params.defaults(),
                RemoteAccessToolDetector.Params.defaults(), IpKvmDetector.Params.defaults(),
                LocaleDetector.Params.defaults(), PayrollChangeDetector.Params.defaults(), RiskScorer.Params.defaults());
    }

    /** The same settings with another sanctioned-tool allow-list. */
    public WorkforceSettings withRmm(RemoteAccessToolDetector.Params p) {
        return new WorkforceSettings(travel, countries, newCountry, shared, continuous, egress, location, hours, p, kvm,
                locale, payroll, scoring);
    }
}
