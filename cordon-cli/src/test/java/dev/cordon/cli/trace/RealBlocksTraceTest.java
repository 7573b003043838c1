package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon trace} on real data: the first 439 mainnet blocks (the demo's bundled blk file).
 * Satoshi's first payment to Hal Finney (block 170) spent a 50 BTC coinbase; by block 439 the coins
 * sit in six outputs, as the chain shows: Hal's 10 BTC (block 170), 10 BTC to Hal again (block 181),
 * 1 BTC each in blocks 187 and 221, and 10 BTC paid and 18 BTC of change in block 248.
 */
class RealBlocksTraceTest {
    private static final String FIRST_TRANSFER = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void ingest() throws IOException {
        Path blk = tmp.resolve("blk00000.dat");
        try (InputStream in = RealBlocksTraceTest.class.getResourceAsStream("/dev/cordon/cli/demo/bitcoin/first-100k-blocks.dat")) {
            Files.copy(in, blk);
        }
        data = tmp.resolve("data");
        CliRun r = CliRun.of("ingest", "bitcoin", "--blocks", blk.toString(), "--data", data.toString(), "--no-exposure",
                "--no-cluster");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void forward_fifo_followsSatoshisFirstPaymentToTheSixOutputsHoldingIt() throws IOException {
        CliRun r = CliRun.of("trace", "--from", FIRST_TRANSFER, "--model", "fifo", "--data", data.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("seeded").asLong()).isEqualTo(5_000_000_000L);
        assertThat(j.get("held").asLong()).isEqualTo(5_000_000_000L);
        assertThat(j.get("fees").asLong()).isZero();
        List<String> held = new ArrayList<>();
        j.get("largestHeld").forEach(h -> held.add(h.get("outpoint").asText() + " " + h.get("address").asText() + " "
                + h.get("tainted").asLong() + " " + h.get("height").asLong()));
        assertThat(held).containsExactly(
                "828ef3b079f9c23829c56fe86e85b4a69d9e06e5b54ea597eef5fb3ffef509fe:1 12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S 1800000000 248",
                FIRST_TRANSFER + ":0 1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3 1000000000 170",
                "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be:0 1DUDsfc23Dv9sPMEk5RsrtfzCw5ofi5sVW 1000000000 181",
                "828ef3b079f9c23829c56fe86e85b4a69d9e06e5b54ea597eef5fb3ffef509fe:0 1ByLSV2gLRcuqUmfdYcpPQH8Npm8cccsFg 1000000000 248",
                "4385fcf8b14497d0659adccfe06ae7e38e0b5dc95ff8a13d7c62035994a0cd79:0 15NUwyBYrZcnUgTagsm1A7M2yL2GntpuaZ 100000000 187",
                "298ca2045d174f8a158961806ffc4ef96fad02d71a6b84d9fa0491813a776160:0 1BDvQZjaAJH4ecZ8aL3fYgTi7rnn3o2thE 100000000 221");
        assertThat(j.get("txsVisited").asInt()).isEqualTo(6);
    }

    @Test
    void backward_fifo_attributesHalsFirstCoinsToSatoshi() throws IOException {
        Path labels = tmp.resolve("satoshi.csv");
        Files.writeString(labels, "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S,Satoshi Nakamoto,exchange\n", StandardCharsets.UTF_8);

        CliRun r = CliRun.of("trace", "--backward", "--from", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", "--model", "fifo",
                "--labels", labels.toString(), "--data", data.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("seeded").asLong()).isEqualTo(1_000_000_000L);
        assertThat(j.at("/endpoints/0/address").asText()).isEqualTo("12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S");
        assertThat(j.at("/endpoints/0/amount").asLong()).isEqualTo(1_000_000_000L);
        assertThat(j.get("mined").asLong()).isZero();
    }
}
