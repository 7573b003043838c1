package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Durations;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.GreatCircle;
import dev.cordon.workforce.internal.Grow;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Impossible travel: two located logins of one account whose great-circle distance, less both
 * locations' uncertainty radii, needs a speed above {@link Params#maxSpeedKmh()}. Pairs closer
 * than {@link Params#minDistanceKm()} or from the same address are ignored. When either login left
 * through VPN, hosting, proxy or Tor egress the pair is reported separately as
 * {@value #VIA_ANONYMISER} (low severity), not as travel.
 *
 * <p>Design notes: each login is compared with the latest located login of the account, in
 * arrival order; an out-of-order login is compared too but does not replace the reference. The
 * time difference is widened by {@link Params#skewTolerance()} so that clock skew between log
 * sources does not create travel. State per account: 34 bytes plus a reference to the last IP.
 */
public final class ImpossibleTravelDetector extends AccountLoginDetector<ImpossibleTravelDetector.Params> {
    public static final String NAME = "impossible-travel";
    public static final String VIA_ANONYMISER = "travel-via-anonymiser";

    /**
     * @param maxSpeedKmh     fastest plausible travel (default 900 km/h, a commercial flight)
     * @param minDistanceKm   pairs closer than this are ignored (default 50 km)
     * @param skewTolerance   added to every time difference (default 60 s)
     * @param cooldown        at most one finding per account in this time (default 1 h)
     * @param includeFailures also use failed logins (default false: a failed login does not move the user)
     */
    public record Params(double maxSpeedKmh, double minDistanceKm, Duration skewTolerance, Duration cooldown,
                         boolean includeFailures) {
        public Params {
            if (!(maxSpeedKmh > 0) || !(minDistanceKm >= 0)) {
                throw new IllegalArgumentException("maxSpeedKmh must be > 0 and minDistanceKm >= 0");
            }
            Objects.requireNonNull(skewTolerance, "skewTolerance");
            Objects.requireNonNull(cooldown, "cooldown");
            Durations.requireNonNegative("skewTolerance and cooldown must be >= 0", skewTolerance, cooldown);
        }

        public static Params defaults() {
            return new Params(900, 50, Duration.ofSeconds(60), Duration.ofHours(1), false);
        }
    }

    private long[] lastMs = new long[0];
    private float[] lat = new float[0];
    private float[] lon = new float[0];
    private short[] radius = new short[0];
    private short[] country = new short[0];
    private long[] ipKey = new long[0];
    private byte[] anon = new byte[0];
    private String[] ip = new String[0];
    private long[] lastEmit = new long[0];

    public ImpossibleTravelDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        LoginEvent e = l.event();
        if (!l.geo().hasPoint() || (e.outcome() == Outcome.FAILURE && !params.includeFailures())) {
            return;
        }
        ensure(a);
        long t = e.epochMillis();
        if (lastMs[a] != Long.MIN_VALUE && l.ipKey() != ipKey[a]) {
            compare(a, l, out);
        }
        if (lastMs[a] == Long.MIN_VALUE || t >= lastMs[a]) {
            lastMs[a] = t;
            lat[a] = (float) l.geo().latitude();
            lon[a] = (float) l.geo().longitude();
            radius[a] = (short) Math.min(Short.MAX_VALUE, l.geo().radiusKm());
            country[a] = (short) Countries.code(l.geo().country());
            ipKey[a] = l.ipKey();
            anon[a] = (byte) (l.egress().kind().anonymising() ? 1 : 0);
            ip[a] = e.ip();
        }
    }

    private void compare(int a, EnrichedLogin l, Consumer<Finding> out) {
        Geo g = l.geo();
        double km = GreatCircle.km(lat[a], lon[a], g.latitude(), g.longitude()) - radius[a] - g.radiusKm();
        if (km < params.minDistanceKm()) {
            return;
        }
        long t = l.event().epochMillis();
        long dtMs = Math.abs(t - lastMs[a]);
        double hours = (dtMs + params.skewTolerance().toMillis()) / 3_600_000.0;
        double speed = hours > 0 ? km / hours : Double.POSITIVE_INFINITY;
        if (speed <= params.maxSpeedKmh() || t - lastEmit[a] < params.cooldown().toMillis()) {
            return;
        }
        lastEmit[a] = t;
        boolean viaAnon = anon[a] == 1 || l.egress().kind().anonymising();
        String prevCountry = country[a] < 0 ? "" : Countries.iso(country[a]);
        String account = accounts.name(a);
        String title = String.format(Locale.ROOT, "%s: %s -> %s, %.0f km in %s (%.0f km/h)%s", account,
                prevCountry.isEmpty() ? "?" : prevCountry, g.country().isEmpty() ? "?" : g.country(), km,
                Duration.ofMillis(dtMs), speed, viaAnon ? " through anonymising egress" : "");
        out.accept(finding(viaAnon ? VIA_ANONYMISER : NAME, viaAnon ? Severity.LOW : Severity.HIGH, account, l, title,
                "from_time", Ev.time(lastMs[a]), "from_ip", ip[a], "from_country", prevCountry,
                "to_time", Ev.time(t), "to_ip", l.event().ip(), "to_country", g.country(), "to_city", g.city(),
                "distance_km", String.format(Locale.ROOT, "%.0f", km),
                "speed_kmh", String.format(Locale.ROOT, "%.0f", speed),
                "to_egress", l.egress().kind().name().toLowerCase(Locale.ROOT),
                "geo_source", g.source().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    void grow(int n) {
        lastMs = Grow.longs(lastMs, n, Long.MIN_VALUE);
        lastEmit = Grow.longs(lastEmit, n, Long.MIN_VALUE / 2);
        lat = Grow.floats(lat, n);
        lon = Grow.floats(lon, n);
        radius = Grow.shorts(radius, n, (short) 0);
        country = Grow.shorts(country, n, (short) -1);
        ipKey = Grow.longs(ipKey, n, 0);
        anon = Grow.bytes(anon, n);
        ip = Grow.objects(ip, n);
    }

    @Override
    public long stateBytes() {
        return capacity() * (8L + 8 + 4 + 4 + 2 + 2 + 8 + 1 + 4) + retainedStrings(ip);
    }

    static long retainedStrings(String[] s) {
        long total = 0;
        for (String x : s) {
            if (x != null) {
                total += 40 + x.length();
            }
        }
        return total;
    }
}
