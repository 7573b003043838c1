package dev.cordon.intel.crosschain;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.store.ChainStore;
import dev.cordon.store.TxFlow;
import dev.cordon.store.TxInfo;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * THORChain swaps found on a UTXO chain: inbound transactions with an OP_RETURN output whose
 * payload is a THORChain swap memo ({@link ThorchainMemo.Swap}), and the vaults' outbound
 * payments whose OP_RETURN carries {@code OUT:<inbound hash>} or {@code REFUND:<inbound hash>}
 * ({@link ThorchainMemo.Outbound}). THORChain's convention for UTXO chains is that the first
 * output pays the vault (inbound) or the recipient (outbound), the memo rides in an OP_RETURN
 * output and any change returns to the sender; so the payee is the first addressed output that
 * does not pay one of the transaction's input addresses.
 *
 * <p>{@link #endpoints(EndpointResolver)} makes every vault seen an endpoint of category
 * {@code defi_bridge} (entity {@value #ENTITY}) in front of the given resolver, so a forward
 * trace stops there and reports the value that went into the swap; {@link #hop(TxId)} gives the
 * decoded destination (chain, asset, address) and, when the outbound is on this chain, the
 * outbound transaction and the address it paid. {@link #outbound(String)} finds the outbound for
 * an inbound made on any chain (an Ethereum router deposit's hash, say), the first in chain order
 * when there are several.
 *
 * <p>Finding them costs one pass over the graph's outputs (a memo output has no address and
 * value 0) plus one store read per candidate transaction. Immutable once built.
 */
public final class ThorchainDeposits {
    /** Entity name given to vaults found by memo. */
    public static final String ENTITY = "THORChain vault";

    private static final Optional<Endpoint> VAULT = Optional.of(new Endpoint(ENTITY, Category.DEFI_BRIDGE));

    private final Chain chain;
    private final int[] vaultIds;
    private final Map<TxId, CrossChainHop> byInbound;
    private final Map<String, CrossChainOutbound> outbounds;
    private final List<String> problems;

    private ThorchainDeposits(Chain chain, Set<Integer> vaultIds, Map<TxId, CrossChainHop> byInbound,
                              Map<String, CrossChainOutbound> outbounds, List<String> problems) {
        this.chain = chain;
        this.vaultIds = vaultIds.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.byInbound = Map.copyOf(byInbound);
        this.outbounds = Map.copyOf(outbounds);
        this.problems = List.copyOf(problems);
    }

    /**
     * Scans the graph's transactions for THORChain swap and outbound memos. Running time one pass
     * over the outputs plus one store read per transaction with a zero-value data output.
     */
    public static ThorchainDeposits scan(UtxoGraph g, ChainStore store) {
        Set<Integer> vaults = new HashSet<>();
        Map<TxId, CrossChainHop> hops = new HashMap<>();
        Map<String, CrossChainOutbound> outs = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int t = 0; t < g.txCount(); t++) {
            if (!hasDataOutput(g, t)) {
                continue;
            }
            TxId txid = store.txFlow(g.chain(), t).map(TxFlow::txid).orElseThrow();
            Optional<TxInfo> tx = store.tx(txid);
            if (tx.isEmpty()) {
                continue;
            }
            decode(tx.get(), problems).ifPresent(h -> {
                hops.put(txid, h);
                store.addressId(new Address(g.chain(), h.vault())).ifPresent(vaults::add);
            });
            outbound(tx.get(), g.height(t), problems).ifPresent(o -> outs.putIfAbsent(o.inboundHash(), o));
        }
        return new ThorchainDeposits(g.chain(), vaults, hops, outs, problems);
    }

    /** The outbound payment a transaction makes, if its OP_RETURN carries an OUT: or REFUND: memo. */
    static Optional<CrossChainOutbound> outbound(TxInfo tx, long height, List<String> problems) {
        return memo(tx, problems).flatMap(m -> {
            if (!(m.memo() instanceof ThorchainMemo.Outbound o)) {
                return Optional.empty();
            }
            Optional<TxInfo.Output> payee = payee(tx);
            return Optional.of(new CrossChainOutbound("thorchain", o.inboundHash(), o.refund(), tx.txid(),
                    payee.map(TxInfo.Output::index).orElse(-1), payee.map(p -> p.address().orElseThrow().value()).orElse(""),
                    payee.map(p -> p.value().units().longValueExact()).orElse(0L), height));
        });
    }

    private static boolean hasDataOutput(UtxoGraph g, int t) {
        for (int o = g.firstOutput(t), e = g.endOutput(t); o < e; o++) {
            if (g.address(o) == UtxoGraph.NO_ADDRESS && g.value(o) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The swap a transaction makes, if its OP_RETURN carries a THORChain swap memo. */
    static Optional<CrossChainHop> decode(TxInfo tx, List<String> problems) {
        return memo(tx, problems).flatMap(m -> m.memo() instanceof ThorchainMemo.Swap s
                ? payee(tx).map(v -> new CrossChainHop("thorchain", tx.txid(), v.index(),
                        v.address().orElseThrow().value(), s.chain(), s.asset(), s.destination(), m.text()))
                : Optional.empty());
    }

    private record Found(ThorchainMemo memo, String text) {
    }

    /** The first swap or outbound memo among the transaction's OP_RETURN outputs. */
    private static Optional<Found> memo(TxInfo tx, List<String> problems) {
        for (TxInfo.Output out : tx.outputs()) {
            if (out.kind() != ScriptKind.OP_RETURN || out.dataHex().isEmpty()) {
                continue;
            }
            Optional<String> text = utf8(out.dataHex());
            if (text.isEmpty()) {
                continue;
            }
            try {
                Optional<ThorchainMemo> memo = ThorchainMemo.parse(text.get());
                if (memo.isPresent()) {
                    return Optional.of(new Found(memo.get(), text.get()));
                }
            } catch (CordonException e) {
                problems.add(tx.txid() + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The first addressed output not paying one of the inputs' addresses (the vault, or the recipient). */
    private static Optional<TxInfo.Output> payee(TxInfo tx) {
        Set<String> senders = new HashSet<>();
        for (TxInfo.Input in : tx.inputs()) {
            in.address().ifPresent(a -> senders.add(a.value()));
        }
        for (TxInfo.Output out : tx.outputs()) {
            if (out.address().isPresent() && !senders.contains(out.address().get().value())) {
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> utf8(String hex) {
        try {
            byte[] b = HexFormat.of().parseHex(hex);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** {@code next}, with every vault found answering as a {@code defi_bridge} endpoint first. */
    public EndpointResolver endpoints(EndpointResolver next) {
        return (c, id) -> c == chain && Arrays.binarySearch(vaultIds, id) >= 0 ? VAULT : next.endpoint(c, id);
    }

    /**
     * The swap made by the inbound transaction, if it is one, with its outbound payment when that
     * is on this chain.
     */
    public Optional<CrossChainHop> hop(TxId inbound) {
        CrossChainHop h = byInbound.get(inbound);
        if (h == null) {
            return Optional.empty();
        }
        return Optional.of(outbound(inbound.hex()).map(h::withOutbound).orElse(h));
    }

    /** Every swap found, with its outbound when found. */
    public List<CrossChainHop> hops() {
        return byInbound.keySet().stream().map(t -> hop(t).orElseThrow()).toList();
    }

    /**
     * The outbound payment on this chain for an inbound transaction made on any chain.
     *
     * @param inboundHash its hash as hex, either case, with or without {@code 0x}
     */
    public Optional<CrossChainOutbound> outbound(String inboundHash) {
        String h = inboundHash.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(outbounds.get(h.startsWith("0x") ? h.substring(2) : h));
    }

    /** Every outbound payment found, by the inbound hash it names. */
    public Map<String, CrossChainOutbound> outbounds() {
        return outbounds;
    }

    /** Memos that looked like THORChain swaps but were malformed, one line each. */
    public List<String> problems() {
        return problems;
    }
}
