package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays a node over HTTP on 127.0.0.1, answering from the first 439 real mainnet blocks. */
class BitcoinRpcClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOKIE = "__cookie__:0f1e2d3c4b5a";

    private final List<byte[]> blocks = TestData.firstBlocks();
    private final List<String> hashes = new ArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String acceptedAuth = auth(COOKIE);
    private HttpServer server;
    private URI uri;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        BlockCursor c = new BlockCursor();
        for (byte[] b : blocks) {
            c.parse(b, 0, b.length);
            hashes.add(c.hash().hex());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String auth(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        if (failuresToServe.getAndDecrement() > 0) {
            respond(ex, 503, "busy".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (!acceptedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            respond(ex, 401, new byte[0]);
            return;
        }
        JsonNode req = JSON.readTree(ex.getRequestBody());
        ObjectNode resp = JSON.createObjectNode();
        resp.set("id", req.get("id"));
        JsonNode params = req.get("params");
        int status = 200;
        switch (req.get("method").asText()) {
            case "getblockcount":
                resp.put("result", blocks.size() - 1);
                break;
            case "getblockhash":
                int h = params.get(0).asInt();
                if (h >= blocks.size()) {
                    status = 500;
                    resp.putObject("error").put("code", -8).put("message", "Block height out of range");
                } else {
                    resp.put("result", hashes.get(h));
                }
                break;
            case "getblock":
                int i = hashes.indexOf(params.get(0).asText());
                if (i < 0) {
                    status = 500;
                    resp.putObject("error").put("code", -5).put("message", "Block not found");
                } else {
                    resp.put("result", Hex.encode(blocks.get(i)));
                }
                break;
            case "getblockchaininfo":
                resp.putObject("result").put("chain", "main").put("blocks", blocks.size() - 1)
                        .put("headers", 850_000).put("bestblockhash", hashes.get(hashes.size() - 1))
                        .put("initialblockdownload", true).put("pruned", false);
                break;
            default:
                status = 404;
                resp.putObject("error").put("code", -32601).put("message", "Method not found");
        }
        respond(ex, status, JSON.writeValueAsBytes(resp));
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private BitcoinRpcClient cookieClient() throws IOException {
        Path cookie = dir.resolve(".cookie");
        Files.writeString(cookie, COOKIE);
        return BitcoinRpcClient.builder(uri).cookieFile(cookie).retryBackoff(Duration.ofMillis(1)).maxRetries(3).build();
    }

    @Test
    void getBlock_replaysRealBlocksThatDecode() throws IOException {
        BitcoinRpcClient rpc = cookieClient();
        assertThat(rpc.getBlockCount()).isEqualTo(438);
        BlockHash genesis = rpc.getBlockHash(0);
        assertThat(genesis.hex()).isEqualTo("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        byte[] raw = rpc.getBlockRaw(rpc.getBlockHash(170));
        assertThat(raw).isEqualTo(blocks.get(170));
        assertThat(new BlockDecoder().decode(raw, "rpc").hash().hex()).isEqualTo(hashes.get(170));
    }

    @Test
    void getBlockchainInfo_isDecoded() throws IOException {
        BitcoinRpcClient.BlockchainInfo info = cookieClient().getBlockchainInfo();
        assertThat(info.chain()).isEqualTo(BitcoinNetwork.MAINNET.coreName());
        assertThat(info.blocks()).isEqualTo(438);
        assertThat(info.headers()).isEqualTo(850_000);
        assertThat(info.bestBlockHash().hex()).isEqualTo(hashes.get(438));
        assertThat(info.initialBlockDownload()).isTrue();
    }

    @Test
    void call_rpcError_isRemoteNamingMethodAndNodeMessage() throws IOException {
        BitcoinRpcClient rpc = cookieClient();
        assertThatThrownBy(() -> rpc.getBlockHash(10_000)).isInstanceOf(CordonException.class)
                .hasMessage("getblockhash failed on the node: Block height out of range (code -8)")
                .extracting(e -> ((CordonException) e).code()).isEqualTo(ErrorCode.REMOTE);
        assertThatThrownBy(() -> rpc.getBlockRaw(BlockHash.ZERO)).hasMessageContaining("getblock failed on the node: Block not found");
    }

    @Test
    void call_5xxThenSuccess_isRetried() throws IOException {
        BitcoinRpcClient rpc = cookieClient();
        failuresToServe.set(2);
        assertThat(rpc.getBlockCount()).isEqualTo(438);
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void call_persistent5xx_givesUpAfterRetries() throws IOException {
        BitcoinRpcClient rpc = cookieClient();
        failuresToServe.set(100);
        assertThatThrownBy(rpc::getBlockCount).hasMessageContaining("HTTP 503");
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void call_wrongPassword_isClear401() {
        BitcoinRpcClient rpc = BitcoinRpcClient.builder(uri).userPassword("alice", "wrong").maxRetries(0).build();
        assertThatThrownBy(rpc::getBlockCount).isInstanceOf(CordonException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("rpcuser and rpcpassword");
    }

    @Test
    void call_userPassword_authenticates() {
        acceptedAuth = auth("alice:secret");
        assertThat(BitcoinRpcClient.builder(uri).userPassword("alice", "secret").build().getBlockCount()).isEqualTo(438);
    }

    @Test
    void call_cookieRotated_isReread() throws IOException {
        BitcoinRpcClient rpc = cookieClient();
        assertThat(rpc.getBlockCount()).isEqualTo(438);
        Files.writeString(dir.resolve(".cookie"), "__cookie__:new");
        acceptedAuth = auth("__cookie__:new");
        assertThat(rpc.getBlockCount()).isEqualTo(438);
    }

    @Test
    void call_noNode_failsAfterRetriesWithEndpoint() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        BitcoinRpcClient rpc = BitcoinRpcClient.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .userPassword("u", "p").maxRetries(2).retryBackoff(Duration.ofMillis(1))
                .connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(rpc::getBlockCount).hasMessageContaining("cannot reach the node at http://127.0.0.1:" + port)
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void builder_validatesSettings() {
        assertThatThrownBy(() -> BitcoinRpcClient.builder(uri).build()).hasMessageContaining("cookie file or a user");
        assertThatThrownBy(() -> BitcoinRpcClient.builder(URI.create("ftp://x/"))).isInstanceOf(CordonException.class);
        assertThatThrownBy(() -> BitcoinRpcClient.builder(uri).maxRetries(-1)).isInstanceOf(CordonException.class);
        assertThat(BitcoinRpcClient.builder(uri).userPassword("u", "p").toString()).contains("[hidden]").doesNotContain("p]");
    }
}
