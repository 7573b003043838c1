package dev.cordon.intel.trace;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Category;
import dev.cordon.core.TxId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a trace, with names resolved. Forward: where the seeded value went; backward:
 * where the target's value came from ({@link #endpoints} are then the labelled sources and
 * {@link #mined} the value traced to coinbases). For a conserving model
 * {@code seeded - overlap = atEndpoints + held + fees + untraced + mined} to the base unit
 * (see {@link #balances()}); shares are fractions of {@code seeded}.
 *
 * @param overlap       taint that reached a seed from another seed and was counted once
 * @param heldOutputs   the largest outputs still holding taint (forward) or the coinbase
 *                      outputs reached (backward), largest first
 * @param txsVisited    transactions the trace spread or gathered
 * @param outputsTainted outputs that carried taint
 */
public record TraceReport(Direction direction, String model, boolean conserving, Amount seeded, Amount atEndpoints,
                          Amount held, Amount fees, Amount untraced, Amount mined, Amount overlap,
                          List<EndpointFlow> endpoints, List<TracedOutput> heldOutputs, int txsVisited,
                          int outputsTainted) {
    public TraceReport {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(model, "model");
        endpoints = List.copyOf(endpoints);
        heldOutputs = List.copyOf(heldOutputs);
    }

    /** Which way the trace ran. */
    public enum Direction {
        FORWARD, BACKWARD
    }

    /** Whether the books balance to the base unit (always true for a conserving model). */
    public boolean balances() {
        return seeded.minus(overlap).equals(atEndpoints.plus(held).plus(fees).plus(untraced).plus(mined));
    }

    /** The endpoint flows summed per entity, largest first. */
    public List<EntityFlow> entities() {
        Map<String, EntityFlow> by = new LinkedHashMap<>();
        for (EndpointFlow f : endpoints) {
            EntityFlow e = new EntityFlow(f.endpoint().entity(), f.endpoint().category(), f.amount(), f.share(),
                    f.firstArrival(), 1);
            by.merge(f.endpoint().entity(), e, EntityFlow::plus);
        }
        List<EntityFlow> list = new ArrayList<>(by.values());
        list.sort(Comparator.comparing(EntityFlow::amount).reversed().thenComparing(EntityFlow::entity));
        return list;
    }

    /**
     * Value that reached one endpoint address.
     *
     * @param firstArrival block time of the first tainted output there
     * @param outputs      how many tainted outputs arrived
     * @param paths        the largest arrivals, each with the path that brought it
     */
    public record EndpointFlow(Address address, Endpoint endpoint, Amount amount, double share, Instant firstArrival,
                               long firstHeight, int outputs, List<TracePath> paths) {
        public EndpointFlow {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(firstArrival, "firstArrival");
            paths = List.copyOf(paths);
        }
    }

    /** Endpoint flows of one entity. */
    public record EntityFlow(String entity, Category category, Amount amount, double share, Instant firstArrival,
                             int addresses) {
        EntityFlow plus(EntityFlow o) {
            Instant first = firstArrival.isBefore(o.firstArrival) ? firstArrival : o.firstArrival;
            return new EntityFlow(entity, category, amount.plus(o.amount), share + o.share, first, addresses + o.addresses);
        }
    }

    /**
     * One chain of outputs that carried taint, seed (or target) first; each step's amount is
     * the taint it carried. Built greedily: each step is the input that gave the next
     * transaction the most taint.
     */
    public record TracePath(List<TracedOutput> steps) {
        public TracePath {
            steps = List.copyOf(steps);
        }
    }

    /** An output that carried taint. */
    public record TracedOutput(TxId txid, int vout, Optional<Address> address, Amount tainted, long height,
                               Instant time) {
        public TracedOutput {
            Objects.requireNonNull(txid, "txid");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(tainted, "tainted");
            Objects.requireNonNull(time, "time");
        }
    }
}
