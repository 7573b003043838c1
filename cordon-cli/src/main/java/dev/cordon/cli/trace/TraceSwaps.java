package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.intel.crosschain.CrossChainHop;
import dev.cordon.intel.crosschain.CrossChainOutbound;
import dev.cordon.intel.crosschain.ThorchainDeposits;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import dev.cordon.intel.trace.TraceReport.TracePath;
import dev.cordon.intel.trace.TraceReport.TracedOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The cross-chain swaps a forward trace reached: for each THORChain vault endpoint, the inbound
 * swaps among its largest tainted arrivals (the {@code --paths} ones, whose paths end at the
 * inbound's vault output), each with the decoded destination (chain, asset, address) and, when
 * the outbound payment is on the traced chain, the outbound transaction and the address it paid.
 */
final class TraceSwaps {
    private TraceSwaps() {
    }

    /**
     * One inbound swap.
     *
     * @param vault   the vault endpoint
     * @param arrival the tainted output paying the vault (the inbound's vault output)
     * @param hop     the decoded swap
     */
    record Swap(Address vault, TracedOutput arrival, CrossChainHop hop) {
        Swap {
            Objects.requireNonNull(vault, "vault");
            Objects.requireNonNull(arrival, "arrival");
            Objects.requireNonNull(hop, "hop");
        }

        /** {@code CHAIN ASSET ADDRESS}. */
        String destination() {
            return hop.destChain() + " " + hop.destAsset() + " " + hop.destAddress();
        }

        /** {@code txid:vout -> address (value BTC)}, or a note when it is not on this chain. */
        String outboundText() {
            return hop.outbound().map(o -> (o.refund() ? "refund " : "") + o.txid().hex() + ":" + o.vout() + " -> "
                    + (o.address().isEmpty() ? "(no payee)" : o.address()) + " (" + Amount.sats(o.value()).toPlainString() + ")")
                    .orElse(hop.destChain().equals("BTC") ? "not found in the store yet" : "on " + hop.destChain());
        }
    }

    /** The swaps of the report's vault endpoints; empty when {@code deposits} is null (backward). */
    static List<Swap> of(TraceReport r, ThorchainDeposits deposits) {
        List<Swap> out = new ArrayList<>();
        if (deposits == null) {
            return out;
        }
        for (EndpointFlow f : r.endpoints()) {
            if (!f.endpoint().entity().equals(ThorchainDeposits.ENTITY)) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (TracePath p : f.paths()) {
                TracedOutput last = p.steps().get(p.steps().size() - 1);
                if (seen.add(last.txid().hex())) {
                    deposits.hop(last.txid()).ifPresent(h -> out.add(new Swap(f.address(), last, h)));
                }
            }
        }
        return out;
    }

    static List<Object> json(List<Swap> swaps) {
        List<Object> out = new ArrayList<>();
        for (Swap s : swaps) {
            CrossChainHop h = s.hop();
            Map<String, Object> m = Json.object();
            m.put("protocol", h.protocol());
            m.put("vault", TraceOutput.show(s.vault()));
            m.put("inbound", h.inbound().hex() + ":" + h.vout());
            m.put("tainted", s.arrival().tainted().units());
            m.put("height", s.arrival().height());
            m.put("destChain", h.destChain());
            m.put("destAsset", h.destAsset());
            m.put("destAddress", h.destAddress());
            m.put("memo", h.memo());
            m.put("outbound", h.outbound().map(TraceSwaps::outboundJson).orElse(null));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> outboundJson(CrossChainOutbound o) {
        Map<String, Object> m = Json.object();
        m.put("txid", o.txid().hex());
        m.put("vout", o.vout());
        m.put("address", o.address());
        m.put("value", o.value());
        m.put("height", o.height());
        m.put("refund", o.refund());
        return m;
    }
}
