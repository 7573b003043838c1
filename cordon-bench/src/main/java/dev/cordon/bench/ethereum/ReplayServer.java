package dev.cordon.bench.ethereum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            if (req.isArray()) {
                out.write('[');
                for (int i = 0; i < req.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    answer(req.get(i), out);
                }
                out.write(']');
            } else {
                answer(req, out);
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.size());
            try (OutputStream os = ex.getResponseBody()) {
                out.writeTo(os);
            }
        }
    }

    private void answer(JsonNode req, ByteArrayOutputStream out) throws IOException {
        out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":").getBytes(StandardCharsets.US_ASCII));
        String method = req.get("method").asText();
        if (method.equals("eth_blockNumber")) {
            out.write(('"' + SyntheticEthBlocks.hex(first + blocks.size() - 1) + '"').getBytes(StandardCharsets.US_ASCII));
        } else {
            long h = Long.parseLong(req.get("params").get(0).asText().substring(2), 16);
            int i = (int) (h - first);
            if (i < 0 || i >= blocks.size()) {
                out.write("null".getBytes(StandardCharsets.US_ASCII));
            } else {
                SyntheticEthBlocks.Raw r = blocks.get(i);
                out.write(switch (method) {
                    case "eth_getBlockByNumber" -> r.block();
                    case "eth_getBlockReceipts" -> r.receipts();
                    case "trace_block" -> r.parity();
                    default -> r.geth();
                });
            }
        }
        out.write('}');
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
