package dev.cordon.signing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.core.Hex;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The external programs and artifacts the integration tests use, installed by
 * {@code .ci/install-tools} into {@code tools/npm/node_modules}. Missing tools fail the test with
 * the command to run; they are never skipped silently.
 */
public final class TestTools {
    private TestTools() {
    }

    public static Path nodeModules() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path nm = p.resolve("tools/npm/node_modules");
            if (Files.isDirectory(nm)) {
                return nm;
            }
            if (Files.isRegularFile(p.resolve("tools/npm/package.json"))) {
                break;
            }
        }
        throw new AssertionError("tools/npm/node_modules not found above " + dir
                + ": run .ci/install-tools (it runs npm ci in tools/npm) before the integration tests");
    }

    public static Path require(String relative) {
        Path p = nodeModules().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError(p + " is missing: run .ci/install-tools");
        }
        return p;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The creation bytecode of a compiled contract artifact (truffle or hardhat JSON). */
    public static byte[] bytecode(String artifact) throws IOException {
        JsonNode n = new ObjectMapper().readTree(require(artifact).toFile());
        return Hex.decode(n.get("bytecode").asText(), artifact);
    }

    public static byte[] deployedBytecode(String artifact) throws IOException {
        JsonNode n = new ObjectMapper().readTree(require(artifact).toFile());
        return Hex.decode(n.get("deployedBytecode").asText(), artifact);
    }

    /**
     * Compiles a Solidity source on the test classpath (for example
     * {@code dev/cordon/signing/it/BybitReplica.sol}) with solc-js and returns the creation code of
     * each named contract.
     */
    public static Map<String, byte[]> compileResource(String resource, List<String> contracts)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("cordon-sol");
        Path source = work.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (var in = TestTools.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the test classpath");
            }
            Files.copy(in, source);
        }
        return compile(source, contracts);
    }

    /** Compiles a Solidity file with solc-js (node) and returns the creation code of each contract. */
    public static Map<String, byte[]> compile(Path source, List<String> contracts) throws IOException, InterruptedException {
        Path solc = require("solc/solc.js");
        Path work = Files.createTempDirectory("cordon-solc");
        Files.copy(source, work.resolve(source.getFileName()));
        Process p = new ProcessBuilder("node", solc.toString(), "--bin", "-o", "out", source.getFileName().toString())
                .directory(work.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("solc failed (is node installed? run .ci/install-tools): " + log);
        }
        String stem = source.getFileName().toString().replace('.', '_');
        java.util.LinkedHashMap<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (String c : contracts) {
            out.put(c, Hex.decode(Files.readString(work.resolve("out/" + stem + "_" + c + ".bin")).trim(), c));
        }
        return out;
    }
}
