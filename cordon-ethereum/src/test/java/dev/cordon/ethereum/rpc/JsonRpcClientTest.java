package dev.cordon.ethereum.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonRpcClientTest {
    private static final ObjectMapper M = new ObjectMapper();
    private HttpServer server;
    private final Deque<Function<JsonNode, Reply>> script = new ConcurrentLinkedDeque<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    record Reply(int status, String body, long delayMs) {
    }

    static Function<JsonNode, Reply> ok(String resultJson) {
        return req -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":" + resultJson + "}", 0);
    }

    JsonRpcClient client(int retries) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            JsonNode req = M.readTree(ex.getRequestBody());
            Function<JsonNode, Reply> f = script.isEmpty() ? ok("\"0x1\"") : script.poll();
            Reply r = f.apply(req);
            try {
                Thread.sleep(r.delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = r.body.getBytes(StandardCharsets.UTF_8);
            inFlight.decrementAndGet();
            ex.sendResponseHeaders(r.status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v3/secret-key");
        RpcSettings s = RpcSettings.defaults(uri).withTimeout(Duration.ofMillis(2000))
                .withRetries(retries, Duration.ofMillis(10), Duration.ofMillis(50)).withMaxConcurrent(2);
        return new JsonRpcClient(s, sleeps::add);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void call_retriesOn500And429AndTimeout_thenSucceeds() throws IOException {
        JsonRpcClient c = client(4);
        script.add(req -> new Reply(500, "oops", 0));
        script.add(req -> new Reply(429, "slow down", 0));
        script.add(req -> new Reply(200, "{}", 6000));
        script.add(ok("\"0x2a\""));
        assertThat(new EthRpc(c).chainId()).isEqualTo(42);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void call_giveUpAfterRetries_namesMethodAndHidesKey() throws IOException {
        JsonRpcClient c = client(1);
        script.add(req -> new Reply(503, "", 0));
        script.add(req -> new Reply(503, "", 0));
        assertThatThrownBy(() -> c.call("eth_blockNumber")).isInstanceOf(CordonException.class)
                .hasMessageContaining("eth_blockNumber").hasMessageContaining("HTTP 503")
                .hasMessageNotContaining("secret-key").hasMessageContaining("gave up after 2 attempts");
    }

    static Function<JsonNode, Reply> rpcError(int code, String message) {
        return req -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id")
                + ",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}", 0);
    }

    @Test
    void call_retriesJsonRpcRateLimitErrors_thenSucceeds() throws IOException {
        JsonRpcClient c = client(4);
        script.add(rpcError(-32005, "limit exceeded"));
        script.add(rpcError(-32000, "Rate limit reached for this key"));
        script.add(rpcError(429, "Too Many Requests"));
        script.add(ok("\"0x2a\""));
        assertThat(new EthRpc(c).chainId()).isEqualTo(42);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void batch_rateLimitedMember_retriesTheChunk() throws IOException {
        JsonRpcClient c = client(2);
        script.add(req -> new Reply(200, "[{\"jsonrpc\":\"2.0\",\"id\":" + req.get(0).get("id") + ",\"result\":\"0x1\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":" + req.get(1).get("id")
                + ",\"error\":{\"code\":-32005,\"message\":\"request rate exceeded\"}}]", 0));
        script.add(req -> new Reply(200, "[{\"jsonrpc\":\"2.0\",\"id\":" + req.get(0).get("id") + ",\"result\":\"0x1\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":" + req.get(1).get("id") + ",\"result\":\"0x2\"}]", 0));
        List<JsonNode> r = c.batch(List.of(RpcRequest.of("eth_chainId"), RpcRequest.of("eth_blockNumber")));
        assertThat(r).extracting(JsonNode::asText).containsExactly("0x1", "0x2");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void call_rateLimitedPastRetries_givesUpNamingTheLimit_andOtherErrorsAreNotRetried() throws IOException {
        JsonRpcClient c = client(1);
        script.add(rpcError(-32005, "limit exceeded"));
        script.add(rpcError(-32005, "limit exceeded"));
        assertThatThrownBy(() -> c.call("eth_getLogs")).isInstanceOf(CordonException.class)
                .hasMessage("eth_getLogs: JSON-RPC rate limit (-32005: limit exceeded) from http://127.0.0.1:"
                        + server.getAddress().getPort() + "/[hidden] (gave up after 2 attempts)");
        script.add(rpcError(-32000, "header not found"));
        assertThatThrownBy(() -> c.call("eth_getBlockByNumber")).isInstanceOf(JsonRpcException.class)
                .hasMessageContaining("header not found");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void call_methodNotFound_andRpcError_andTruncatedJson() throws IOException {
        JsonRpcClient c = client(0);
        script.add(req -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id")
                + ",\"error\":{\"code\":-32601,\"message\":\"the method trace_block does not exist\"}}", 0));
        assertThatThrownBy(() -> c.call("trace_block", "0x1")).isInstanceOf(JsonRpcException.class)
                .hasMessageContaining("the node does not support trace_block")
                .satisfies(e -> assertThat(((JsonRpcException) e).isMethodNotFound()).isTrue());
        script.add(req -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id")
                + ",\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x08c379a0\"}}", 0));
        assertThatThrownBy(() -> c.call("eth_call")).isInstanceOf(JsonRpcException.class)
                .hasMessageContaining("eth_call failed").satisfies(e ->
                        assertThat(((JsonRpcException) e).data()).contains("0x08c379a0"));
        script.add(req -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"res", 0));
        assertThatThrownBy(() -> c.call("eth_getCode")).isInstanceOf(CordonException.class)
                .hasMessageContaining("eth_getCode").hasMessageContaining("truncated or invalid JSON")
                .satisfies(e -> assertThat(((CordonException) e).code()).isEqualTo(ErrorCode.REMOTE));
    }

    @Test
    void batch_matchesResponsesById_andSplitsIntoChunks() throws IOException {
        JsonRpcClient c = client(0);
        Function<JsonNode, Reply> reversed = req -> {
            StringBuilder sb = new StringBuilder("[");
            for (int i = req.size() - 1; i >= 0; i--) {
                sb.append("{\"jsonrpc\":\"2.0\",\"id\":").append(req.get(i).get("id")).append(",\"result\":\"")
                        .append(req.get(i).get("params").get(0).asText()).append("\"}").append(i > 0 ? "," : "");
            }
            return new Reply(200, sb.append("]").toString(), 0);
        };
        script.add(reversed);
        List<RpcRequest> reqs = List.of(RpcRequest.of("echo", "a"), RpcRequest.of("echo", "b"), RpcRequest.of("echo", "c"));
        assertThat(c.batch(reqs)).extracting(JsonNode::asText).containsExactly("a", "b", "c");
        script.add(req -> new Reply(200, "[]", 0));
        assertThatThrownBy(() -> c.batch(reqs)).hasMessageContaining("no answer for this request");
    }

    @Test
    void call_concurrencyLimit_isRespected() throws Exception {
        JsonRpcClient c = client(0);
        for (int i = 0; i < 8; i++) {
            script.add(req -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":\"0x1\"}", 60));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fs.add(pool.submit(() -> c.call("eth_blockNumber")));
        }
        for (Future<JsonNode> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);
    }
}
