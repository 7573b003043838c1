package dev.cordon.workforce.internal;

import dev.cordon.workforce.Geo;
import dev.cordon.workforce.GeoSource;
import dev.cordon.workforce.LoginEvent;
import dev.cordon.workforce.NetworkHints;
import dev.cordon.workforce.Outcome;
import dev.cordon.workforce.ParseReport;
import java.util.function.Consumer;

/** Collects one record's fields while parsing; reused across records by one parser. */
public final class LoginBuilder {
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
        return new Geo(iso, c, point ? lat : Double.NaN, point ? lon : Double.NaN, 0, GeoSource.IDP);
    }

    private NetworkHints hints() {
        if (asn == 0 && asOrg.isEmpty() && !proxy && tunnelType.isEmpty() && tunnelOperator.isEmpty()) {
            return NetworkHints.NONE;
        }
        return new NetworkHints(asn >= 0 && asn <= 0xFFFF_FFFFL ? asn : 0, asOrg, proxy, tunnelType, tunnelOperator);
    }
}
