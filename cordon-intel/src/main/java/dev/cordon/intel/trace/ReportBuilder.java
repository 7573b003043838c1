package dev.cordon.intel.trace;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import dev.cordon.intel.trace.TraceReport.TracePath;
import dev.cordon.intel.trace.TraceReport.TracedOutput;
import dev.cordon.store.ChainStore;
import dev.cordon.store.TxFlow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link FlowResult} in graph ids into a {@link TraceReport} with names. */
final class ReportBuilder {
    private final UtxoGraph g;
    private final ChainStore store;
    private final EndpointResolver endpoints;
    private final TraceRequest request;
    private FlowResult r;

    ReportBuilder(UtxoGraph g, ChainStore store, EndpointResolver endpoints, TraceRequest request) {
        this.g = g;
        this.store = store;
        this.endpoints = endpoints;
        this.request = request;
    }

    TraceReport build(TraceReport.Direction direction, FlowResult result) {
        this.r = result;
        List<EndpointFlow> flows = endpointFlows();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < r.heldOutputCount(); i++) {
            held.add(r.heldOutput(i));
        }
        held.sort(Comparator.comparingLong((Integer o) -> -r.book().amount(o)).thenComparing(o -> o));
        List<TracedOutput> heldList = new ArrayList<>();
        for (int i = 0; i < Math.min(request.maxHeld(), held.size()); i++) {
            heldList.add(traced(held.get(i)));
        }
        return new TraceReport(direction, request.model().name(), request.model().conserves(), sats(r.seeded()),
                sats(r.endpoints()), sats(r.held()), sats(r.fees()), sats(r.untraced()), sats(r.mined()),
                sats(r.overlap()), flows, heldList, r.txsVisited(), r.book().size());
    }

    private List<EndpointFlow> endpointFlows() {
        Map<Integer, List<Integer>> byAddress = new LinkedHashMap<>();
        for (int i = 0; i < r.endpointOutputCount(); i++) {
            int o = r.endpointOutput(i);
            byAddress.computeIfAbsent(g.address(o), k -> new ArrayList<>()).add(o);
        }
        List<EndpointFlow> flows = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byAddress.entrySet()) {
            flows.add(flow(e.getKey(), e.getValue()));
        }
        flows.sort(Comparator.comparing(EndpointFlow::amount).reversed().thenComparing(f -> f.address().value()));
        return flows;
    }

    private EndpointFlow flow(int addressId, List<Integer> outputs) {
        long sum = 0;
        int firstHeight = Integer.MAX_VALUE;
        for (int o : outputs) {
            sum += r.book().amount(o);
            firstHeight = Math.min(firstHeight, g.height(g.txOf(o)));
        }
        outputs.sort(Comparator.comparingLong((Integer o) -> -r.book().amount(o)).thenComparing(o -> o));
        List<TracePath> paths = new ArrayList<>();
        for (int i = 0; i < Math.min(request.maxPaths(), outputs.size()); i++) {
            paths.add(path(outputs.get(i)));
        }
        Endpoint endpoint = endpoints.endpoint(g.chain(), addressId).orElseThrow();
        double share = r.seeded() == 0 ? 0 : (double) sum / r.seeded();
        return new EndpointFlow(address(addressId).orElseThrow(), endpoint, sats(sum), share, time(firstHeight),
                firstHeight, outputs.size(), paths);
    }

    /** The chain of parents from a seed to {@code o}, seed first. */
    private TracePath path(int o) {
        List<TracedOutput> steps = new ArrayList<>();
        for (int cur = o; cur >= 0; cur = r.book().parentAt(r.book().slot(cur))) {
            steps.add(0, traced(cur));
        }
        return new TracePath(steps);
    }

    private TracedOutput traced(int o) {
        int tx = g.txOf(o);
        int height = g.height(tx);
        return new TracedOutput(txid(tx), o - g.firstOutput(tx), address(g.address(o)), sats(r.book().amount(o)),
                height, time(height));
    }

    private TxId txid(int tx) {
        return store.txFlow(g.chain(), tx).map(TxFlow::txid).orElseThrow(() ->
                new CordonException(ErrorCode.DATA, "graph transaction " + tx + " is missing from the store"));
    }

    private Optional<Address> address(int id) {
        return id < 0 ? Optional.empty() : store.addressById(g.chain(), id);
    }

    private Instant time(int height) {
        return Instant.ofEpochSecond(Math.max(0, g.blockTime(height)));
    }

    private Amount sats(long units) {
        return Amount.of(g.chain().nativeAsset(), units);
    }
}
