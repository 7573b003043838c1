package dev.cordon.signing.policy;

import dev.cordon.core.Address;
import java.util.List;
import java.util.Optional;

/**
 * Intelligence about counterparties: whether an address is labelled risky (a sanctioned or
 * exploiter address, a laundering service). Implemented by cordon's labels, or by
 * {@link AddressListRisk} from a user's list.
 */
public interface CounterpartyRisk {
    /** The risk label of this address, if it has one. Must be fast and must not do network I/O per call. */
    Optional<RiskLabel> assess(Address address);

    /** Knows of no risky address. */
    static CounterpartyRisk none() {
        return a -> Optional.empty();
    }

    /** The first label any of these sources has for an address. */
    static CounterpartyRisk anyOf(List<CounterpartyRisk> sources) {
        List<CounterpartyRisk> copy = List.copyOf(sources);
        return a -> copy.stream().map(s -> s.assess(a)).flatMap(Optional::stream).findFirst();
    }
}
