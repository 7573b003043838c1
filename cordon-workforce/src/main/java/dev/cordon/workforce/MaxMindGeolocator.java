package dev.cordon.workforce;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.record.Location;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Looks addresses up in MaxMind {@code .mmdb} files through MaxMind's own reader: a City (or
 * GeoLite2-City) database for country, city and coordinates with their accuracy radius, and an
 * ASN database for the autonomous system. Either may be absent. Thread-safe.
 */
public final class MaxMindGeolocator implements IpGeolocator, Closeable {
    private final Optional<DatabaseReader> city;
    private final Optional<DatabaseReader> asn;

    private MaxMindGeolocator(Optional<DatabaseReader> city, Optional<DatabaseReader> asn) {
        this.city = city;
        this.asn = asn;
    }

    /**
     * Opens the databases given; either path may be empty.
     *
     * @throws CordonException with {@link ErrorCode#IO} when a file is missing, {@link ErrorCode#DATA}
     *                         when it is not a MaxMind database of the expected type
     */
    public static MaxMindGeolocator open(Optional<Path> cityDb, Optional<Path> asnDb) {
        Optional<DatabaseReader> c = cityDb.map(p -> reader(p, "City"));
        Optional<DatabaseReader> a;
        try {
            a = asnDb.map(p -> reader(p, "ASN"));
        } catch (CordonException e) {
            c.ifPresent(MaxMindGeolocator::closeQuietly);
            throw e;
        }
        return new MaxMindGeolocator(c, a);
    }

    private static DatabaseReader reader(Path p, String expected) {
        if (!Files.isRegularFile(p)) {
            throw new CordonException(ErrorCode.IO, "GeoIP database not found: " + p);
        }
        DatabaseReader r;
        try {
            r = new DatabaseReader.Builder(p.toFile()).withCache(new CHMCache()).build();
        } catch (IOException | RuntimeException e) {
            throw new CordonException(ErrorCode.DATA, p + " is not a MaxMind database: " + e.getMessage(), e);
        }
        String type = r.getMetadata().getDatabaseType();
        if (!type.contains(expected) && !(expected.equals("City") && type.contains("Enterprise"))) {
            closeQuietly(r);
            throw new CordonException(ErrorCode.DATA, p + " is a " + type + " database, expected " + expected);
        }
        return r;
    }

    private static void closeQuietly(DatabaseReader r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // nothing more to do with a reader that failed validation
        }
    }

    @Override
    public IpFacts lookup(InetAddress address) {
        Geo geo = city.map(r -> city(r, address)).orElse(Geo.UNKNOWN);
        long number = 0;
        String org = "";
        if (asn.isPresent()) {
            try {
                Optional<AsnResponse> a = asn.get().tryAsn(address);
                if (a.isPresent() && a.get().getAutonomousSystemNumber() != null) {
                    number = a.get().getAutonomousSystemNumber();
                    org = Optional.ofNullable(a.get().getAutonomousSystemOrganization()).orElse("");
                }
            } catch (IOException | GeoIp2Exception e) {
                throw new CordonException(ErrorCode.DATA, "ASN database lookup failed: " + e.getMessage(), e);
            }
        }
        return geo == Geo.UNKNOWN && number == 0 ? IpFacts.NONE : new IpFacts(geo, number, org);
    }

    private static Geo city(DatabaseReader r, InetAddress address) {
        Optional<CityResponse> resp;
        try {
            resp = r.tryCity(address);
        } catch (IOException | GeoIp2Exception e) {
            throw new CordonException(ErrorCode.DATA, "City database lookup failed: " + e.getMessage(), e);
        }
        if (resp.isEmpty()) {
            return Geo.UNKNOWN;
        }
        CityResponse c = resp.get();
        String country = Optional.ofNullable(c.getCountry().getIsoCode()).orElse("");
        String cityName = Optional.ofNullable(c.getCity().getName()).orElse("");
        Location loc = c.getLocation();
        double lat = loc.getLatitude() == null ? Double.NaN : loc.getLatitude();
        double lon = loc.getLongitude() == null ? Double.NaN : loc.getLongitude();
        int radius = loc.getAccuracyRadius() == null ? 0 : loc.getAccuracyRadius();
        if (country.isEmpty() && Double.isNaN(lat)) {
            return Geo.UNKNOWN;
        }
        return new Geo(Geo.isCountryCode(country) ? country : "", cityName, lat, lon, radius, GeoSource.MAXMIND);
    }

    @Override
    public void close() throws IOException {
        if (city.isPresent()) {
            city.get().close();
        }
        if (asn.isPresent()) {
            asn.get().close();
        }
    }
}
