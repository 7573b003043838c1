package dev.cordon.workforce;

import dev.cordon.core.Clock;
import dev.cordon.core.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every workforce detector over a stream of logins and endpoint observations, with HR
 * records as context. The same object serves a file scan, a live stream or a Flink operator (one
 * per key partition): events are pushed one at a time, findings leave through the sink as soon as
 * they are known, and {@link #flush()} evaluates the profile detectors as of the injected clock.
 * Not thread-safe.
 *
 * <p>Design notes: with many accounts, a login's cost is mostly cache misses, one or two per
 * detector on the account's state. Before the detectors run, each is asked to read the state it
 * will need ({@link LoginDetector#touch}); those reads are independent, so the processor waits for
 * their misses together instead of once per detector.
 */
public final class WorkforceEngine {
    private static final int MAX_LINKS = 8;

    private final Accounts accounts = new Accounts();
    private final Enricher enricher;
    private final HrDirectory hr;
    private final Clock clock;
    private final Consumer<Finding> sink;
    private final List<LoginDetector> login;
    private final List<EndpointDetector> endpoint;
    private final List<RecordDetector> records;
    private final Map<String, Set<String>> deviceAccounts = new LinkedHashMap<>();
    private boolean recordsDone;
    private long logins;
    private long observations;
    private long outOfOrder;
    private long latest = Long.MIN_VALUE;
    /** What {@link LoginDetector#touch} read last; kept so that the reads are not left out. */
    private int touched;

    public WorkforceEngine(WorkforceSettings s, Enricher enricher, HrDirectory hr, RmmCatalogue catalogue, Clock clock,
                           Consumer<Finding> sink) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
        this.hr = Objects.requireNonNull(hr, "hr");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.login = List.of(new ImpossibleTravelDetector(s.travel(), accounts),
                new CountryWindowDetector(s.countries(), accounts), new NewCountryDetector(s.newCountry(), accounts),
                new SharedAccessDetector(s.shared(), accounts), new ContinuousActivityDetector(s.continuous(), accounts),
                new AnonymiserEgressDetector(s.egress(), accounts),
                new LocationMismatchDetector(s.location(), accounts, hr),
                new WorkingHoursDetector(s.hours(), accounts, hr, clock));
        this.endpoint = List.of(new RemoteAccessToolDetector(s.rmm(), catalogue), new IpKvmDetector(s.kvm()),
                new LocaleDetector(s.locale(), hr));
        this.records = List.of(new IdentityReuseDetector(new IdentityReuseDetector.Params(Instant.ofEpochMilli(clock.millis()))),
                new PayrollChangeDetector(s.payroll()));
        for (HrRecord r : hr.records()) {
            for (String d : r.devices()) {
                for (String a : r.accounts()) {
                    link(d, a);
                }
            }
        }
    }

    public void onLogin(LoginEvent e) {
        logins++;
        if (e.epochMillis() < latest) {
            outOfOrder++;
        } else {
            latest = e.epochMillis();
        }
        int a = accounts.id(e.account());
        EnrichedLogin l = enricher.enrich(e);
        int touched = 0;
        for (LoginDetector d : login) {
            touched += d.touch(a, l);
        }
        this.touched = touched;
        for (LoginDetector d : login) {
            d.onLogin(a, l, sink);
        }
    }

    public void onObservation(EndpointObservation o) {
        observations++;
        if (!o.account().isEmpty()) {
            link(o.device(), o.account());
        }
        for (EndpointDetector d : endpoint) {
            d.onObservation(o, sink);
        }
    }

    private void link(String device, String account) {
        Set<String> s = deviceAccounts.computeIfAbsent(device, k -> new LinkedHashSet<>());
        if (s.size() < MAX_LINKS) {
            s.add(account);
        }
    }

    /** Runs the record detectors (once) and the profile detectors as of the clock. */
    public void flush() {
        if (!recordsDone) {
            recordsDone = true;
            for (RecordDetector d : records) {
                d.onRecords(hr, sink);
            }
        }
        for (LoginDetector d : login) {
            d.flush(sink);
        }
    }

    /** Accounts seen on each device (from endpoint data and HR), at most eight per device. */
    public Map<String, Set<String>> deviceAccounts() {
        return Collections.unmodifiableMap(deviceAccounts);
    }

    public int accountCount() {
        return accounts.size();
    }

    public long loginCount() {
        return logins;
    }

    public long observationCount() {
        return observations;
    }

    /** Logins that arrived with a time earlier than one already seen. */
    public long outOfOrderCount() {
        return outOfOrder;
    }

    /** Approximate bytes of detector state. */
    public long stateBytes() {
        long n = 0;
        for (LoginDetector d : login) {
            n += d.stateBytes();
        }
        return n;
    }

    /** Names of all detectors, in order. */
    public List<String> detectorNames() {
        List<String> names = new ArrayList<>();
        login.forEach(d -> names.add(d.name()));
        endpoint.forEach(d -> names.add(d.name()));
        records.forEach(d -> names.add(d.name()));
        return names;
    }

    public Clock clock() {
        return clock;
    }
}
