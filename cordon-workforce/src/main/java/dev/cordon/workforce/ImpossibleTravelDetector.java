package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Durations;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.GreatCircle;
import dev.cordon.workforce.internal.Grow;
import java.time.Duration;
import java.util.Arrays;
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
 * sources does not create travel. State per account: one stripe of {@value #STRIDE} longs in a
 * single array (time, IP key, latitude and longitude as two floats, radius/country/anonymising
 * flag, time of the last finding), so that a login touches one or two adjacent cache lines, plus a
 * reference to the last IP text, written on update and read only for evidence.
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

    private static final int STRIDE = 5;
    private static final int LAST_MS = 0;
    private static final int IP_KEY = 1;
    private static final int LAT_LON = 2;
    private static final int META = 3;
    private static final int LAST_EMIT = 4;
    /** {@link #META} of an account never seen: radius 0, country -1, not anonymising. */
    private static final long META_NONE = 0xFFFFL << 16;

    private long[] state = new long[0];
    private String[] ip = new String[0];

    public ImpossibleTravelDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public int touch(int a, EnrichedLogin l) {
        return touch(state, a * STRIDE, STRIDE);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        LoginEvent e = l.event();
        if (!l.geo().hasPoint() || (e.outcome() == Outcome.FAILURE && !params.includeFailures())) {
            return;
        }
        ensure(a);
        int base = a * STRIDE;
        long t = e.epochMillis();
        long last = state[base + LAST_MS];
        if (last != Long.MIN_VALUE && l.ipKey() != state[base + IP_KEY]) {
            compare(a, base, l, out);
        }
        if (last == Long.MIN_VALUE || t >= last) {
            Geo g = l.geo();
            state[base + LAST_MS] = t;
            state[base + IP_KEY] = l.ipKey();
            state[base + LAT_LON] = ((long) Float.floatToRawIntBits((float) g.latitude()) << 32)
                    | (Float.floatToRawIntBits((float) g.longitude()) & 0xFFFF_FFFFL);
            short radius = (short) Math.min(Short.MAX_VALUE, g.radiusKm());
            short country = (short) Countries.code(g.country());
            long anon = l.egress().kind().anonymising() ? 1L << 32 : 0;
            state[base + META] = (radius & 0xFFFFL) | ((country & 0xFFFFL) << 16) | anon;
            ip[a] = e.ip();
        }
    }

    private void compare(int a, int base, EnrichedLogin l, Consumer<Finding> out) {
        Geo g = l.geo();
        long latLon = state[base + LAT_LON];
        long meta = state[base + META];
        float lat = Float.intBitsToFloat((int) (latLon >>> 32));
        float lon = Float.intBitsToFloat((int) latLon);
        short radius = (short) meta;
        short country = (short) (meta >>> 16);
        double km = GreatCircle.km(lat, lon, g.latitude(), g.longitude()) - radius - g.radiusKm();
        if (km < params.minDistanceKm()) {
            return;
        }
        long t = l.event().epochMillis();
        long lastMs = state[base + LAST_MS];
        long dtMs = Math.abs(t - lastMs);
        double hours = (dtMs + params.skewTolerance().toMillis()) / 3_600_000.0;
        double speed = hours > 0 ? km / hours : Double.POSITIVE_INFINITY;
        if (speed <= params.maxSpeedKmh() || t - state[base + LAST_EMIT] < params.cooldown().toMillis()) {
            return;
        }
        state[base + LAST_EMIT] = t;
        boolean viaAnon = (meta >>> 32 & 1) == 1 || l.egress().kind().anonymising();
        String prevCountry = country < 0 ? "" : Countries.iso(country);
        String account = accounts.name(a);
        String title = String.format(Locale.ROOT, "%s: %s -> %s, %.0f km in %s (%.0f km/h)%s", account,
                prevCountry.isEmpty() ? "?" : prevCountry, g.country().isEmpty() ? "?" : g.country(), km,
                Duration.ofMillis(dtMs), speed, viaAnon ? " through anonymising egress" : "");
        out.accept(finding(viaAnon ? VIA_ANONYMISER : NAME, viaAnon ? Severity.LOW : Severity.HIGH, account, l, title,
                "from_time", Ev.time(lastMs), "from_ip", ip[a], "from_country", prevCountry,
                "to_time", Ev.time(t), "to_ip", l.event().ip(), "to_country", g.country(), "to_city", g.city(),
                "distance_km", String.format(Locale.ROOT, "%.0f", km),
                "speed_kmh", String.format(Locale.ROOT, "%.0f", speed),
                "to_egress", l.egress().kind().name().toLowerCase(Locale.ROOT),
                "geo_source", g.source().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    void grow(int n) {
        int from = state.length / STRIDE;
        state = Arrays.copyOf(state, n * STRIDE);
        for (int base = from * STRIDE; base < state.length; base += STRIDE) {
            state[base + LAST_MS] = Long.MIN_VALUE;
            state[base + META] = META_NONE;
            state[base + LAST_EMIT] = Long.MIN_VALUE / 2;
        }
        ip = Grow.objects(ip, n);
    }

    @Override
    public long stateBytes() {
        return capacity() * (STRIDE * 8L + 4) + retainedStrings(ip);
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
