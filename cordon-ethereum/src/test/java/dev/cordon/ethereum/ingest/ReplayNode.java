package dev.cordon.ethereum.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC node on 127.0.0.1 (free port) that answers from a {@link Responder} and injects
 * scripted faults, one per HTTP exchange, in order.
 */
public final class ReplayNode implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Answers one call with its result, or throws {@link RpcError}. */
    @FunctionalInterface
    public interface Responder {
        JsonNode answer(String method, JsonNode params);
    }

    /** A JSON-RPC error answer. */
    public static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        public RpcError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** What to do to the next HTTP exchange instead of answering normally. */
    public enum Fault { HTTP_500, SLOW, TRUNCATED }

    private final HttpServer server;
    private final Responder responder;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile long slowMillis = 6000;

    public ReplayNode(Responder responder) throws IOException {
        this.responder = responder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public synchronized ReplayNode fault(Fault f) {
        faults.add(f);
        return this;
    }

    public ReplayNode slowMillis(long ms) {
        this.slowMillis = ms;
        return this;
    }

    public int exchanges() {
        return exchanges.get();
    }

    private synchronized Fault nextFault() {
        return faults.poll();
    }

    private void handle(HttpExchange ex) throws IOException {
        exchanges.incrementAndGet();
        try (ex) {
            JsonNode req = MAPPER.readTree(ex.getRequestBody().readAllBytes());
            Fault fault = nextFault();
            if (fault == Fault.HTTP_500) {
                send(ex, 500, "internal error".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault == Fault.SLOW) {
                Thread.sleep(slowMillis);
            }
            JsonNode resp;
            if (req.isArray()) {
                ArrayNode arr = MAPPER.createArrayNode();
                req.forEach(r -> arr.add(answer(r)));
                resp = arr;
            } else {
                resp = answer(req);
            }
            byte[] body = MAPPER.writeValueAsBytes(resp);
            if (fault == Fault.TRUNCATED) {
                body = java.util.Arrays.copyOf(body, body.length / 2);
            }
            send(ex, 200, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            send(ex, 500, String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private JsonNode answer(JsonNode req) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", req.get("id"));
        try {
            JsonNode r = responder.answer(req.get("method").asText(), req.get("params"));
            out.set("result", r == null ? MAPPER.nullNode() : r);
        } catch (RpcError e) {
            ObjectNode err = out.putObject("error");
            err.put("code", e.code);
            err.put("message", e.getMessage());
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
