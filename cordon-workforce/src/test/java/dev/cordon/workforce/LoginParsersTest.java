package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginParsersTest {
    static final String OKTA = """
            {"uuid":"u1","published":"2025-04-01T08:00:00.123Z","eventType":"user.session.start","actor":{"id":"00u1","type":"User","alternateId":"Alice@Corp.example","displayName":"Alice"},"client":{"userAgent":{"rawUserAgent":"UA1"},"ipAddress":"81.2.69.142","geographicalContext":{"city":"London","country":"United Kingdom","geolocation":{"lat":51.5142,"lon":-0.0931}}},"outcome":{"result":"SUCCESS"},"securityContext":{"asNumber":2856,"asOrg":"BT","isp":"BT","isProxy":false},"debugContext":{"debugData":{"deviceFingerprint":"fp1","tunnels":"[{\\"anonymous\\":true,\\"operator\\":\\"ASTRILL_VPN\\",\\"type\\":\\"VPN\\"}]"}}}
            {"uuid":"u2","published":"2025-04-01T08:01:00Z","eventType":"system.job","actor":{"type":"SystemPrincipal","alternateId":"system@okta.com"}}
            not json at all
            {"uuid":"u3","published":"yesterday","actor":{"type":"User","alternateId":"bob@corp.example"}}
            {"uuid":"u4","published":"2025-04-01T08:02:00Z","eventType":"user.authentication.sso","actor":{"type":"User","alternateId":"bob@corp.example"},"client":{"ipAddress":"2001:db8::1"},"outcome":{"result":"FAILURE"},"securityContext":{"isProxy":true}}
            """;

    static List<LoginEvent> parse(LoginLogParser p, String text, ParseReport report) {
        List<LoginEvent> out = new ArrayList<>();
        p.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t", out::add, report);
        return out;
    }

    @Test
    void okta_jsonLines_readsFieldsSkipsAndIgnores() {
        ParseReport r = new ParseReport();
        List<LoginEvent> ev = parse(new OktaSystemLogParser(), OKTA, r);
        assertThat(ev).hasSize(2);
        LoginEvent a = ev.get(0);
        assertThat(a.account()).isEqualTo("alice@corp.example");
        assertThat(a.epochMillis()).isEqualTo(java.time.Instant.parse("2025-04-01T08:00:00.123Z").toEpochMilli());
        assertThat(a.ip()).isEqualTo("81.2.69.142");
        assertThat(a.geo().country()).isEqualTo("GB");
        assertThat(a.geo().latitude()).isEqualTo(51.5142);
        assertThat(a.hints().tunnelOperator()).isEqualTo("ASTRILL_VPN");
        assertThat(a.hints().tunnelType()).isEqualTo("VPN");
        assertThat(a.hints().asn()).isEqualTo(2856);
        assertThat(a.deviceId()).isEqualTo("fp1");
        assertThat(a.line()).isEqualTo(1);
        assertThat(ev.get(1).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(ev.get(1).hints().proxy()).isTrue();
        assertThat(r.ignoredCount()).isEqualTo(1);
        assertThat(r.skippedCount()).isEqualTo(2);
        assertThat(r.skippedLines()).extracting(ParseReport.Skipped::line).containsExactly(3L, 4L);
    }

    @Test
    void okta_apiArray_readsWithLineNumbers() {
        String arr = "[\n" + OKTA.lines().filter(l -> l.startsWith("{")).reduce((x, y) -> x + ",\n" + y).orElseThrow() + "\n]";
        ParseReport r = new ParseReport();
        List<LoginEvent> ev = parse(new OktaSystemLogParser(), arr, r);
        assertThat(ev).extracting(LoginEvent::account).containsExactly("alice@corp.example", "bob@corp.example");
        assertThat(ev.get(1).line()).isEqualTo(5);
        assertThat(r.skippedCount()).isEqualTo(1);
    }

    @Test
    void entra_graphAndLogAnalytics_sameEvent() {
        String graph = """
                {"value":[{"id":"1","createdDateTime":"2025-04-01T08:00:00Z","userPrincipalName":"Carol@corp.example","ipAddress":"89.160.20.112","status":{"errorCode":0},"deviceDetail":{"deviceId":"dev-1"},"location":{"city":"Linkoping","countryOrRegion":"SE","geoCoordinates":{"latitude":58.4167,"longitude":15.6167}}},
                {"id":"2","createdDateTime":"2025-04-01T09:00:00Z","userPrincipalName":"carol@corp.example","ipAddress":"89.160.20.112","status":{"errorCode":50126}}]}
                """;
        String la = """
                {"TimeGenerated":"2025-04-01T08:00:00Z","UserPrincipalName":"carol@corp.example","IPAddress":"89.160.20.112","ResultType":"0","Location":"SE","LocationDetails":"{\\"city\\":\\"Linkoping\\",\\"countryOrRegion\\":\\"SE\\",\\"geoCoordinates\\":{\\"latitude\\":58.4167,\\"longitude\\":15.6167}}","DeviceDetail":{"deviceId":"dev-1"},"AutonomousSystemNumber":2838}
                """;
        List<LoginEvent> g = parse(new EntraSignInParser(), graph, new ParseReport());
        List<LoginEvent> l = parse(new EntraSignInParser(), la, new ParseReport());
        assertThat(g).hasSize(2);
        assertThat(g.get(1).outcome()).isEqualTo(Outcome.FAILURE);
        for (LoginEvent e : List.of(g.get(0), l.get(0))) {
            assertThat(e.account()).isEqualTo("carol@corp.example");
            assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(e.geo().country()).isEqualTo("SE");
            assertThat(e.geo().longitude()).isEqualTo(15.6167);
            assertThat(e.deviceId()).isEqualTo("dev-1");
        }
        assertThat(l.get(0).hints().asn()).isEqualTo(2838);
    }

    @Test
    void ocsf_authenticationOnly() {
        String s = """
                {"class_uid":3002,"activity_id":1,"activity_name":"Logon","time":1743494400000,"status_id":1,"user":{"email_addr":"dan@corp.example"},"src_endpoint":{"ip":"175.16.199.5","location":{"country":"CN","city":"Changchun","coordinates":[125.3228,43.88]}},"device":{"uid":"d-9"}}
                {"class_uid":4001,"time":1743494400000}
                """;
        ParseReport r = new ParseReport();
        List<LoginEvent> ev = parse(new OcsfAuthenticationParser(), s, r);
        assertThat(ev).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo("dan@corp.example");
            assertThat(e.geo().latitude()).isEqualTo(43.88);
            assertThat(e.geo().longitude()).isEqualTo(125.3228);
            assertThat(e.deviceId()).isEqualTo("d-9");
            assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
        });
        assertThat(r.ignoredCount()).isEqualTo(1);
    }

    @Test
    void ecs_nestedAndDotted() {
        String s = """
                {"@timestamp":"2025-04-01T08:00:00Z","event":{"category":["authentication"],"outcome":"success","action":"logged-in"},"user":{"name":"erin"},"source":{"ip":"216.160.83.56","geo":{"country_iso_code":"US","city_name":"Milton","location":{"lat":47.2513,"lon":-122.3149}},"as":{"number":209,"organization":{"name":"Qwest"}}}}
                {"@timestamp":"2025-04-01T08:00:00Z","event.category":"authentication","event.outcome":"failure","user.name":"erin","source.ip":"216.160.83.56"}
                {"@timestamp":"2025-04-01T08:00:00Z","event":{"category":["process"]}}
                """;
        ParseReport r = new ParseReport();
        List<LoginEvent> ev = parse(new EcsAuthenticationParser(), s, r);
        assertThat(ev).hasSize(2);
        assertThat(ev.get(0).geo().city()).isEqualTo("Milton");
        assertThat(ev.get(0).hints().asOrg()).isEqualTo("Qwest");
        assertThat(ev.get(1).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.ignoredCount()).isEqualTo(1);
    }

    @Test
    void google_loginActivities() {
        String s = """
                {"kind":"admin#reports#activities","items":[
                 {"kind":"admin#reports#activity","id":{"time":"2025-04-01T08:00:00.000Z","applicationName":"login"},"actor":{"email":"fay@corp.example"},"ipAddress":"2.125.160.216","events":[{"type":"login","name":"login_success"}],"networkInfo":{"ipAsn":[2856],"regionCode":"GB"}},
                 {"kind":"admin#reports#activity","id":{"time":"2025-04-01T08:00:00.000Z","applicationName":"drive"},"actor":{"email":"fay@corp.example"}}
                ]}
                """;
        ParseReport r = new ParseReport();
        List<LoginEvent> ev = parse(new GoogleLoginAuditParser(), s, r);
        assertThat(ev).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(e.geo().country()).isEqualTo("GB");
            assertThat(e.hints().asn()).isEqualTo(2856);
            assertThat(e.line()).isEqualTo(2);
        });
        assertThat(r.ignoredCount()).isEqualTo(1);
    }

    @Test
    void csv_documentedColumns() {
        String s = "time,account,ip,outcome,country,city,latitude,longitude,device_id,mfa_phone\n"
                + "2025-04-01T08:00:00Z,Gus@corp.example,81.2.69.142,success,GB,London,51.5,-0.09,LT-1,+44 7700 900123\n"
                + "2025-04-01T08:00:00Z,gus@corp.example,81.2.69.142,maybe,GB,,,,,\n"
                + "\"unterminated,gus@corp.example\n";
        ParseReport r = new ParseReport();
        List<LoginEvent> ev = parse(new LoginCsvParser(), s, r);
        assertThat(ev).singleElement().satisfies(e -> {
            assertThat(e.mfaPhone()).isEqualTo("+447700900123");
            assertThat(e.geo().latitude()).isEqualTo(51.5);
        });
        assertThat(r.skippedLines()).extracting(ParseReport.Skipped::line).containsExactly(3L, 4L);
    }

    @Test
    void sniff_recognisesEachFormat() {
        assertThat(sniff(OKTA)).isEqualTo(LoginFormat.OKTA);
        assertThat(sniff("{\"class_uid\":3002}")).isEqualTo(LoginFormat.OCSF);
        assertThat(sniff("{\"CreatedDateTime\":\"x\"}")).isEqualTo(LoginFormat.ENTRA);
        assertThat(sniff("{\"@timestamp\":\"x\"}")).isEqualTo(LoginFormat.ECS);
        assertThat(sniff("{\"kind\":\"admin#reports#activities\"}")).isEqualTo(LoginFormat.GOOGLE);
        assertThat(sniff("time,account\n")).isEqualTo(LoginFormat.CSV);
    }

    private static LoginFormat sniff(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return LoginFormat.sniff(b, b.length);
    }
}
