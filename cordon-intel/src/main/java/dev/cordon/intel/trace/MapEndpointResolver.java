package dev.cordon.intel.trace;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.intel.trace.internal.IntIntMap;
import dev.cordon.store.ChainStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Endpoints from an in-memory map of addresses, resolved once to the store's dense address
 * ids; a lookup is one primitive hash probe, without boxing or allocation. Addresses the store
 * has never seen are counted in {@link #unknown()} and otherwise ignored (no value can reach
 * them). Immutable and thread-safe once built.
 */
public final class MapEndpointResolver implements EndpointResolver {
    private final IntIntMap[] byChain;
    private final List<Optional<Endpoint>> values;
    private final Map<Address, Endpoint> byAddress;
    private final int unknown;

    private MapEndpointResolver(IntIntMap[] byChain, List<Optional<Endpoint>> values, Map<Address, Endpoint> byAddress,
                                int unknown) {
        this.byChain = byChain;
        this.values = values;
        this.byAddress = byAddress;
        this.unknown = unknown;
    }

    /**
     * A resolver for {@code endpoints}, with ids looked up in {@code store}. Running time
     * O(n) store lookups.
     */
    public static MapEndpointResolver of(Map<Address, Endpoint> endpoints, ChainStore store) {
        IntIntMap[] maps = new IntIntMap[Chain.values().length];
        for (int c = 0; c < maps.length; c++) {
            maps[c] = new IntIntMap(16);
        }
        List<Optional<Endpoint>> values = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<Address, Endpoint> e : endpoints.entrySet()) {
            OptionalInt id = idOf(e.getKey(), store);
            if (id.isPresent()) {
                maps[e.getKey().chain().ordinal()].put(id.getAsInt(), values.size());
                values.add(Optional.of(e.getValue()));
            } else {
                missing++;
            }
        }
        return new MapEndpointResolver(maps, List.copyOf(values), Map.copyOf(endpoints), missing);
    }

    /** The chain store's dense id of an address: Ethereum ids come from the store's Ethereum side. */
    private static OptionalInt idOf(Address a, ChainStore store) {
        if (a.chain() == Chain.ETHEREUM) {
            return store.ethereum().address(a, 0).map(i -> OptionalInt.of(i.addressId())).orElse(OptionalInt.empty());
        }
        return store.addressId(a);
    }

    @Override
    public Optional<Endpoint> endpoint(Chain chain, int addressId) {
        if (addressId < 0) {
            return Optional.empty();
        }
        int i = byChain[chain.ordinal()].get(addressId);
        return i < 0 ? Optional.empty() : values.get(i);
    }

    /** The endpoint at an address, by its text form. */
    public Optional<Endpoint> endpoint(Address address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** How many given addresses the store does not know. */
    public int unknown() {
        return unknown;
    }

    /** How many endpoint addresses the store knows. */
    public int size() {
        return values.size();
    }
}
