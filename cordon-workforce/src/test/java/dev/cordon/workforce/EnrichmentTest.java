package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.workforce.internal.Ip;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MaxMind test databases: networks per MaxMind-DB source-data/GeoIP2-City-Test.json and GeoLite2-ASN-Test.json. */
class EnrichmentTest {
    static Path resource(String name) throws Exception {
        return Path.of(EnrichmentTest.class.getResource("/dev/cordon/workforce/maxmind/" + name).toURI());
    }

    static MaxMindGeolocator maxmind() throws Exception {
        return MaxMindGeolocator.open(Optional.of(resource("GeoIP2-City-Test.mmdb")), Optional.of(resource("GeoLite2-ASN-Test.mmdb")));
    }

    @Test
    void lookup_knownNetworks_exactCityCountryAsn() throws Exception {
        try (MaxMindGeolocator g = maxmind()) {
            IpFacts london = g.lookup(InetAddress.getByName("81.2.69.142"));
            assertThat(london.geo().country()).isEqualTo("GB");
            assertThat(london.geo().city()).isEqualTo("London");
            assertThat(london.geo().latitude()).isEqualTo(51.5142);
            assertThat(london.geo().longitude()).isEqualTo(-0.0931);
            IpFacts linkoping = g.lookup(InetAddress.getByName("89.160.20.112"));
            assertThat(linkoping.geo().city()).isEqualTo("Linköping");
            assertThat(linkoping.geo().country()).isEqualTo("SE");
            IpFacts changchun = g.lookup(InetAddress.getByName("175.16.199.5"));
            assertThat(changchun.geo().city()).isEqualTo("Changchun");
            assertThat(changchun.geo().country()).isEqualTo("CN");
            IpFacts v6 = g.lookup(InetAddress.getByName("2001:218::1"));
            assertThat(v6.geo().country()).isEqualTo("JP");
            IpFacts telstra = g.lookup(InetAddress.getByName("1.128.0.1"));
            assertThat(telstra.asn()).isEqualTo(1221);
            assertThat(telstra.asOrg()).isEqualTo("Telstra Pty Ltd");
            assertThat(g.lookup(InetAddress.getByName("8.8.8.8"))).isEqualTo(IpFacts.NONE);
        }
    }

    @Test
    void open_wrongDatabaseType_dataError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> MaxMindGeolocator.open(Optional.of(resource("GeoLite2-ASN-Test.mmdb")), Optional.empty()))
                .isInstanceOf(CordonException.class).extracting(e -> ((CordonException) e).code()).isEqualTo(ErrorCode.DATA);
        Path junk = Files.writeString(dir.resolve("junk.mmdb"), "not a database");
        assertThatThrownBy(() -> MaxMindGeolocator.open(Optional.of(junk), Optional.empty()))
                .isInstanceOf(CordonException.class).hasMessageContaining("not a MaxMind database");
        assertThatThrownBy(() -> MaxMindGeolocator.open(Optional.of(dir.resolve("missing.mmdb")), Optional.empty()))
                .extracting(e -> ((CordonException) e).code()).isEqualTo(ErrorCode.IO);
    }

    @Test
    void enrich_databaseBeatsIdp_privateAndAbsentFallBack() throws Exception {
        try (MaxMindGeolocator g = maxmind()) {
            Enricher en = new Enricher(Optional.of(g), NetworkLists.empty());
            Geo idp = new Geo("US", "Elsewhere", 40, -100, 0, GeoSource.IDP);
            assertThat(en.enrich(event("81.2.69.142", idp)).geo().source()).isEqualTo(GeoSource.MAXMIND);
            assertThat(en.enrich(event("8.8.8.8", idp)).geo()).isEqualTo(idp);
            Geo countryOnly = new Geo("NO", "", Double.NaN, Double.NaN, 0, GeoSource.IDP);
            EnrichedLogin priv = en.enrich(event("10.0.65.171", countryOnly));
            assertThat(priv.geo().source()).isEqualTo(GeoSource.COUNTRY_CENTROID);
            assertThat(priv.egress().kind()).isEqualTo(EgressKind.PRIVATE);
            assertThat(en.enrich(event("", Geo.UNKNOWN)).geo()).isEqualTo(Geo.UNKNOWN);
        }
    }

    @Test
    void classify_bundledListsUserFileAndIdpFlags(@TempDir Path dir) throws Exception {
        NetworkLists b = NetworkLists.bundled();
        assertThat(b.classify(Ip.parse("2.26.157.10"), 0, "", NetworkHints.NONE).kind()).isEqualTo(EgressKind.VPN);
        assertThat(b.classify(Ip.parse("1.178.1.20"), 0, "", NetworkHints.NONE).kind()).isEqualTo(EgressKind.HOSTING);
        assertThat(b.classify(Ip.parse("81.2.69.142"), 9009, "M247", NetworkHints.NONE).basis()).isEqualTo("x4bnet-vpn-asn:AS9009");
        Egress astrill = b.classify(Ip.parse("81.2.69.142"), 0, "", new NetworkHints(0, "", true, "VPN", "ASTRILL_VPN"));
        assertThat(astrill.badOperator()).isTrue();
        assertThat(astrill.kind()).isEqualTo(EgressKind.VPN);
        assertThat(b.classify(Ip.parse("81.2.69.142"), 0, "", new NetworkHints(0, "", true, "", "")).kind())
                .isEqualTo(EgressKind.PROXY);
        Path f = Files.writeString(dir.resolve("net.txt"), "# mine\noffice 2.26.157.0/24 HQ\nvpn 81.2.69.0/24 Astrill\n");
        NetworkLists u = NetworkLists.bundledWith(f);
        assertThat(u.classify(Ip.parse("2.26.157.10"), 0, "", NetworkHints.NONE).kind()).isEqualTo(EgressKind.OFFICE);
        assertThat(u.classify(Ip.parse("81.2.69.142"), 0, "", NetworkHints.NONE).badOperator()).isTrue();
        Path bad = Files.writeString(dir.resolve("bad.txt"), "vpn not-a-cidr\n");
        assertThatThrownBy(() -> NetworkLists.bundledWith(bad)).hasMessageContaining("bad.txt:1");
    }

    @Test
    void ipParse_literalsOnly() {
        assertThat(Ip.parse("81.2.69.142").isV4()).isTrue();
        assertThat(Ip.parse("::ffff:81.2.69.142")).isEqualTo(Ip.parse("81.2.69.142"));
        assertThat(Ip.parse("2001:db8::1").isPrivate()).isTrue();
        assertThat(Ip.parse("fe80::1%eth0").isPrivate()).isTrue();
        assertThat(Ip.parse("[2a02:cf40::1]").isV4()).isFalse();
        for (String bad : new String[] {"", "1.2.3", "1.2.3.256", "01234.1.1.1", "example.com", "1::2::3", ":1", "1:2:3:4:5:6:7:8:9"}) {
            assertThat(Ip.parse(bad)).as(bad).isNull();
        }
    }

    private static LoginEvent event(String ip, Geo geo) {
        return new LoginEvent(1_743_494_400_000L, "a@x", ip, Outcome.SUCCESS, "", "", "", "", geo, NetworkHints.NONE, "t", 1);
    }
}
