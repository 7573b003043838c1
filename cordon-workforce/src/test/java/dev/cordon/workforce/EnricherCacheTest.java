package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The enricher's per-address memo of database answers, over the MaxMind test databases. */
class EnricherCacheTest {
    /** The MaxMind test databases, or nothing, as chosen; the generation says which. */
    static final class Swappable implements IpGeolocator {
        final IpGeolocator real;
        boolean off;

        Swappable(IpGeolocator real) {
            this.real = real;
        }

        @Override
        public IpFacts lookup(InetAddress address) {
            return off ? IpFacts.NONE : real.lookup(address);
        }

        @Override
        public long generation() {
            return off ? 1 : 0;
        }
    }

    @Test
    void enrich_databaseSwitchedOff_providerLocationAgain() throws Exception {
        try (MaxMindGeolocator g = EnrichmentTest.maxmind()) {
            Swappable db = new Swappable(g);
            Enricher en = new Enricher(Optional.of(db), NetworkLists.empty());
            Geo idp = new Geo("US", "Elsewhere", 40, -100, 0, GeoSource.IDP);
            LoginEvent e = new LoginEvent(1_743_494_400_000L, "a@x", "1.128.0.1", Outcome.SUCCESS, "", "", "", "", idp,
                    NetworkHints.NONE, "t", 1);
            assertThat(en.enrich(e).asn()).isEqualTo(1221);
            assertThat(en.enrich(e).asOrg()).isEqualTo("Telstra Pty Ltd");
            db.off = true;
            assertThat(en.enrich(e).asn()).isEqualTo(0);
            assertThat(en.enrich(e).geo()).isEqualTo(idp);
            db.off = false;
            assertThat(en.enrich(e).asn()).isEqualTo(1221);
        }
    }
}
