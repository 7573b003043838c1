package dev.cordon.bench.ethereum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC node on 127.0.0.1 (free port) serving pre-serialized blocks: answers are spliced
 * from stored bytes, so the server costs little beside the client being measured.
 */
final class ReplayServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final long first;
    private final List<SyntheticEthBlocks.Raw> blocks;

    ReplayServer(long first, List<SyntheticEthBlocks.Raw> blocks) throws IOException {
        this.first = first;
        this.blocks = blocks;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req = MAPPER.readTree(ex.getRequestBody().readAllBytes());
            List<byte[]> parts = new ArrayList<>();
            if (req.isArray()) {
                parts.add(ascii("["));
                for (int i = 0; i < req.size(); i++) {
                    if (i > 0) {
                        parts.add(ascii(","));
                    }
                    answer(req.get(i), parts);
                }
                parts.add(ascii("]"));
            } else {
                answer(req, parts);
            }
            long length = parts.stream().mapToLong(p -> p.length).sum();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, length);
            try (OutputStream os = ex.getResponseBody()) {
                for (byte[] p : parts) {
                    os.write(p);
                }
            }
        }
    }

    /** Adds the pieces of one answer, the stored results themselves rather than copies. */
    private void answer(JsonNode req, List<byte[]> parts) {
        parts.add(ascii("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":"));
        String method = req.get("method").asText();
        if (method.equals("eth_blockNumber")) {
            parts.add(ascii('"' + SyntheticEthBlocks.hex(first + blocks.size() - 1) + '"'));
        } else {
            long h = Long.parseLong(req.get("params").get(0).asText().substring(2), 16);
            int i = (int) (h - first);
            if (i < 0 || i >= blocks.size()) {
                parts.add(ascii("null"));
            } else {
                SyntheticEthBlocks.Raw r = blocks.get(i);
                parts.add(switch (method) {
                    case "eth_getBlockByNumber" -> r.block();
                    case "eth_getBlockReceipts" -> r.receipts();
                    case "trace_block" -> r.parity();
                    default -> r.geth();
                });
            }
        }
        parts.add(ascii("}"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
