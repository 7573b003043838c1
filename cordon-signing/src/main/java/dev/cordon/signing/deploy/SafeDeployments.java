package dev.cordon.signing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical Safe contract deployments, bundled from Safe's published list
 * ({@code @safe-global/safe-deployments}, MIT; see {@code safe-deployments.LICENSE} beside the
 * data and {@code tools/npm/scripts/extract-safe-deployments.js}, which regenerates it).
 * Lookups are by address, optionally restricted to the chains the list names.
 */
public final class SafeDeployments {
    private static final String RESOURCE = "safe-deployments.json";
    private static volatile SafeDeployments bundled;

    private final String source;
    private final List<Deployment> all;
    private final Map<Address, List<Deployment>> byAddress = new HashMap<>();

    SafeDeployments(String source, List<Deployment> all) {
        this.source = source;
        this.all = List.copyOf(all);
        for (Deployment d : this.all) {
            byAddress.computeIfAbsent(d.address(), a -> new ArrayList<>()).add(d);
        }
    }

    /** The bundled list, read once. */
    public static SafeDeployments bundled() {
        SafeDeployments b = bundled;
        if (b == null) {
            synchronized (SafeDeployments.class) {
                b = bundled;
                if (b == null) {
                    b = load();
                    bundled = b;
                }
            }
        }
        return b;
    }

    /** Where the data came from (package, version, licence). */
    public String source() {
        return source;
    }

    public List<Deployment> all() {
        return all;
    }

    /** Deployments at this address that the list names for this chain. */
    public List<Deployment> onChain(long chainId, Address address) {
        List<Deployment> out = new ArrayList<>();
        for (Deployment d : byAddress.getOrDefault(address, List.of())) {
            if (d.onChain(chainId)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The first deployment at this address for this chain. */
    public Optional<Deployment> find(long chainId, Address address) {
        List<Deployment> l = onChain(chainId, address);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Deployments at this address on any chain (a canonical address on a chain the list does not name). */
    public List<Deployment> anyChain(Address address) {
        return List.copyOf(byAddress.getOrDefault(address, List.of()));
    }

    private static SafeDeployments load() {
        try (InputStream in = SafeDeployments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CordonException(ErrorCode.DATA, "bundled Safe deployment list " + RESOURCE + " is missing");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new DecodeException(RESOURCE, -1, "cannot read the bundled Safe deployment list: " + e.getMessage(), e);
        }
    }

    static SafeDeployments parse(JsonNode root) {
        List<Deployment> out = new ArrayList<>();
        for (JsonNode c : root.path("contracts")) {
            if (!c.path("released").asBoolean(false)) {
                continue;
            }
            DeploymentRole role = DeploymentRole.parse(c.path("role").asText("other"));
            Iterator<Map.Entry<String, JsonNode>> it = c.path("deployments").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode d = e.getValue();
                String hash = d.path("codeHash").asText("");
                out.add(new Deployment(c.path("key").asText(), role, c.path("contractName").asText(),
                        c.path("version").asText(), e.getKey(),
                        EthAddresses.parse(d.path("address").asText(), RESOURCE + " " + c.path("key").asText()),
                        hash.isEmpty() ? Optional.empty() : Optional.of(Bytes32.parse(hash, "codeHash")),
                        chains(d.path("chains").asText(""))));
            }
        }
        return new SafeDeployments(root.path("source").asText(RESOURCE) + "; " + root.path("licence").asText(""), out);
    }

    private static Set<Long> chains(String csv) {
        Set<Long> s = new HashSet<>();
        for (String p : csv.split(",")) {
            if (!p.isBlank()) {
                s.add(Long.parseLong(p.trim()));
            }
        }
        return s;
    }
}
