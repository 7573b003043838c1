package dev.cordon.signing.deploy;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One canonical deployment of a Safe contract, as Safe's published deployment list records it.
 *
 * @param key          the list's file name ({@code multi_send_call_only})
 * @param contractName {@code MultiSendCallOnly}
 * @param version      the Safe release it belongs to ({@code 1.3.0})
 * @param type         the deployment flavour ({@code canonical}, {@code eip155}, {@code zksync})
 * @param codeHash     keccak256 of the runtime code at {@code address}, when the list has it
 * @param chains       chain ids on which the list says this flavour is deployed
 */
public record Deployment(String key, DeploymentRole role, String contractName, String version, String type,
                         Address address, Optional<Bytes32> codeHash, Set<Long> chains) {
    public Deployment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(contractName, "contractName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(codeHash, "codeHash");
        chains = Set.copyOf(chains);
    }

    public boolean onChain(long chainId) {
        return chains.contains(chainId);
    }

    /** {@code MultiSendCallOnly 1.3.0 (canonical)}. */
    public String describe() {
        return contractName + " " + version + " (" + type + ")";
    }
}
