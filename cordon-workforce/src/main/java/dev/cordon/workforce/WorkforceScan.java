package dev.cordon.workforce;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Finding;
import dev.cordon.core.ManualClock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A scan of files: HR records, login logs (any supported format, sniffed per file unless named),
 * endpoint inventories. Logins of all files are replayed in event-time order through a
 * {@link WorkforceEngine} whose clock follows the replay, then profiles are evaluated and people
 * scored.
 */
public final class WorkforceScan {
    /**
     * @param logs        login log files
     * @param format      the logs' format, or empty to sniff each file
     * @param endpoints   endpoint inventories (.csv: cordon CSV; otherwise osquery JSON)
     * @param hr          HR/payroll CSV
     * @param cityDb      MaxMind City database
     * @param asnDb       MaxMind ASN database
     * @param networkList user VPN/hosting/office list added to the bundled ones
     */
    public record Inputs(List<Path> logs, Optional<LoginFormat> format, List<Path> endpoints, Optional<Path> hr,
                         Optional<Path> cityDb, Optional<Path> asnDb, Optional<Path> networkList) {
        public Inputs {
            logs = List.copyOf(logs);
            endpoints = List.copyOf(endpoints);
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(hr, "hr");
            Objects.requireNonNull(cityDb, "cityDb");
            Objects.requireNonNull(asnDb, "asnDb");
            Objects.requireNonNull(networkList, "networkList");
        }
    }

    /** What a scan found and read. */
    public record Result(List<PersonRisk> people, List<Finding> findings, ParseReport report, long logins,
                         long observations, int accounts, int hrRecords, List<String> detectors) {
        public Result {
            people = List.copyOf(people);
            findings = List.copyOf(findings);
            detectors = List.copyOf(detectors);
        }
    }

    private WorkforceScan() {
    }

    /**
     * @param progress told the number of logins replayed so far
     * @throws CordonException for missing files ({@link ErrorCode#IO}) and unreadable inputs ({@link ErrorCode#DATA})
     */
    public static Result run(Inputs in, WorkforceSettings settings, LongConsumer progress) {
        ParseReport report = new ParseReport();
        List<HrRecord> hrRecords = new ArrayList<>();
        in.hr().ifPresent(p -> read(p, s -> new HrCsvParser().parse(s, p.toString(), hrRecords::add, report)));
        HrDirectory hr = HrDirectory.of(hrRecords);
        List<LoginEvent> events = new ArrayList<>();
        for (Path p : in.logs()) {
            LoginFormat f = in.format().orElseGet(() -> sniff(p));
            read(p, s -> f.parser().parse(s, p.toString(), events::add, report));
        }
        events.sort(Comparator.comparingLong(LoginEvent::epochMillis));
        NetworkLists lists = in.networkList().map(NetworkLists::bundledWith).orElseGet(NetworkLists::bundled);
        MaxMindGeolocator geo = in.cityDb().isPresent() || in.asnDb().isPresent()
                ? MaxMindGeolocator.open(in.cityDb(), in.asnDb()) : null;
        try {
            return replay(in, settings, report, hr, events, lists, geo, progress);
        } finally {
            if (geo != null) {
                try {
                    geo.close();
                } catch (IOException e) {
                    // read-only databases; nothing is lost
                }
            }
        }
    }

    private static Result replay(Inputs in, WorkforceSettings settings, ParseReport report, HrDirectory hr,
                                 List<LoginEvent> events, NetworkLists lists, MaxMindGeolocator geo, LongConsumer progress) {
        ManualClock clock = new ManualClock(events.isEmpty() ? Instant.EPOCH : events.get(events.size() - 1).time());
        if (!events.isEmpty()) {
            clock.set(events.get(0).time());
        }
        List<Finding> findings = new ArrayList<>();
        Enricher enricher = new Enricher(Optional.ofNullable(geo), lists);
        WorkforceEngine engine = new WorkforceEngine(settings, enricher, hr, RmmCatalogue.bundled(), clock, findings::add);
        long n = 0;
        for (LoginEvent e : events) {
            clock.set(e.time());
            engine.onLogin(e);
            if (++n % 65_536 == 0) {
                progress.accept(n);
            }
        }
        progress.accept(n);
        for (Path p : in.endpoints()) {
            EndpointParser parser = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? new EndpointCsvParser() : new OsqueryResultsParser();
            read(p, s -> parser.parse(s, p.toString(), engine::onObservation, report));
        }
        engine.flush();
        List<PersonRisk> people = new RiskScorer(settings.scoring()).score(findings, hr, engine.deviceAccounts());
        return new Result(people, findings, report, engine.loginCount(), engine.observationCount(),
                engine.accountCount(), hr.size(), engine.detectorNames());
    }


    private interface StreamReader {
        void read(InputStream in);
    }

    private static void read(Path p, StreamReader r) {
        if (!Files.isRegularFile(p)) {
            throw new CordonException(ErrorCode.IO, "no such file: " + p);
        }
        try (InputStream s = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
            r.read(s);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static LoginFormat sniff(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new CordonException(ErrorCode.IO, "no such file: " + p);
        }
        byte[] head = new byte[65_536];
        int len;
        try (InputStream s = Files.newInputStream(p)) {
            len = s.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + p + ": " + e.getMessage(), e);
        }
        try {
            return LoginFormat.sniff(head, len);
        } catch (CordonException e) {
            throw new CordonException(e.code(), p + ": " + e.getMessage());
        }
    }
}
