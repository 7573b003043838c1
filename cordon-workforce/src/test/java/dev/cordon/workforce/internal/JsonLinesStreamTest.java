package dev.cordon.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cordon.workforce.ParseReport;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Streamed JSON lines must give exactly what parsing each line on its own gives: same records
 * with the same line numbers, same skipped lines and reasons. Seeded mutations of awkward inputs
 * (blank and CRLF lines, trailing text, two objects on a line, objects over several lines, lone
 * CR, rejected records), read in random chunk sizes across buffer boundaries; the seed is printed.
 */
class JsonLinesStreamTest {
    static final long SEED = 0x5EED_11EEL;
    static final String LINES = String.join("\n",
            "{\"a\":1,\"n\":{\"x\":[1,2,{\"y\":\"z\"}]}}",
            "",
            "  {\"a\":2}  \r",
            "{\"a\":3} trailing text",
            "{\"a\":4}{\"a\":5}",
            "{\"a\":",
            "6}",
            "[1,2]",
            "not json",
            "{\"bad\":true,\"a\":7}",
            "{\"a\":8}\r{\"a\":9}",
            "   ",
            "{\"a\":\"ten\"}",
            "{\"a\":11}");

    /** Keeps the record's "a"; a record with "bad" is rejected at commit. */
    static final class Collecting implements JsonInput.StagedReader {
        final List<String> out = new ArrayList<>();
        final ParseReport report;
        String a;
        boolean bad;

        Collecting(ParseReport report) {
            this.report = report;
        }

        @Override
        public void fill(JsonParser p) throws IOException {
            a = "";
            bad = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (f.equals("a") && v.isScalarValue()) {
                    a = p.getText();
                } else {
                    bad |= f.equals("bad");
                    p.skipChildren();
                }
            }
        }

        @Override
        public void commit(long line) {
            if (bad) {
                throw new RecordException("bad record");
            }
            report.accepted();
            out.add(line + ":" + a);
        }
    }

    @Test
    void streamed_awkwardAndMutatedLines_sameAsLineByLine() {
        System.out.println("JsonLinesStreamTest seed " + SEED);
        Random rnd = new Random(SEED);
        StringBuilder big = new StringBuilder();
        while (big.length() < 3 << 20) {
            big.append(LINES).append('\n');
        }
        assertSame(big.toString().getBytes(StandardCharsets.UTF_8), rnd);
        byte[] base = LINES.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 500; round++) {
            byte[] m = base.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                m[rnd.nextInt(m.length)] = (byte) "{}[]\":,\n\r x1".charAt(rnd.nextInt(12));
            }
            assertSame(m, rnd);
        }
    }

    private static void assertSame(byte[] input, Random rnd) {
        ParseReport streamedReport = new ParseReport();
        Collecting streamed = new Collecting(streamedReport);
        JsonInput.forEach(new Chunked(input, rnd), "f", streamedReport, streamed);
        ParseReport lineReport = new ParseReport();
        Collecting lineByLine = new Collecting(lineReport);
        JsonInput.forEach(new ByteArrayInputStream(input), "f", lineReport, (p, line) -> lineByLine.read(p, line));
        assertThat(streamed.out).isEqualTo(lineByLine.out);
        assertThat(streamedReport.skippedLines()).isEqualTo(lineReport.skippedLines());
        assertThat(streamedReport.skippedCount()).isEqualTo(lineReport.skippedCount());
        assertThat(streamedReport.acceptedCount()).isEqualTo(lineReport.acceptedCount());
    }

    /** Returns at most a random number of bytes per read. */
    private static final class Chunked extends FilterInputStream {
        private final Random rnd;

        Chunked(byte[] b, Random rnd) {
            super(new ByteArrayInputStream(b));
            this.rnd = rnd;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 1 << 20)));
        }
    }

}
