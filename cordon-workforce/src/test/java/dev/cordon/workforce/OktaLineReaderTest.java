package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.cordon.workforce.internal.JsonInput;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.TextCache;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Okta JSON lines read from their bytes must give exactly what the streaming parser gives: the
 * same events (every field, line numbers included) and the same skipped lines with the same
 * reasons. Awkward lines, valid and not, then seeded mutations of them; the seed is printed.
 */
class OktaLineReaderTest {
    static final long SEED = 0x0C7A_11E5L;
    static final String GOOD = new OktaEventWriter().line(new OktaEventWriter.Event(1_743_494_400_123L,
            "00000001-0000-4000-8000-000000000007", "user.authentication.sso", "User7@Corp.example", "User 7",
            "81.2.69.142", "London", "GB", 51.5142, -0.0931, 2856, "BT", true, "fp7", "", "UA/1.0 (X11)"));
    static final String VPN = new OktaEventWriter().line(new OktaEventWriter.Event(1_743_494_460_000L,
            "00000002-0000-4000-8000-000000000008", "user.session.start", "user8@corp.example", "User 8",
            "2.26.157.9", "Dallas", "US", 32.7767, -96.797, 9009, "M247 Europe SRL", false, "fp8", "NORD_VPN", "UA"));
    static final List<String> AWKWARD = List.of(
            GOOD, VPN, GOOD + "  trailing text", "  " + GOOD + "\r", GOOD + GOOD,
            GOOD.replace("\"published\"", "\"published\" : ").replace(",\"actor\"", " , \"actor\""),
            GOOD.replace("\"city\":\"London\"", "\"city\":\"Link\u00f6ping \u6771\u4eac\""),
            GOOD.replace("\"city\":\"London\"", "\"city\":\"Lon\\u0064on\""),
            GOOD.replace("\"city\":\"London\"", "\"city\":null").replace("\"asOrg\":\"BT\"", "\"asOrg\":null"),
            GOOD.replace("\"asNumber\":2856", "\"asNumber\":\"2856\""),
            GOOD.replace("\"asNumber\":2856", "\"asNumber\":-0"),
            GOOD.replace("\"asNumber\":2856", "\"asNumber\":2856.9"),
            GOOD.replace("\"lat\":51.5142", "\"lat\":-0").replace("\"lon\":-0.0931", "\"lon\":\"x\""),
            GOOD.replace("\"lat\":51.5142", "\"lat\":5.15142e1").replace("\"lon\":-0.0931", "\"lon\":-0.09310000000000000001"),
            GOOD.replace("\"isProxy\":false", "\"isProxy\":true"),
            GOOD.replace("\"isProxy\":false", "\"isProxy\":\"true\""),
            GOOD.replace("\"type\":\"User\"", "\"type\":\"user\""),
            GOOD.replace("\"type\":\"User\"", "\"type\":\"SystemPrincipal\""),
            GOOD.replace("\"type\":\"User\"", "\"ty\\u0070e\":\"User\""),
            GOOD.replace("\"published\":\"2025-04-01T08:00:00.123Z\"", "\"published\":\"yesterday\""),
            GOOD.replace("\"published\":\"2025-04-01T08:00:00.123Z\"", "\"published\":1743494400"),
            GOOD.replace("{\"uuid\"", "{\"device\":{\"id\":\"dev-1\"},\"uuid\""),
            GOOD.replace("\"target\":[]", "\"target\":[{\"a\":[1,2.5e-3,true,false,null,\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]},[]]"),
            GOOD.replace("\"outcome\":{\"result\":\"SUCCESS\"}", "\"outcome\":{\"result\":\"DENY\"},\"outcome\":{\"reason\":1}"),
            GOOD.replace("\"client\":{", "\"client\":\"x\",\"client\":{"),
            GOOD.replace("\"debugData\":{", "\"debugData\":{\"phoneNumber\":\"+44 20 7946 0000\",\"tunnels\":null,"),
            GOOD.replace("\"debugData\":{", "\"debugData\":{\"tunnels\":\"[{\\\"type\\\":\\\"TOR\\\"}]\","),
            GOOD.replace("\"debugData\":{", "\"debugData\":{\"tunnels\":[{\"operator\":\"X\"}],"),
            GOOD.replace("\"debugData\":{", "\"debugData\":{\"tunnels\":\"not json\","),
            "{}", "[]", "{\"actor\":{\"type\":\"User\",\"alternateId\":\"a@x\"}}", "\ufeff" + GOOD);

    @Test
    void parse_awkwardLines_sameAsParser() {
        String text = String.join("\n", AWKWARD) + "\n\n   \n" + GOOD;
        assertSame(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_writerLines_readWithoutParser() {
        OktaLineReader r = new OktaLineReader(new LoginBuilder(), new TextCache());
        for (String line : List.of(GOOD, VPN, GOOD + " tail")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertThat(r.read(b, 0, b.length)).isEqualTo(line.startsWith(GOOD) ? GOOD.length() : VPN.length());
            assertThat(r.userActor()).isTrue();
        }
        byte[] two = (GOOD.substring(0, 40) + "\n" + GOOD.substring(40)).getBytes(StandardCharsets.UTF_8);
        assertThat(r.read(two, 0, two.length)).isEqualTo(-1);
    }

    @Test
    void parse_mutatedLines_sameAsParser() {
        System.out.println("OktaLineReaderTest seed " + SEED);
        Random rnd = new Random(SEED);
        byte[] alphabet = "{}[]\",:\\ \n\r0-9eE.nul\u00e9".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 3000; round++) {
            byte[] b = AWKWARD.get(rnd.nextInt(AWKWARD.size())).getBytes(StandardCharsets.UTF_8);
            for (int k = 1 + rnd.nextInt(4); k > 0 && b.length > 0; k--) {
                int pos = rnd.nextInt(b.length);
                switch (rnd.nextInt(4)) {
                    case 0 -> b[pos] = (byte) rnd.nextInt(256);
                    case 1 -> b[pos] = alphabet[rnd.nextInt(alphabet.length)];
                    case 2 -> b = concat(b, pos, new byte[] {alphabet[rnd.nextInt(alphabet.length)]}, pos);
                    default -> b = concat(b, pos, new byte[0], pos + 1);
                }
            }
            assertSame(b);
        }
    }

    private static byte[] concat(byte[] b, int head, byte[] mid, int tailFrom) {
        byte[] out = new byte[head + mid.length + b.length - tailFrom];
        System.arraycopy(b, 0, out, 0, head);
        System.arraycopy(mid, 0, out, head, mid.length);
        System.arraycopy(b, tailFrom, out, head + mid.length, b.length - tailFrom);
        return out;
    }

    /** Parses {@code input} with and without reading lines from bytes and compares everything. */
    private static void assertSame(byte[] input) {
        ParseReport fast = new ParseReport();
        List<LoginEvent> fastEvents = new ArrayList<>();
        new OktaSystemLogParser().parse(new ByteArrayInputStream(input), "f", fastEvents::add, fast);
        ParseReport slow = new ParseReport();
        List<LoginEvent> slowEvents = new ArrayList<>();
        JsonInput.forEach(new ByteArrayInputStream(input), "f", slow,
                parserOnly(new OktaSystemLogParser().reader("f", slowEvents::add, slow)));
        String text = new String(input, StandardCharsets.UTF_8);
        assertThat(fastEvents).as(text).isEqualTo(slowEvents);
        assertThat(fast.skippedLines()).as(text).isEqualTo(slow.skippedLines());
        assertThat(fast.ignoredCount()).as(text).isEqualTo(slow.ignoredCount());
        assertThat(fast.acceptedCount()).as(text).isEqualTo(slow.acceptedCount());
    }

    /** The same reader without its byte path: every line goes through the parser. */
    private static JsonInput.StagedReader parserOnly(JsonInput.StagedReader r) {
        return new JsonInput.StagedReader() {
            @Override
            public void fill(JsonParser p) throws IOException {
                r.fill(p);
            }

            @Override
            public void commit(long line) {
                r.commit(line);
            }
        };
    }
}
