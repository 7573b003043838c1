package dev.cordon.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonLineScannerTest {
    static final long SEED = 0x5CA7_7E12L;

    /** A scanner standing after the colon of {@code {"v":<value>}}. */
    static JsonLineScanner at(String value) {
        byte[] b = ("{\"v\":" + value + "}").getBytes(StandardCharsets.UTF_8);
        JsonLineScanner s = new JsonLineScanner();
        s.start(b, 0, b.length);
        s.enterObject();
        assertThat(s.nextName(true)).isTrue();
        return s;
    }

    /** Skips the whole object {@code {"v":<value>}}; returns where it ended, or -1 when given up. */
    static int skip(String value) {
        try {
            JsonLineScanner s = at(value);
            s.skipValue();
            assertThat(s.nextName(false)).isFalse();
            return s.position();
        } catch (JsonLineScanner.Unsupported e) {
            return -1;
        }
    }

    @Test
    void decimal_plainAndOtherForms_sameAsParseDouble() {
        for (String v : new String[] {"51.5142", "-0.0931", "0", "30", "1e2", "-0.0", "123456789012345.5", "0.1234567890123456789",
            "2.5E-3", "-96.797", "9007199254740993"}) {
            double expected = v.contains(".") || v.contains("e") || v.contains("E") ? Double.parseDouble(v) : (double) Long.parseLong(v);
            assertThat(Double.doubleToLongBits(at(v).decimal())).as(v).isEqualTo(Double.doubleToLongBits(expected));
        }
        assertThat(Double.doubleToLongBits(at("-0").decimal())).isEqualTo(Double.doubleToLongBits(0.0));
    }

    @Test
    void decimal_randomDecimals_sameAsParseDouble() {
        System.out.println("JsonLineScannerTest seed " + SEED);
        Random rnd = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String v = (rnd.nextBoolean() ? "-" : "") + rnd.nextInt(1000) + "." + Long.toString(Math.abs(rnd.nextLong()) % 1_000_000_000_000L);
            assertThat(at(v).decimal()).as(v).isEqualTo(Double.parseDouble(v));
        }
    }

    @Test
    void integer_digitsOnly() {
        assertThat(at("2856").integer()).isEqualTo(2856);
        assertThat(at("-12").integer()).isEqualTo(-12);
        assertThat(at("999999999999999999").integer()).isEqualTo(999_999_999_999_999_999L);
        assertThatThrownBy(() -> at("1.5").integer()).isInstanceOf(JsonLineScanner.Unsupported.class);
        assertThatThrownBy(() -> at("1e3").integer()).isInstanceOf(JsonLineScanner.Unsupported.class);
        assertThatThrownBy(() -> at("1000000000000000000").integer()).isInstanceOf(JsonLineScanner.Unsupported.class);
    }

    @Test
    void skipValue_validJson_accepted() {
        for (String v : new String[] {"[]", "{}", "[1,[2,{}],{\"a\":null}]", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"", "true",
            "false", "null", "-0.5e+7", "\"Link\u00f6ping \u6771\u4eac \ud83d\ude00\"", " \t[ 1 , 2 ] "}) {
            assertThat(skip(v)).as(v).isGreaterThan(0);
        }
    }

    @Test
    void skipValue_invalidOrUnsure_givenUp() {
        for (String v : new String[] {"01", "1.", ".5", "-", "+1", "1e", "tru", "truex", "nul", "NaN", "[1,]", "[,1]", "{,}",
            "{\"a\":1,}", "{\"a\"}", "\"\t\"", "\"\\x\"", "\"\\u12g4\"", "\"\\ud800\"", "\"abc", "[1 2]", "'a'", "1\n"}) {
            assertThat(skip(v)).as(v).isEqualTo(-1);
        }
        byte[] bad = {'{', '"', 'v', '"', ':', '"', (byte) 0xC3, '"', '}'};
        JsonLineScanner s = new JsonLineScanner();
        s.start(bad, 0, bad.length);
        s.enterObject();
        s.nextName(true);
        assertThatThrownBy(s::skipValue).isInstanceOf(JsonLineScanner.Unsupported.class);
    }

    @Test
    void text_plainEscapedAndUtf8() {
        JsonLineScanner s = at("\"London\"");
        assertThat(s.stringOrNull()).isTrue();
        assertThat(s.text()).isEqualTo("London");
        s = at("\"Link\u00f6ping\"");
        s.stringOrNull();
        assertThat(s.text()).isEqualTo("Link\u00f6ping");
        s = at("\"[{\\\"type\\\":\\\"VPN\\\"}]\\u0041\"");
        s.stringOrNull();
        assertThat(s.escaped()).isTrue();
        assertThat(s.unescaped()).isEqualTo("[{\"type\":\"VPN\"}]A");
        JsonLineScanner escaped = s;
        assertThatThrownBy(escaped::text).isInstanceOf(JsonLineScanner.Unsupported.class);
        assertThat(at("null").stringOrNull()).isFalse();
    }

    @Test
    void nextName_lineFeedInsideObject_givenUp() {
        byte[] b = "{\"a\":1,\n\"b\":2}".getBytes(StandardCharsets.UTF_8);
        JsonLineScanner s = new JsonLineScanner();
        s.start(b, 0, b.length);
        s.enterObject();
        s.nextName(true);
        s.skipValue();
        assertThatThrownBy(() -> s.nextName(false)).isInstanceOf(JsonLineScanner.Unsupported.class);
    }
}
