package dev.cordon.cli.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeVersion;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeMessageCommandTest {
    static final String SAFE = "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4";

    @Test
    void message_typedDataMailExample_printsTheSpecDigestWrappedInSafeMessage(@TempDir Path dir) throws Exception {
        Path mail = dir.resolve("mail.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/cordon/signing/eip712/mail.json")) {
            Files.copy(in, mail);
        }
        CliRun r = CliRun.of("safe", "message", "--json", "--safe", SAFE, "--chain-id", "1", "--safe-version", "1.3.0",
                "--typed-data", mail.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(r.out());
        String digest = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";
        assertThat(j.at("/typedData/hash").asText()).isEqualTo(digest);
        assertThat(j.at("/typedData/domainHash").asText())
                .isEqualTo("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
        assertThat(j.get("message").asText()).isEqualTo(digest);
        assertThat(j.at("/hashes/safeMessageHash").asText()).isEqualTo(SafeHasher.messageHash(EthAddresses.parse(SAFE),
                BigInteger.ONE, SafeVersion.V1_3_0, HexData.parse(digest, "d")).signedHash().prefixed());
    }

    @Test
    void message_text_isEip191HashedFirst_andBadInputIsAUsageOrDataError(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("safe", "message", "--safe", SAFE, "--chain-id", "1", "--safe-version", "1.1.1",
                "--message", "hello");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains(SafeHasher.eip191Hash("hello").prefixed()).contains("safeMessageHash");
        assertThat(CliRun.of("safe", "message", "--safe", SAFE, "--chain-id", "1", "--safe-version", "1.1.1").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("safe", "message", "--safe", SAFE, "--chain-id", "1", "--safe-version", "1.6.0",
                "--message", "x").exitCode()).isEqualTo(2);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"types\":{},\"primaryType\":\"Mail\",\"domain\":{},\"message\":{}}");
        CliRun b = CliRun.of("safe", "message", "--safe", SAFE, "--chain-id", "1", "--safe-version", "1.3.0",
                "--typed-data", bad.toString());
        assertThat(b.exitCode()).isEqualTo(3);
        assertThat(b.err()).contains("bad.json").contains("primaryType");
    }
}
