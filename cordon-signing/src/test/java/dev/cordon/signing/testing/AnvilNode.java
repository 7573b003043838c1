package dev.cordon.signing.testing;

import dev.cordon.ethereum.rpc.EthRpc;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real Anvil node on a free loopback port, from the npm package {@code @foundry-rs/anvil-linux-amd64}. */
public final class AnvilNode implements AutoCloseable {
    private final Process process;
    private final EthRpc rpc;
    private final String url;

    private AnvilNode(Process process, String url) {
        this.process = process;
        this.url = url;
        this.rpc = new EthRpc(new JsonRpcClient(RpcSettings.defaults(URI.create(url))
                .withRetries(0, Duration.ofMillis(50), Duration.ofMillis(50))));
    }

    public static AnvilNode start(long chainId) throws IOException, InterruptedException {
        Path anvil = TestTools.require("@foundry-rs/anvil-linux-amd64/bin/anvil");
        int port = TestTools.freePort();
        Process p = new ProcessBuilder(anvil.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(chainId), "--silent", "--code-size-limit", "100000")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        AnvilNode node = new AnvilNode(p, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                node.rpc.chainId();
                return node;
            } catch (RuntimeException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    node.close();
                    throw new AssertionError("anvil did not start on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    public EthRpc rpc() {
        return rpc;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
