package dev.cordon.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.DecodeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of every parser: valid inputs with bytes flipped, inserted, deleted and
 * truncated. A parser may only throw its documented {@link DecodeException}; every other outcome
 * (records, skipped lines) is fine. Seeded; the seed is printed.
 */
class ParserFuzzTest {
    static final long SEED = 0xC0FFEEL;
    static final int ROUNDS = 400;
    static final String ENDPOINT_CSV = "time,device,account,kind,name,path,usb_vendor_id,usb_product_id,usb_vendor,usb_product,usb_serial,usb_class,usb_protocol\n"
            + "2025-04-01T00:00:00Z,LT-1,a@x,usb,,,1d6b,0104,PiKVM,PiKVM Composite Device,01,3,1\n"
            + "2025-04-01T00:00:00Z,LT-1,a@x,process,AnyDesk.exe,C:\\\\AnyDesk.exe,,,,,,,\n";
    static final String OSQUERY = "{\"name\":\"pack/usb\",\"hostIdentifier\":\"h1\",\"unixTime\":1743465600,\"columns\":{\"vendor_id\":\"1d6b\",\"model_id\":\"0104\",\"vendor\":\"PiKVM\",\"model\":\"x\",\"class\":\"3\",\"protocol\":\"1\"},\"action\":\"added\"}\n"
            + "{\"snapshot\":[{\"pid\":\"1\",\"name\":\"anydesk\",\"path\":\"/usr/bin/anydesk\"}],\"action\":\"snapshot\",\"name\":\"processes\",\"hostIdentifier\":\"h2\",\"unixTime\":\"1743465600\"}\n";
    static final String HR = "person,name,status,accounts,country,time_zone,bank_account,hired,bank_changed\n"
            + "E1,A B,employee,a@x;b@x,US,America/Chicago,US12 34,2025-01-01,2025-01-05\n";

    @Test
    void everyParser_mutatedInput_onlyDecodeException() {
        System.out.println("ParserFuzzTest seed " + SEED);
        Random rnd = new Random(SEED);
        String oktaGood = LoginParsersTest.OKTA.lines().filter(l -> l.contains("\"User\"") && !l.contains("yesterday"))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        fuzz(rnd, oktaGood, (in, r) -> new OktaSystemLogParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, "[" + oktaGood.replace("\n", ",\n") + "]",
                (in, r) -> new OktaSystemLogParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, "{\"value\":[{\"createdDateTime\":\"2025-04-01T08:00:00Z\",\"userPrincipalName\":\"c@x\",\"ipAddress\":\"1.2.3.4\",\"status\":{\"errorCode\":0},\"location\":{\"countryOrRegion\":\"SE\",\"geoCoordinates\":{\"latitude\":58.4,\"longitude\":15.6}}}]}",
                (in, r) -> new EntraSignInParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, "{\"class_uid\":3002,\"time\":1743494400000,\"status_id\":1,\"user\":{\"name\":\"d\"},\"src_endpoint\":{\"ip\":\"1.2.3.4\",\"location\":{\"coordinates\":[1.0,2.0]}}}\n",
                (in, r) -> new OcsfAuthenticationParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, "{\"@timestamp\":\"2025-04-01T08:00:00Z\",\"event\":{\"category\":[\"authentication\"]},\"user\":{\"name\":\"e\"},\"source\":{\"ip\":\"1.2.3.4\",\"geo\":{\"location\":{\"lat\":1,\"lon\":2}}}}\n",
                (in, r) -> new EcsAuthenticationParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, "{\"items\":[{\"id\":{\"time\":\"2025-04-01T08:00:00Z\",\"applicationName\":\"login\"},\"actor\":{\"email\":\"f@x\"},\"events\":[{\"name\":\"login_success\"}],\"networkInfo\":{\"ipAsn\":[1]}}]}",
                (in, r) -> new GoogleLoginAuditParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, "time,account,ip,outcome,latitude,longitude,asn\n2025-04-01T08:00:00Z,g@x,1.2.3.4,success,1,2,AS5\n",
                (in, r) -> new LoginCsvParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, ENDPOINT_CSV, (in, r) -> new EndpointCsvParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, OSQUERY, (in, r) -> new OsqueryResultsParser().parse(in, "f", e -> { }, r));
        fuzz(rnd, HR, (in, r) -> new HrCsvParser().parse(in, "f", e -> { }, r));
    }

    private static void fuzz(Random rnd, String valid, BiConsumer<ByteArrayInputStream, ParseReport> parser) {
        byte[] base = valid.getBytes(StandardCharsets.UTF_8);
        ParseReport clean = new ParseReport();
        parser.accept(new ByteArrayInputStream(base), clean);
        assertThat(clean.skippedCount()).as("valid input parses cleanly: %s", clean.skippedLines()).isZero();
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(rnd, base);
            try {
                parser.accept(new ByteArrayInputStream(m), new ParseReport());
            } catch (DecodeException expected) {
                // the documented exception
            } catch (RuntimeException e) {
                throw new AssertionError("round " + i + " input: " + new String(m, StandardCharsets.UTF_8), e);
            }
        }
    }

    private static byte[] mutate(Random rnd, byte[] in) {
        byte[] b = in.clone();
        int ops = 1 + rnd.nextInt(6);
        for (int k = 0; k < ops && b.length > 0; k++) {
            int pos = rnd.nextInt(b.length);
            switch (rnd.nextInt(5)) {
                case 0 -> b[pos] = (byte) rnd.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, pos);
                case 2 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, pos);
                    byte[] alphabet = "{}[]\",:\n\\0-9eE".getBytes(StandardCharsets.UTF_8);
                    c[pos] = alphabet[rnd.nextInt(alphabet.length)];
                    System.arraycopy(b, pos, c, pos + 1, b.length - pos);
                    b = c;
                }
                case 3 -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, pos);
                    System.arraycopy(b, pos + 1, c, pos, b.length - pos - 1);
                    b = c;
                }
                default -> b[pos] = (byte) "0123456789\"".charAt(rnd.nextInt(11));
            }
        }
        return b;
    }
}
