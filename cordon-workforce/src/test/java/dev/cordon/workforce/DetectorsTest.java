package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Finding;
import dev.cordon.core.ManualClock;
import dev.cordon.core.Severity;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectorsTest {
    static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    final Accounts accounts = new Accounts();
    Enricher enricher = new Enricher(Optional.empty(), NetworkLists.bundled());
    final List<Finding> out = new ArrayList<>();

    void feed(LoginDetector d, LoginEvent e) {
        d.onLogin(accounts.id(e.account()), enricher.enrich(e), out::add);
    }

    static LoginEvent login(String account, Instant t, String ip, Geo geo) {
        return new LoginEvent(t.toEpochMilli(), account, ip, Outcome.SUCCESS, "", "", "", "", geo, NetworkHints.NONE, "t", 1);
    }

    static Geo at(String country, double lat, double lon) {
        return new Geo(country, "", lat, lon, 0, GeoSource.IDP);
    }

    @Test
    void impossibleTravel_rbaSample_norwayThenAustralia13sLater() throws Exception {
        List<LoginEvent> ev = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/dev/cordon/workforce/rba/rba-dataset-head18.csv")) {
            new LoginCsvParser().parse(in, "rba-dataset-head18.csv", ev::add, new ParseReport());
        }
        assertThat(ev).hasSize(19);
        enricher = new Enricher(Optional.empty(), NetworkLists.empty());
        ImpossibleTravelDetector d = new ImpossibleTravelDetector(
                new ImpossibleTravelDetector.Params(900, 50, Duration.ZERO, Duration.ofHours(1), true), accounts);
        ev.forEach(e -> feed(d, e));
        Finding f = out.get(0);
        assertThat(f.detector()).isEqualTo(ImpossibleTravelDetector.NAME);
        assertThat(f.subject()).isEqualTo("account:-4324475583306591935");
        assertThat(f.time()).isEqualTo(Instant.parse("2020-02-03T12:43:43.549Z"));
        assertThat(f.evidence()).contains(new dev.cordon.core.Evidence("from_country", "NO"),
                new dev.cordon.core.Evidence("to_country", "AU"), new dev.cordon.core.Evidence("to_ip", "194.87.207.6"));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        // 194.87.207.6 is on the bundled data-centre list: with the lists, the pair is egress, not travel
        out.clear();
        enricher = new Enricher(Optional.empty(), NetworkLists.bundled());
        ImpossibleTravelDetector withLists = new ImpossibleTravelDetector(
                new ImpossibleTravelDetector.Params(900, 50, Duration.ZERO, Duration.ofHours(1), true), accounts);
        ev.forEach(e -> withLists.onLogin(accounts.id(e.account()), enricher.enrich(e), out::add));
        assertThat(out.get(0).detector()).isEqualTo(ImpossibleTravelDetector.VIA_ANONYMISER);
        assertThat(out.get(0).evidence()).contains(new dev.cordon.core.Evidence("to_egress", "hosting"));
    }

    @Test
    void impossibleTravel_sameIpShortHopAndVpn_handledApart() {
        ImpossibleTravelDetector d = new ImpossibleTravelDetector(ImpossibleTravelDetector.Params.defaults(), accounts);
        feed(d, login("a", T0, "81.2.69.142", at("GB", 51.5, -0.1)));
        feed(d, login("a", T0.plusSeconds(60), "81.2.69.142", at("US", 40.7, -74.0)));
        feed(d, login("a", T0.plusSeconds(120), "81.2.69.143", at("US", 40.75, -74.0)));
        assertThat(out).isEmpty();
        feed(d, login("a", T0.plusSeconds(180), "2.26.157.10", at("JP", 35.7, 139.7)));
        assertThat(out).singleElement().extracting(Finding::detector).isEqualTo(ImpossibleTravelDetector.VIA_ANONYMISER);
    }

    @Test
    void countryWindowAndNewCountry_thresholdsAndLearning() {
        CountryWindowDetector w = new CountryWindowDetector(CountryWindowDetector.Params.defaults(), accounts);
        NewCountryDetector n = new NewCountryDetector(NewCountryDetector.Params.defaults(), accounts);
        for (LoginEvent e : List.of(login("b", T0, "81.2.69.142", at("GB", 51.5, -0.1)),
                login("b", T0.plus(Duration.ofDays(15)), "89.160.20.112", at("SE", 58.4, 15.6)),
                login("b", T0.plus(Duration.ofDays(15)).plusSeconds(3600), "175.16.199.5", at("CN", 43.9, 125.3)),
                login("b", T0.plus(Duration.ofDays(15)).plusSeconds(7200), "81.2.69.142", at("GB", 51.5, -0.1)))) {
            feed(w, e);
            feed(n, e);
        }
        assertThat(out).extracting(Finding::detector).containsExactly("new-country", "new-country", "many-countries");
    }

    @Test
    void sharedAccess_deviceAcrossAccounts_bothReportedOnce() {
        SharedAccessDetector d = new SharedAccessDetector(SharedAccessDetector.Params.defaults(), accounts);
        for (int i = 0; i < 3; i++) {
            for (String a : List.of("c1", "c2")) {
                feed(d, new LoginEvent(T0.plusSeconds(i * 60L).toEpochMilli(), a, "", Outcome.SUCCESS, "", "dev-X", "", "",
                        Geo.UNKNOWN, NetworkHints.NONE, "t", 1));
            }
        }
        assertThat(out).extracting(Finding::subject).containsExactlyInAnyOrder("account:c1", "account:c2");
        assertThat(out).allMatch(f -> f.severity() == Severity.HIGH);
    }

    @Test
    void continuousActivity_roundTheClock_mediumThenHigh() {
        ContinuousActivityDetector d = new ContinuousActivityDetector(ContinuousActivityDetector.Params.defaults(), accounts);
        for (int m = 0; m <= 26 * 60; m += 30) {
            feed(d, login("d", T0.plusSeconds(m * 60L), "81.2.69.142", Geo.UNKNOWN));
        }
        assertThat(out).extracting(Finding::severity).containsExactly(Severity.MEDIUM, Severity.HIGH);
    }

    @Test
    void workingHours_kstWorkdayForChicagoClaim_high() {
        ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(30)));
        HrRecord r = new HrRecord("P1", "X", HrRecord.Status.EMPLOYEE, List.of("e"), List.of(), "US",
                Optional.of(ZoneId.of("America/Chicago")), "", "", "", "", "", Optional.empty(), Optional.empty(), "hr", 2);
        WorkingHoursDetector d = new WorkingHoursDetector(WorkingHoursDetector.Params.defaults(), accounts,
                HrDirectory.of(List.of(r)), clock);
        for (int day = 0; day < 10; day++) {
            for (int h = 0; h < 9; h++) {
                feed(d, login("e", T0.plus(Duration.ofDays(day)).plusSeconds(h * 3600L + 600), "81.2.69.142", Geo.UNKNOWN));
            }
        }
        d.flush(out::add);
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).contains(new dev.cordon.core.Evidence("best_fit_offset", "+9"));
        });
    }

    @Test
    void endpointDetectors_kvmRmmAllowListAndLocale() {
        HrDirectory hr = new HrDirectory();
        IpKvmDetector kvm = new IpKvmDetector(IpKvmDetector.Params.defaults());
        RemoteAccessToolDetector rmm = new RemoteAccessToolDetector(new RemoteAccessToolDetector.Params(Set.of("TeamViewer")),
                RmmCatalogue.bundled());
        LocaleDetector loc = new LocaleDetector(LocaleDetector.Params.defaults(), hr);
        List<EndpointObservation> obs = List.of(
                usb(new UsbDevice(0x1d6b, 0x0104, "tinypilot", "Multifunction USB Device", "1", 3, 1)),
                usb(new UsbDevice(0x0781, 0x5567, "Acme", "Combo", "S1", 3, 1)),
                usb(new UsbDevice(0x0781, 0x5567, "Acme", "Combo", "S1", 8, 80)),
                obs(EndpointObservation.Kind.PROCESS, "TeamViewer.exe"), obs(EndpointObservation.Kind.PROCESS, "AnyDesk.exe"),
                obs(EndpointObservation.Kind.DOMAIN, "boot.net.anydesk.com"), obs(EndpointObservation.Kind.SOFTWARE, "RustDesk 1.2"),
                obs(EndpointObservation.Kind.LOCALE, "ko_KR"));
        for (EndpointObservation o : obs) {
            kvm.onObservation(o, out::add);
            rmm.onObservation(o, out::add);
            loc.onObservation(o, out::add);
        }
        assertThat(out).extracting(f -> f.detector() + ":" + f.severity()).containsExactly("ip-kvm:CRITICAL", "ip-kvm:HIGH",
                "remote-access-tool:MEDIUM", "remote-access-tool:MEDIUM", "locale:MEDIUM");
        assertThat(rmm.sanctionedCount()).isEqualTo(1);
        assertThat(RmmCatalogue.bundled().toolCount()).isGreaterThan(250);
    }

    @Test
    void recordDetectors_sharedBankAndEarlyChange() {
        HrRecord a = hr("P1", "GB00BANK1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 10));
        HrRecord b = hr("P2", "GB00BANK1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1));
        HrRecord c = hr("P3", "GB00BANK2", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2));
        HrDirectory d = HrDirectory.of(List.of(a, b, c));
        new IdentityReuseDetector(new IdentityReuseDetector.Params(T0)).onRecords(d, out::add);
        new PayrollChangeDetector(PayrollChangeDetector.Params.defaults()).onRecords(d, out::add);
        assertThat(out).extracting(f -> f.detector() + " " + f.subject()).containsExactly("identity-reuse person:P1",
                "identity-reuse person:P2", "payroll-change person:P1", "payroll-change person:P3");
    }

    private static HrRecord hr(String id, String bank, LocalDate hired, LocalDate changed) {
        return new HrRecord(id, id, HrRecord.Status.EMPLOYEE, List.of(), List.of(), "", Optional.empty(), "", "", bank, "", "",
                Optional.of(hired), Optional.of(changed), "hr", 1);
    }

    private static EndpointObservation usb(UsbDevice u) {
        return new EndpointObservation(T0.toEpochMilli(), "LT-1", "a", EndpointObservation.Kind.USB, "", "", u, "ep", 1);
    }

    private static EndpointObservation obs(EndpointObservation.Kind k, String name) {
        return new EndpointObservation(T0.toEpochMilli(), "LT-1", "a", k, name, "", UsbDevice.NONE, "ep", 1);
    }
}
