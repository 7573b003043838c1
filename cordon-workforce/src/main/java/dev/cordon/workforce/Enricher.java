package dev.cordon.workforce;

import dev.cordon.workforce.internal.CountryCentroids;
import dev.cordon.workforce.internal.Ip;
import dev.cordon.workforce.internal.IpFactsCache;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds location and network class to logins.
 *
 * <p>Location precedence: a MaxMind City database when one is supplied and knows the address
 * (one consistent source for all providers); else the location the identity provider wrote into
 * the log; else, when only a country is known, that country's centre with a wide radius. Private
 * addresses are never located by database. AS number: the ASN database, else the provider's.
 * Database answers are remembered per address ({@link IpFactsCache}: bounded, and renewed when the
 * geolocator's {@link IpGeolocator#generation()} changes). Thread-safe when the geolocator is.
 */
public final class Enricher {
    private final Optional<IpFactsCache> lookups;
    private final NetworkLists lists;
    private final CountryCentroids centroids = CountryCentroids.get();

    public Enricher(Optional<IpGeolocator> geolocator, NetworkLists lists) {
        this.lookups = Objects.requireNonNull(geolocator, "geolocator").map(IpFactsCache::new);
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    public EnrichedLogin enrich(LoginEvent e) {
        Ip ip = Ip.parse(e.ip());
        IpFacts facts = IpFacts.NONE;
        if (ip != null && !ip.isPrivate() && lookups.isPresent()) {
            facts = lookups.get().lookup(ip);
        }
        Geo geo = pickGeo(facts.geo(), e.geo(), ip != null && ip.isPrivate());
        long asn = facts.asn() != 0 ? facts.asn() : e.hints().asn();
        String asOrg = !facts.asOrg().isEmpty() ? facts.asOrg() : e.hints().asOrg();
        Egress egress = lists.classify(ip, asn, asOrg, e.hints());
        return new EnrichedLogin(e, geo, egress, asn, asOrg, ip == null ? 0 : ip.key());
    }

    private Geo pickGeo(Geo db, Geo idp, boolean privateIp) {
        if (db.hasPoint()) {
            return db;
        }
        if (idp.hasPoint()) {
            return idp;
        }
        String country = db.hasCountry() ? db.country() : idp.country();
        String city = !db.city().isEmpty() ? db.city() : idp.city();
        if (country.isEmpty()) {
            return Geo.UNKNOWN;
        }
        if (privateIp && !idp.hasCountry()) {
            return Geo.UNKNOWN;
        }
        return centroids.centroid(country, city);
    }
}
