package dev.cordon.workforce.internal;

import dev.cordon.workforce.Geo;
import dev.cordon.workforce.GeoSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Country centres from the bundled {@code geo/country-centroids.csv}, indexed by packed country code. */
public final class CountryCentroids {
    private static final CountryCentroids INSTANCE = load();
    private final Geo[] byCode = new Geo[Countries.CODES];

    private CountryCentroids() {
    }

    public static CountryCentroids get() {
        return INSTANCE;
    }

    /** The centre of the country, or {@link Geo#UNKNOWN} when the table lacks it. */
    public Geo centroid(String country, String city) {
        int c = Countries.code(country);
        if (c < 0 || byCode[c] == null) {
            return country.isEmpty() ? Geo.UNKNOWN
                    : new Geo(country, city, Double.NaN, Double.NaN, 0, GeoSource.COUNTRY_CENTROID);
        }
        Geo g = byCode[c];
        return city.isEmpty() ? g : new Geo(g.country(), city, g.latitude(), g.longitude(), g.radiusKm(), g.source());
    }

    private static CountryCentroids load() {
        CountryCentroids t = new CountryCentroids();
        InputStream in = CountryCentroids.class.getResourceAsStream("/dev/cordon/workforce/geo/country-centroids.csv");
        Objects.requireNonNull(in, "bundled country-centroids.csv missing");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("country,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                Geo g = new Geo(f[0], "", Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                        GeoSource.COUNTRY_CENTROID);
                t.byCode[Countries.code(f[0])] = g;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bundled country-centroids.csv unreadable", e);
        }
        return t;
    }
}
