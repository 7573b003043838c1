package dev.cordon.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.workforce.Geo;
import dev.cordon.workforce.GeoSource;
import dev.cordon.workforce.IpFacts;
import dev.cordon.workforce.IpGeolocator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpFactsCacheTest {
    /** A database in memory that counts its lookups and can be replaced in place. */
    static final class Database implements IpGeolocator {
        Map<String, IpFacts> facts = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        long generation;

        @Override
        public IpFacts lookup(InetAddress address) {
            asked.add(address.getHostAddress());
            return facts.getOrDefault(address.getHostAddress(), IpFacts.NONE);
        }

        @Override
        public long generation() {
            return generation;
        }
    }

    static IpFacts facts(String country, long asn) {
        return new IpFacts(new Geo(country, "", 1, 2, 10, GeoSource.MAXMIND), asn, "AS" + asn);
    }

    @Test
    void lookup_repeatedAddresses_databaseAskedOncePerAddress() {
        Database db = new Database();
        db.facts.put("81.2.69.142", facts("GB", 2856));
        db.facts.put("2001:218:0:0:0:0:0:1", facts("JP", 2914));
        IpFactsCache cache = new IpFactsCache(db);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.lookup(Ip.parse("81.2.69.142"))).isEqualTo(facts("GB", 2856));
            assertThat(cache.lookup(Ip.parse("2001:218::1"))).isEqualTo(facts("JP", 2914));
            assertThat(cache.lookup(Ip.parse("8.8.8.8"))).isEqualTo(IpFacts.NONE);
        }
        assertThat(db.asked).containsExactly("81.2.69.142", "2001:218:0:0:0:0:0:1", "8.8.8.8");
    }

    @Test
    void lookup_databaseReplaced_notAnsweredFromOldOne() {
        Database db = new Database();
        db.facts.put("81.2.69.142", facts("GB", 2856));
        IpFactsCache cache = new IpFactsCache(db);
        assertThat(cache.lookup(Ip.parse("81.2.69.142"))).isEqualTo(facts("GB", 2856));
        db.facts = Map.of("81.2.69.142", facts("IE", 5466));
        db.generation = 1;
        assertThat(cache.lookup(Ip.parse("81.2.69.142"))).isEqualTo(facts("IE", 5466));
        assertThat(cache.lookup(Ip.parse("81.2.69.142"))).isEqualTo(facts("IE", 5466));
        assertThat(db.asked).containsExactly("81.2.69.142", "81.2.69.142");
    }

    @Test
    void lookup_manyAddresses_eachItsOwnAnswer() {
        Database db = new Database();
        for (int i = 0; i < 40_000; i++) {
            db.facts.put("10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255), facts("US", i + 1));
        }
        IpFactsCache cache = new IpFactsCache(db);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 40_000; i++) {
                Ip ip = Ip.parse("10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255));
                assertThat(cache.lookup(ip).asn()).isEqualTo(i + 1);
            }
        }
    }
}
