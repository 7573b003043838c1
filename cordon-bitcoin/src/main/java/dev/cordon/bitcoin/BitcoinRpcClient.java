package dev.cordon.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client for the few Bitcoin Core JSON-RPC methods ingest needs
 * (https://developer.bitcoin.org/reference/rpc/): {@code getblockcount}, {@code getblockhash},
 * {@code getblock <hash> 0} and {@code getblockchaininfo}.
 *
 * <p>Authentication is HTTP Basic, either from Core's cookie file ({@code <datadir>/.cookie},
 * holding {@code __cookie__:<secret>}; re-read once when the node answers 401, as it changes on
 * every restart) or from {@code rpcuser}/{@code rpcpassword}. Connection failures, timeouts, HTTP
 * 5xx answers without a JSON-RPC error and the warm-up error -28 are retried with exponential
 * backoff; a JSON-RPC error is reported at once. Every failure is a {@link CordonException} with
 * {@link ErrorCode#REMOTE} naming the method. Thread-safe.
 */
public final class BitcoinRpcClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RPC_IN_WARMUP = -28;

    private final URI endpoint;
    private final HttpClient http;
    private final Path cookieFile;
    private final String userPassword;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration backoff;
    private final AtomicLong ids = new AtomicLong();
    private volatile String authorization;

    private BitcoinRpcClient(Builder b) {
        this.endpoint = b.endpoint;
        this.cookieFile = b.cookieFile;
        this.userPassword = b.userPassword;
        this.requestTimeout = b.requestTimeout;
        this.maxRetries = b.maxRetries;
        this.backoff = b.backoff;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(b.connectTimeout).build();
    }

    /** Starts a client for a node's RPC endpoint, e.g. {@code http://127.0.0.1:8332/}. */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** Height of the node's best chain. */
    public long getBlockCount() {
        JsonNode r = call("getblockcount");
        if (!r.canConvertToLong()) {
            throw malformed("getblockcount", r);
        }
        return r.asLong();
    }

    /**
     * Hash of the best-chain block at {@code height}.
     *
     * @throws CordonException with {@link ErrorCode#REMOTE} when the node has no such height
     */
    public BlockHash getBlockHash(long height) {
        if (height < 0) {
            throw new CordonException(ErrorCode.USAGE, "block height must be >= 0: " + height);
        }
        return hash("getblockhash", call("getblockhash", height));
    }

    /** The serialized block ({@code getblock <hash> 0}), ready for {@link BlockDecoder}. */
    public byte[] getBlockRaw(BlockHash hash) {
        JsonNode r = call("getblock", hash.hex(), 0);
        if (!r.isTextual()) {
            throw malformed("getblock", r);
        }
        return Hex.decode(r.asText(), "getblock " + hash + " result");
    }

    /** The node's chain state. */
    public BlockchainInfo getBlockchainInfo() {
        JsonNode r = call("getblockchaininfo");
        if (!r.path("chain").isTextual() || !r.path("blocks").canConvertToLong()) {
            throw malformed("getblockchaininfo", r);
        }
        return new BlockchainInfo(r.get("chain").asText(), r.get("blocks").asLong(), r.path("headers").asLong(),
                hash("getblockchaininfo", r.path("bestblockhash")), r.path("initialblockdownload").asBoolean(false),
                r.path("pruned").asBoolean(false));
    }

    /**
     * What {@code getblockchaininfo} reports.
     *
     * @param chain {@code main}, {@code test}, {@code signet} or {@code regtest}
     *              (see {@link BitcoinNetwork#coreName()})
     */
    public record BlockchainInfo(String chain, long blocks, long headers, BlockHash bestBlockHash,
                                 boolean initialBlockDownload, boolean pruned) {
        public BlockchainInfo {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(bestBlockHash, "bestBlockHash");
        }
    }

    private JsonNode call(String method, Object... params) {
        byte[] body = request(method, params);
        boolean reauthenticated = false;
        Duration wait = backoff;
        int attempt = 0;
        while (true) {
            boolean retryable = attempt < maxRetries;
            HttpResponse<byte[]> resp = send(method, body, attempt, retryable);
            if (resp != null && resp.statusCode() == 401 && cookieFile != null && !reauthenticated) {
                authorization = null; // the node restarted and wrote a new cookie
                reauthenticated = true;
                continue;
            }
            JsonNode result = resp == null ? null : result(method, resp, retryable);
            if (result != null) {
                return result;
            }
            wait = sleep(method, wait);
            attempt++;
        }
    }

    /** The response, or null when the connection failed and a retry is allowed. */
    private HttpResponse<byte[]> send(String method, byte[] body, int attempt, boolean retryable) {
        try {
            return http.send(post(body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (retryable) {
                return null;
            }
            throw new CordonException(ErrorCode.REMOTE, method + ": cannot reach the node at " + endpoint
                    + " after " + (attempt + 1) + " attempts: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CordonException(ErrorCode.REMOTE, method + ": interrupted", e);
        }
    }

    /** The JSON-RPC result, or null when the answer calls for a retry that is allowed. */
    private JsonNode result(String method, HttpResponse<byte[]> resp, boolean retryable) {
        int status = resp.statusCode();
        checkAccess(method, status);
        JsonNode json = parse(resp.body());
        JsonNode error = json == null ? null : json.get("error");
        if (error != null && !error.isNull()) {
            if (error.path("code").asInt() == RPC_IN_WARMUP && retryable) {
                return null;
            }
            throw new CordonException(ErrorCode.REMOTE, method + " failed on the node: "
                    + error.path("message").asText(error.toString()) + " (code " + error.path("code").asInt() + ")");
        }
        if (status >= 500 && retryable) {
            return null;
        }
        if (status != 200 || json == null || !json.has("result")) {
            throw new CordonException(ErrorCode.REMOTE, method + ": unexpected answer from " + endpoint
                    + " (HTTP " + status + ")");
        }
        return json.get("result");
    }

    private void checkAccess(String method, int status) {
        if (status == 401) {
            throw new CordonException(ErrorCode.REMOTE, method + ": the node rejected the credentials (HTTP 401); "
                    + (cookieFile != null ? "check that " + cookieFile + " is the running node's cookie file"
                    : "check rpcuser and rpcpassword"));
        }
        if (status == 403) {
            throw new CordonException(ErrorCode.REMOTE, method + ": the node refused this client (HTTP 403); "
                    + "check rpcallowip and rpcwhitelist");
        }
    }

    private HttpRequest post(byte[] body) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private String authorization() {
        String a = authorization;
        if (a == null) {
            String secret = cookieFile != null ? readCookie() : userPassword;
            a = "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            authorization = a;
        }
        return a;
    }

    private String readCookie() {
        try {
            String c = Files.readString(cookieFile, StandardCharsets.UTF_8).trim();
            if (c.indexOf(':') < 0) {
                throw new CordonException(ErrorCode.REMOTE, "cookie file " + cookieFile + " does not hold user:secret");
            }
            return c;
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read the node's cookie file " + cookieFile
                    + " (is the node running, and is this its data directory?): " + e.getMessage(), e);
        }
    }

    private byte[] request(String method, Object... params) {
        ObjectNode req = JSON.createObjectNode();
        req.put("jsonrpc", "1.0");
        req.put("id", ids.incrementAndGet());
        req.put("method", method);
        ArrayNode p = req.putArray("params");
        for (Object o : params) {
            p.addPOJO(o);
        }
        try {
            return JSON.writeValueAsBytes(req);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a JSON-RPC request", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Duration sleep(String method, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CordonException(ErrorCode.REMOTE, method + ": interrupted while waiting to retry", e);
        }
        return wait.multipliedBy(2);
    }

    private static BlockHash hash(String method, JsonNode r) {
        if (!r.isTextual()) {
            throw malformed(method, r);
        }
        try {
            return BlockHash.parse(r.asText());
        } catch (CordonException e) {
            throw new CordonException(ErrorCode.REMOTE, method + ": the node returned a malformed hash: " + e.getMessage(), e);
        }
    }

    private static CordonException malformed(String method, JsonNode r) {
        String text = r.toString();
        return new CordonException(ErrorCode.REMOTE, method + ": unexpected result "
                + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }

    /** Settings of a client; each setter validates its value. */
    public static final class Builder {
        private final URI endpoint;
        private Path cookieFile;
        private String userPassword;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxRetries = 5;
        private Duration backoff = Duration.ofMillis(500);

        private Builder(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
                throw new CordonException(ErrorCode.USAGE, "RPC endpoint must be an http(s) URL with a host: " + endpoint);
            }
            this.endpoint = endpoint;
        }

        /** Authenticates with Core's cookie file (default {@code <datadir>/.cookie}); read when first needed. */
        public Builder cookieFile(Path file) {
            this.cookieFile = Objects.requireNonNull(file, "file");
            this.userPassword = null;
            return this;
        }

        /** Authenticates with {@code rpcuser}/{@code rpcpassword}. */
        public Builder userPassword(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isEmpty() || user.indexOf(':') >= 0) {
                throw new CordonException(ErrorCode.USAGE, "RPC user must be non-empty and contain no ':'");
            }
            this.userPassword = user + ":" + password;
            this.cookieFile = null;
            return this;
        }

        /** Time allowed to open a connection; default 10 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connect timeout");
            return this;
        }

        /** Time allowed for one request to be answered; default 60 s. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "request timeout");
            return this;
        }

        /** Retries after the first attempt; default 5, 0 to fail at once. */
        public Builder maxRetries(int n) {
            if (n < 0 || n > 100) {
                throw new CordonException(ErrorCode.USAGE, "RPC retries must be 0..100: " + n);
            }
            this.maxRetries = n;
            return this;
        }

        /** Wait before the first retry, doubled for each further one; default 500 ms. */
        public Builder retryBackoff(Duration d) {
            this.backoff = positive(d, "retry backoff");
            return this;
        }

        /**
         * @throws CordonException with {@link ErrorCode#USAGE} when no authentication was chosen
         */
        public BitcoinRpcClient build() {
            if (cookieFile == null && userPassword == null) {
                throw new CordonException(ErrorCode.USAGE, "RPC needs a cookie file or a user and password");
            }
            return new BitcoinRpcClient(this);
        }

        @Override
        public String toString() {
            return "BitcoinRpcClient.Builder[" + endpoint + ", auth="
                    + (cookieFile != null ? "cookie " + cookieFile : userPassword != null ? "[hidden]" : "none") + "]";
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new CordonException(ErrorCode.USAGE, what + " must be positive: " + d);
            }
            return d;
        }
    }
}
