package dev.cordon.intel.trace;

import dev.cordon.core.Actor;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.Labels;
import dev.cordon.intel.store.LabelStore;
import dev.cordon.store.ChainStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Endpoints from the label store: the address labels of one chain open at a given time, resolved
 * once to the chain store's dense ids (lookups are then those of {@link MapEndpointResolver}: a
 * primitive hash probe, no allocation). Forward traces stop at services
 * ({@link Category#isService()}: exchanges, mixers, bridges, DEXs...); backward traces report
 * every labelled source. Where an address has several labels the strongest
 * ({@link Labels#STRONGEST_FIRST}) of those that qualify names it; the entity is the label's
 * actor when the store knows the actor, otherwise the label's name. Immutable once built.
 */
public final class LabelEndpointResolver implements EndpointResolver {
    /** Which labels count. */
    public enum Use {
        /** Services only: where a forward trace stops. */
        ENDPOINTS,
        /** Every label: the sources a backward trace names. */
        SOURCES
    }

    private final MapEndpointResolver delegate;
    private final int fromStore;

    private LabelEndpointResolver(MapEndpointResolver delegate, int fromStore) {
        this.delegate = delegate;
        this.fromStore = fromStore;
    }

    /**
     * Builds the endpoints of {@code chain}. Running time: one pass over every label, one actor
     * read per distinct actor, one chain store lookup per qualifying address.
     *
     * @param overrides endpoints that are added, and replace the store's at the same address
     *                  (a file given on the command line); may be empty
     */
    public static LabelEndpointResolver of(LabelStore labels, ChainStore store, Chain chain, Instant at, Use use,
                                           Map<Address, Endpoint> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        Map<Address, Label> best = new LinkedHashMap<>();
        labels.forEachLabel(l -> {
            if (l.subject() instanceof LabelSubject.OfAddress a && a.chain() == chain && l.isActiveAt(at)
                    && (use == Use.SOURCES || l.category().isService())) {
                best.merge(a.address(), l, (x, y) -> Labels.STRONGEST_FIRST.compare(x, y) <= 0 ? x : y);
            }
        });
        Map<String, Optional<Actor>> actors = new HashMap<>();
        Map<Address, Endpoint> endpoints = new HashMap<>();
        for (Map.Entry<Address, Label> e : best.entrySet()) {
            Label l = e.getValue();
            String entity = l.actor().flatMap(id -> actors.computeIfAbsent(id, labels::actor)).map(Actor::label).orElse(l.name());
            Category c = use == Use.SOURCES ? l.abuse().orElse(l.category()) : l.category();
            endpoints.put(e.getKey(), new Endpoint(entity, c));
        }
        int fromStore = endpoints.size();
        overrides.forEach((a, ep) -> {
            if (a.chain() == chain) {
                endpoints.put(a, ep);
            }
        });
        return new LabelEndpointResolver(MapEndpointResolver.of(endpoints, store), fromStore);
    }

    @Override
    public Optional<Endpoint> endpoint(Chain chain, int addressId) {
        return delegate.endpoint(chain, addressId);
    }

    /** The endpoint at an address, by its text form. */
    public Optional<Endpoint> endpoint(Address address) {
        return delegate.endpoint(address);
    }

    /** Labelled addresses that qualified, before overrides. */
    public int fromStore() {
        return fromStore;
    }

    /** Endpoint addresses the chain store knows (only these can be reached). */
    public int size() {
        return delegate.size();
    }

    /** Endpoint addresses the chain store has never seen. */
    public int unknown() {
        return delegate.unknown();
    }
}
