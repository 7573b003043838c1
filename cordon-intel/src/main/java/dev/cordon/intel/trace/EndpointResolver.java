package dev.cordon.intel.trace;

import dev.cordon.core.Chain;
import java.util.Optional;

/**
 * Says which addresses are labelled endpoints. Called once per tainted output a trace reaches,
 * so implementations answer from memory and should return shared {@code Optional}s rather
 * than allocate. {@link MapEndpointResolver} is the map-backed implementation; the label store
 * backs another.
 */
@FunctionalInterface
public interface EndpointResolver {
    /** The endpoint at the address with that dense id (the chain store's id), if labelled. */
    Optional<Endpoint> endpoint(Chain chain, int addressId);

    /** A resolver that knows no endpoint: traces run until value is unspent. */
    static EndpointResolver none() {
        return (chain, id) -> Optional.empty();
    }
}
