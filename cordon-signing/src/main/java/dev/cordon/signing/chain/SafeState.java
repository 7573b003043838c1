package dev.cordon.signing.chain;

import dev.cordon.core.Address;
import dev.cordon.signing.SafeVersion;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Safe's configuration as read from the chain. A value that could not be read is empty and
 * the reason is in {@code readErrors}: a proxy whose master copy was replaced (the Bybit case)
 * no longer answers the Safe's getters.
 *
 * @param masterCopy     storage slot 0 of the proxy
 * @param versionText    what {@code VERSION()} returned
 * @param version        the version, if cordon knows it
 * @param contractOwners the owners that have code
 */
public record SafeState(Address safe, long chainId, Address masterCopy, Optional<String> versionText,
                        Optional<SafeVersion> version, List<Address> owners, OptionalInt threshold,
                        Optional<BigInteger> nonce, List<Address> modules, Optional<Address> guard,
                        Optional<Address> moduleGuard, Optional<Address> fallbackHandler, Set<Address> contractOwners,
                        List<String> readErrors) {
    public SafeState {
        Objects.requireNonNull(safe, "safe");
        Objects.requireNonNull(masterCopy, "masterCopy");
        Objects.requireNonNull(versionText, "versionText");
        Objects.requireNonNull(version, "version");
        owners = List.copyOf(owners);
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(nonce, "nonce");
        modules = List.copyOf(modules);
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(moduleGuard, "moduleGuard");
        Objects.requireNonNull(fallbackHandler, "fallbackHandler");
        contractOwners = Set.copyOf(contractOwners);
        readErrors = List.copyOf(readErrors);
    }
}
