package dev.cordon.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.bitcoin.BlockCursor;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.core.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon ingest bitcoin --rpc} against a local server that answers as Bitcoin Core does,
 * replaying the real first 439 mainnet blocks, with cookie authentication.
 */
class IngestRpcTest {
    private static final String COOKIE = "__cookie__:3f1e0b9a";
    private static final List<byte[]> BLOCKS = new ArrayList<>();
    private static final List<String> HASHES = new ArrayList<>();
    private static final AtomicInteger FAIL_NEXT_GETBLOCK = new AtomicInteger();
    private static HttpServer server;
    private static String url;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws IOException {
        byte[] file;
        try (InputStream in = IngestRpcTest.class.getResourceAsStream("/dev/cordon/cli/demo/bitcoin/first-100k-blocks.dat")) {
            file = in.readAllBytes();
        }
        BlockCursor cursor = new BlockCursor();
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachRecord(file, "blk", (buf, off, len, src, at) -> {
            BLOCKS.add(Arrays.copyOfRange(buf, off, off + len));
            cursor.parse(buf, off, len, src, at);
            HASHES.add(cursor.hash().hex());
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", IngestRpcTest::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        Files.writeString(tmp.resolve(".cookie"), COOKIE);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void ingest_rpcInTwoRuns_resumesFromCheckpoint() throws IOException {
        Path data = tmp.resolve("data");
        String cookie = tmp.resolve(".cookie").toString();
        CliRun first = CliRun.of("ingest", "bitcoin", "--rpc", url, "--rpc-cookie", cookie, "--to", "199",
                "--data", data.toString(), "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(json(first.out()).get("blocks_applied").asLong()).isEqualTo(200);

        FAIL_NEXT_GETBLOCK.set(1); // a transient HTTP 503 is retried, not skipped
        CliRun rest = CliRun.of("ingest", "bitcoin", "--rpc", url, "--rpc-cookie", cookie,
                "--data", data.toString(), "--json");
        assertThat(rest.exitCode()).as(rest.err()).isZero();
        JsonNode j = json(rest.out());
        assertThat(j.get("blocks_applied").asLong()).isEqualTo(239);
        assertThat(j.get("tip_height").asLong()).isEqualTo(438);
        assertThat(j.get("tip_hash").asText()).isEqualTo(HASHES.get(438));

        JsonNode tx = json(CliRun.of("tx", "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16",
                "--data", data.toString(), "--json").out());
        assertThat(tx.at("/outputs/0/address").asText()).isEqualTo("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
    }

    @Test
    void ingest_rpcWrongPassword_failsWithClearLine() {
        CliRun r = CliRun.of("ingest", "bitcoin", "--rpc", url, "--rpc-user", "alice", "--rpc-password", "wrong",
                "--data", tmp.resolve("denied").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("HTTP 401").doesNotContain("wrong");
    }

    private static void answer(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(COOKIE.getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            send(ex, 401, new byte[0]);
            return;
        }
        JsonNode req = Json.mapper().readTree(ex.getRequestBody());
        String method = req.get("method").asText();
        JsonNode params = req.get("params");
        ObjectNode resp = Json.mapper().createObjectNode();
        resp.set("id", req.get("id"));
        resp.putNull("error");
        switch (method) {
            case "getblockcount" -> resp.put("result", BLOCKS.size() - 1);
            case "getblockhash" -> resp.put("result", HASHES.get(params.get(0).asInt()));
            case "getblock" -> {
                if (FAIL_NEXT_GETBLOCK.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    send(ex, 503, new byte[0]);
                    return;
                }
                resp.put("result", Hex.encode(BLOCKS.get(HASHES.indexOf(params.get(0).asText()))));
            }
            default -> {
                resp.putNull("result");
                resp.putObject("error").put("code", -32601).put("message", "Method not found");
            }
        }
        send(ex, 200, Json.mapper().writeValueAsBytes(resp));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    private static JsonNode json(String s) throws IOException {
        return Json.mapper().readTree(s);
    }
}
