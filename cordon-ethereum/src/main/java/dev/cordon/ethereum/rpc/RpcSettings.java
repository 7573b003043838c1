package dev.cordon.ethereum.rpc;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link JsonRpcClient} talks to a node. Each setting is validated here, once.
 *
 * @param endpoint       http(s) URL of the node; its path and query may hold an API key, so only
 *                       scheme, host and port are ever printed ({@link #redactedEndpoint()})
 * @param timeout        per HTTP exchange (default 30 s)
 * @param maxRetries     retries after the first try on a timeout, connection failure, HTTP 429
 *                       or 5xx, or a JSON-RPC rate-limit error (default 4; 0 disables retries)
 * @param initialBackoff wait before the first retry, doubled on each further retry (default 250 ms)
 * @param maxBackoff     cap on one wait, also on a server's {@code Retry-After} (default 10 s)
 * @param maxConcurrent  HTTP exchanges in flight at once across all threads (default 4)
 * @param maxBatchSize   requests per JSON-RPC batch; larger batches are split (default 100)
 */
public record RpcSettings(URI endpoint, Duration timeout, int maxRetries, Duration initialBackoff,
                          Duration maxBackoff, int maxConcurrent, int maxBatchSize) {
    public RpcSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new CordonException(ErrorCode.USAGE, "RPC endpoint must be an http:// or https:// URL with a host");
        }
        requirePositive(timeout, "timeout");
        requirePositive(initialBackoff, "initial backoff");
        requirePositive(maxBackoff, "max backoff");
        if (maxRetries < 0 || maxRetries > 20) {
            throw new CordonException(ErrorCode.USAGE, "RPC max retries must be 0..20, got " + maxRetries);
        }
        if (maxConcurrent < 1 || maxConcurrent > 256) {
            throw new CordonException(ErrorCode.USAGE, "RPC max concurrent requests must be 1..256, got " + maxConcurrent);
        }
        if (maxBatchSize < 1 || maxBatchSize > 10_000) {
            throw new CordonException(ErrorCode.USAGE, "RPC max batch size must be 1..10000, got " + maxBatchSize);
        }
    }

    /** The defaults for a node at {@code endpoint}. */
    public static RpcSettings defaults(URI endpoint) {
        return new RpcSettings(endpoint, Duration.ofSeconds(30), 4, Duration.ofMillis(250),
                Duration.ofSeconds(10), 4, 100);
    }

    /**
     * Parses a URL given by a user.
     *
     * @throws CordonException with USAGE when it is not an http(s) URL
     */
    public static RpcSettings defaults(String endpoint) {
        try {
            return defaults(new URI(endpoint.trim()));
        } catch (java.net.URISyntaxException e) {
            throw new CordonException(ErrorCode.USAGE, "RPC endpoint is not a URL: " + e.getReason());
        }
    }

    public RpcSettings withTimeout(Duration t) {
        return new RpcSettings(endpoint, t, maxRetries, initialBackoff, maxBackoff, maxConcurrent, maxBatchSize);
    }

    public RpcSettings withRetries(int retries, Duration initial, Duration max) {
        return new RpcSettings(endpoint, timeout, retries, initial, max, maxConcurrent, maxBatchSize);
    }

    public RpcSettings withMaxConcurrent(int n) {
        return new RpcSettings(endpoint, timeout, maxRetries, initialBackoff, maxBackoff, n, maxBatchSize);
    }

    public RpcSettings withMaxBatchSize(int n) {
        return new RpcSettings(endpoint, timeout, maxRetries, initialBackoff, maxBackoff, maxConcurrent, n);
    }

    /** {@code scheme://host[:port]}, without the path or query that may carry an API key. */
    public String redactedEndpoint() {
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        boolean hidden = (endpoint.getRawPath() != null && endpoint.getRawPath().length() > 1)
                || endpoint.getRawQuery() != null || endpoint.getRawUserInfo() != null;
        return endpoint.getScheme() + "://" + endpoint.getHost() + port + (hidden ? "/[hidden]" : "");
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new CordonException(ErrorCode.USAGE, "RPC " + what + " must be positive, got " + d);
        }
    }
}
