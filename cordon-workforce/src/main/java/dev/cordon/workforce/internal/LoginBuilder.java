package dev.cordon.workforce.internal;

import dev.cordon.workforce.Geo;
import dev.cordon.workforce.GeoSource;
import dev.cordon.workforce.LoginEvent;
import dev.cordon.workforce.NetworkHints;
import dev.cordon.workforce.Outcome;
import dev.cordon.workforce.ParseReport;
import java.util.function.Consumer;

/**
 * Collects one record's fields while parsing; reused across records by one parser.
 *
 * <p>Design notes: the location and network facts of most records repeat (one office, one ISP), so
 * the last {@value #RECENT} distinct {@link Geo} and {@link NetworkHints} values are kept in
 * direct-mapped tables and handed out again when every component is the same instance (strings the
 * parser reused) or value (numbers); a miss builds the value as before. The records are immutable,
 * so sharing them is invisible to consumers.
 */
public final class LoginBuilder {
    private static final int RECENT = 64;

    public long time = Long.MIN_VALUE;
    public String account = "";
    public String ip = "";
    public Outcome outcome = Outcome.UNKNOWN;
    public String eventType = "";
    public String deviceId = "";
    public String mfaPhone = "";
    public String userAgent = "";
    public String country = "";
    public String city = "";
    public double lat = Double.NaN;
    public double lon = Double.NaN;
    public long asn;
    public String asOrg = "";
    public boolean proxy;
    public String tunnelType = "";
    public String tunnelOperator = "";
    private final Geo[] geos = new Geo[RECENT];
    private final NetworkHints[] hints = new NetworkHints[RECENT];

    public void reset() {
        time = Long.MIN_VALUE;
        account = "";
        ip = "";
        outcome = Outcome.UNKNOWN;
        eventType = "";
        deviceId = "";
        mfaPhone = "";
        userAgent = "";
        country = "";
        city = "";
        lat = Double.NaN;
        lon = Double.NaN;
        asn = 0;
        asOrg = "";
        proxy = false;
        tunnelType = "";
        tunnelOperator = "";
    }

    /** Sets the time from text {@link Times#parse} reads; empty text leaves the time unset. */
    public void time(String text) {
        if (!text.isEmpty()) {
            time = Times.parse(text);
        }
    }

    /**
     * Builds the event, counts it as accepted in {@code report} and passes it to {@code sink}.
     *
     * @throws RecordException when the time or account is missing
     */
    public void emit(String source, long line, Consumer<LoginEvent> sink, ParseReport report) {
        LoginEvent e = build(source, line);
        report.accepted();
        sink.accept(e);
    }

    /**
     * @throws RecordException when the time or account is missing
     */
    public LoginEvent build(String source, long line) {
        if (time == Long.MIN_VALUE) {
            throw new RecordException("no event time");
        }
        String acct = Texts.account(account);
        if (acct.isEmpty()) {
            throw new RecordException("no account");
        }
        return new LoginEvent(time, acct, ip.trim(), outcome, eventType, deviceId, Texts.phone(mfaPhone), userAgent,
                geo(), hints(), source, line);
    }

    private Geo geo() {
        String iso = CountryNames.iso(country);
        boolean point = !Double.isNaN(lat) && !Double.isNaN(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
                && !(lat == 0 && lon == 0);
        if (iso.isEmpty() && !point) {
            return Geo.UNKNOWN;
        }
        String c = city.equals("-") ? "" : city;
        double la = point ? lat : Double.NaN;
        double lo = point ? lon : Double.NaN;
        int h = (iso.hashCode() * 31 + c.hashCode()) * 31 + Double.hashCode(la) * 17 + Double.hashCode(lo);
        int slot = (h ^ (h >>> 16)) & (RECENT - 1);
        Geo g = geos[slot];
        if (g != null && g.country() == iso && g.city() == c && same(g.latitude(), la) && same(g.longitude(), lo)) {
            return g;
        }
        g = new Geo(iso, c, la, lo, 0, GeoSource.IDP);
        geos[slot] = g;
        return g;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private NetworkHints hints() {
        if (asn == 0 && asOrg.isEmpty() && !proxy && tunnelType.isEmpty() && tunnelOperator.isEmpty()) {
            return NetworkHints.NONE;
        }
        long a = asn >= 0 && asn <= 0xFFFF_FFFFL ? asn : 0;
        int h = (Long.hashCode(a) * 31 + asOrg.hashCode()) * 31 + tunnelOperator.hashCode() + (proxy ? 1 : 0);
        int slot = (h ^ (h >>> 16)) & (RECENT - 1);
        NetworkHints n = hints[slot];
        if (n != null && n.asn() == a && n.asOrg() == asOrg && n.proxy() == proxy && n.tunnelType() == tunnelType
                && n.tunnelOperator() == tunnelOperator) {
            return n;
        }
        n = new NetworkHints(a, asOrg, proxy, tunnelType, tunnelOperator);
        hints[slot] = n;
        return n;
    }
}
