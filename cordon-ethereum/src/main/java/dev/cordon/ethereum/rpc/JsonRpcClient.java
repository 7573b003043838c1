package dev.cordon.ethereum.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC 2.0 client over HTTP ({@code java.net.http}), safe for use by many threads.
 *
 * <p>Design notes. Every HTTP exchange holds one permit of a semaphore sized
 * {@link RpcSettings#maxConcurrent()}, so a pool of ingest workers cannot overrun a node. A
 * timeout, a refused or reset connection, HTTP 429, HTTP 5xx and a JSON-RPC rate-limit error
 * (-32005, or a message saying "rate limit" or "too many requests") are retried up to
 * {@link RpcSettings#maxRetries()} times with exponential backoff and jitter (a server's
 * {@code Retry-After} is honoured up to the cap); the permit is released while waiting. Anything
 * else fails at once with {@link ErrorCode#REMOTE} naming the method: another HTTP status, a
 * body that is not complete JSON (truncated), a response without {@code result} or
 * {@code error}, and JSON-RPC errors ({@link JsonRpcException}; -32601 says which method the
 * node lacks). A batch is split into chunks of {@link RpcSettings#maxBatchSize()}; responses
 * are matched by id and a missing id is an error, never a silently dropped result.
 */
public final class JsonRpcClient {
    private static final Logger log = LoggerFactory.getLogger(JsonRpcClient.class);
    /** EIP-1474: "Limit exceeded", what providers answer when a key's request rate is used up. */
    private static final int LIMIT_EXCEEDED = -32005;

    private final RpcSettings settings;
    private final HttpClient http;
    private final Semaphore permits;
    private final Sleeper sleeper;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong(1);

    public JsonRpcClient(RpcSettings settings) {
        this(settings, Sleeper.system());
    }

    public JsonRpcClient(RpcSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public RpcSettings settings() {
        return settings;
    }

    /**
     * Calls one method.
     *
     * @return the {@code result} member; a JSON null node when the node answered null
     * @throws JsonRpcException when the node answers with an error object
     * @throws CordonException  with REMOTE when the node cannot be reached after the retries or
     *                          answers with something that is not a JSON-RPC response
     */
    public JsonNode call(String method, Object... params) {
        return call(RpcRequest.of(method, params));
    }

    /** As {@link #call(String, Object...)}. */
    public JsonNode call(RpcRequest request) {
        long id = ids.getAndIncrement();
        JsonNode response = exchange(encode(request, id), request.method());
        if (!response.isObject()) {
            throw remote(request.method(), "the node's response is not a JSON object");
        }
        return result(request, response);
    }

    /**
     * Calls several methods in JSON-RPC batches, in chunks of at most
     * {@link RpcSettings#maxBatchSize()}.
     *
     * @return the results in the order of {@code requests}
     * @throws JsonRpcException on the first request (in order) that the node answered with an error
     */
    public List<JsonNode> batch(List<RpcRequest> requests) {
        return batch(requests, Set.of());
    }

    /**
     * As {@link #batch(List)}, but members named in {@code ignoredFields} are skipped by the
     * streaming parser at any depth, without being decoded or kept in the tree: for large
     * results (blocks, receipts, traces) whose calldata, bytecode and blooms the caller never
     * reads. A name of the form {@code "logs[].blockHash"} is skipped only in the objects that
     * are elements of an array member named {@code logs}. JSON-RPC envelope members ({@code id}, {@code result}, {@code error} and the error's
     * {@code code}, {@code message}, {@code data}) must not be listed.
     */
    public List<JsonNode> batch(List<RpcRequest> requests, Set<String> ignoredFields) {
        List<JsonNode> out = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += settings.maxBatchSize()) {
            out.addAll(batchChunk(requests.subList(from, Math.min(requests.size(), from + settings.maxBatchSize())),
                    ignoredFields));
        }
        return out;
    }

    private List<JsonNode> batchChunk(List<RpcRequest> chunk, Set<String> ignoredFields) {
        ArrayNode body = mapper.createArrayNode();
        long first = ids.getAndAdd(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            body.add(encode(chunk.get(i), first + i));
        }
        String what = "batch of " + chunk.size() + " (" + chunk.get(0).method() + (chunk.size() > 1 ? ", ..." : "") + ")";
        JsonNode response = exchange(body, what, ignoredFields);
        if (response.isObject() && response.has("error")) {
            JsonNode err = response.get("error");
            throw new JsonRpcException(what, err.path("code").asInt(0), err.path("message").asText("(no message)"), null);
        }
        if (!response.isArray()) {
            throw remote(what, "the node answered a batch with something other than an array");
        }
        Map<Long, JsonNode> byId = new HashMap<>();
        for (JsonNode r : response) {
            JsonNode idNode = r.get("id");
            if (idNode != null && idNode.canConvertToLong()) {
                byId.put(idNode.asLong(), r);
            }
        }
        List<JsonNode> out = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            JsonNode r = byId.get(first + i);
            if (r == null) {
                throw remote(chunk.get(i).method(), "the node's batch response has no answer for this request (id "
                        + (first + i) + ")");
            }
            out.add(result(chunk.get(i), r));
        }
        return out;
    }

    private JsonNode result(RpcRequest request, JsonNode response) {
        JsonNode err = response.get("error");
        if (err != null && !err.isNull()) {
            JsonNode data = err.get("data");
            throw new JsonRpcException(request.method(), err.path("code").asInt(0),
                    err.path("message").asText("(no message)"), data == null ? null : data.toString());
        }
        if (!response.has("result")) {
            throw remote(request.method(), "the node's response has neither result nor error");
        }
        return response.get("result");
    }

    private ObjectNode encode(RpcRequest request, long id) {
        ObjectNode o = mapper.createObjectNode();
        o.put("jsonrpc", "2.0");
        o.put("id", id);
        o.put("method", request.method());
        o.set("params", mapper.valueToTree(request.params()));
        return o;
    }

    private JsonNode exchange(JsonNode body, String what) {
        return exchange(body, what, Set.of());
    }

    private JsonNode exchange(JsonNode body, String what, Set<String> ignoredFields) {
        byte[] payload;
        try {
            payload = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new CordonException(ErrorCode.USAGE, "cannot encode the parameters of " + what + ": "
                    + e.getOriginalMessage(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        for (int attempt = 0; ; attempt++) {
            Attempt a = sendOnce(request, what);
            if (a.body != null) {
                JsonNode parsed = parse(a.body, what, ignoredFields);
                String limited = rateLimit(parsed);
                if (limited == null) {
                    return parsed;
                }
                a = new Attempt(null, limited + " from " + settings.redactedEndpoint(), null);
            }
            if (attempt >= settings.maxRetries()) {
                throw remote(what, a.problem + " (gave up after " + (attempt + 1) + " attempts)");
            }
            Duration wait = backoff(attempt, a.retryAfter);
            log.debug("{} - {}; retry {} of {} in {} ms", what, a.problem, attempt + 1, settings.maxRetries(), wait.toMillis());
            pause(wait, what);
        }
    }

    /** One HTTP exchange: the body, or a retryable problem; non-retryable problems throw. */
    private Attempt sendOnce(HttpRequest request, String what) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw remote(what, "interrupted while waiting for a free connection");
        }
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = r.statusCode();
            if (status == 429 || status >= 500) {
                Duration retryAfter = r.headers().firstValue("Retry-After").map(JsonRpcClient::seconds).orElse(null);
                return new Attempt(null, "HTTP " + status + " from " + settings.redactedEndpoint(), retryAfter);
            }
            if (status != 200) {
                throw remote(what, "HTTP " + status + " from " + settings.redactedEndpoint() + ": "
                        + snippet(r.body()));
            }
            return new Attempt(r.body(), null, null);
        } catch (HttpTimeoutException e) {
            return new Attempt(null, "timed out after " + settings.timeout().toMillis() + " ms at "
                    + settings.redactedEndpoint(), null);
        } catch (IOException e) {
            return new Attempt(null, "cannot reach " + settings.redactedEndpoint() + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw remote(what, "interrupted");
        } finally {
            permits.release();
        }
    }

    private JsonNode parse(byte[] body, String what, Set<String> ignoredFields) {
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            // Closed here, so that its buffers and the field names it saw go back to the factory's pools.
            JsonNode n = ignoredFields.isEmpty() ? mapper.readTree(p) : mapper.readTree(new SkippingParser(p, ignoredFields));
            if (n == null || n.isMissingNode()) {
                throw remote(what, "the node sent an empty response body");
            }
            return n;
        } catch (IOException e) {
            throw remote(what, "the node sent truncated or invalid JSON (" + body.length + " bytes): "
                    + firstLine(e.getMessage()));
        }
    }

    /**
     * The rate-limit error a node or provider answered with, or null: JSON-RPC code -32005
     * (EIP-1474 "limit exceeded") or an error message saying "rate limit" or "too many requests",
     * in a single response or in any member of a batch response. The request was not served, so
     * it is retried like HTTP 429.
     */
    private static String rateLimit(JsonNode response) {
        if (response.isArray()) {
            for (JsonNode r : response) {
                String limited = rateLimit(r);
                if (limited != null) {
                    return limited;
                }
            }
            return null;
        }
        JsonNode err = response.get("error");
        if (err == null || !err.isObject()) {
            return null;
        }
        int code = err.path("code").asInt(0);
        String message = err.path("message").asText("");
        String lower = message.toLowerCase(Locale.ROOT);
        if (code == LIMIT_EXCEEDED || lower.contains("rate limit") || lower.contains("too many requests")) {
            return "JSON-RPC rate limit (" + code + ": " + firstLine(message) + ")";
        }
        return null;
    }

    private Duration backoff(int attempt, Duration retryAfter) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), settings.maxBackoff().toMillis()));
        }
        return Duration.ofMillis(Math.max(1, jittered));
    }

    private void pause(Duration wait, String what) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw remote(what, "interrupted while waiting to retry");
        }
    }

    private static Duration seconds(String header) {
        try {
            long s = Long.parseLong(header.trim());
            return s >= 0 ? Duration.ofSeconds(Math.min(s, 3600)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CordonException remote(String what, String problem) {
        return new CordonException(ErrorCode.REMOTE, what + ": " + problem);
    }

    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return firstLine(s.isBlank() ? "(empty body)" : s);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private record Attempt(byte[] body, String problem, Duration retryAfter) {
    }
}
