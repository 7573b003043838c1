package dev.cordon.intel.scenario.eth;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.Chain;
import dev.cordon.core.TransferKind;
import dev.cordon.ethereum.EthAddresses;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The FIFO attribution of stolen value on an account chain, computed from flows the caller states
 * (what a scenario generator knows it sent, plus each receipt's gas and the block's base fee),
 * never from cordon's store, so that comparing it with the tracing engine checks the engine
 * against an independent reading of the rules. The rules, which the account tracer follows too:
 *
 * <ol>
 *   <li>Flows are taken in chain order: block, transaction index, position. Within a transaction
 *       the positions are (docs/ETHEREUM.md): the fee burn ({@code gasUsed × baseFee}), the fee tip
 *       (the rest of the fee, to the block's fee recipient), the transaction's own value, internal
 *       calls in execution order, then token events in log order. Reverted calls and failed
 *       transactions move nothing but their fee.</li>
 *   <li>Each (account, asset) has a FIFO queue of credits. A credit of {@code c} carrying taint
 *       {@code t} ({@code 0 ≤ t ≤ c}) appends a tainted segment of {@code t}, then a clean one of
 *       {@code c - t}. A debit of {@code d} takes {@code d} units from the front; the taint it
 *       carries is the tainted units among them. Units missing from the queue (a genesis
 *       allocation, {@code anvil_setBalance}) are clean.</li>
 *   <li>Seeds: every non-fee flow of a theft transaction taints its whole amount at its recipient;
 *       their sum per asset is the stolen value.</li>
 *   <li>A credit carrying taint to an endpoint (a labelled service: exchange deposit or hot
 *       wallet, mixer, DEX, bridge; not the thief's own labelled address) is recorded at that
 *       address and stops there: the service's own debits carry no taint.</li>
 *   <li>Taint carried by fee flows counts as fees. Taint left in the queues of the other accounts
 *       at the end is held.</li>
 * </ol>
 *
 * So per asset {@code stolen = endpoints + held + fees}, exactly. Assets are separate: a token
 * swapped at a DEX ends its trace at the DEX, and the ether the DEX pays back is clean.
 * Running time O(flows + segments touched); not thread-safe.
 */
public final class EthFifoOracle {
    /** Ether on Ethereum, the asset of every fee flow. */
    public static final Asset ETH = Asset.nativeOf(Chain.ETHEREUM);

    /** One value movement as the decoder would report it (amounts in base units, never negative). */
    public record Flow(TransferKind kind, Address from, Address to, Asset asset, BigInteger amount) {
        public Flow {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(asset, "asset");
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("negative amount " + amount);
            }
        }
    }

    /**
     * A mined transaction.
     *
     * @param burn  {@code gasUsed × baseFeePerGas}, wei
     * @param tip   {@code gasUsed × (effectiveGasPrice - baseFeePerGas)}, wei, to {@code miner}
     * @param flows the non-fee flows in position order (value, internal calls, token events);
     *              empty for a failed transaction
     */
    public record Tx(String hash, long block, int index, Address sender, BigInteger burn, BigInteger tip,
                     Address miner, List<Flow> flows) {
        public Tx {
            flows = List.copyOf(flows);
        }

        /** Every flow in position order, fees first; zero fee parts are left out, as the decoder does. */
        public List<Flow> all() {
            List<Flow> out = new ArrayList<>(flows.size() + 2);
            if (burn.signum() > 0) {
                out.add(new Flow(TransferKind.FEE_BURN, sender, EthAddresses.ZERO, ETH, burn));
            }
            if (tip.signum() > 0) {
                out.add(new Flow(TransferKind.FEE_TIP, sender, miner, ETH, tip));
            }
            out.addAll(flows);
            return out;
        }
    }

    /** Taint that reached one endpoint address: the total and the first block it arrived in. */
    public record Endpoint(Address address, BigInteger amount, long firstBlock) {
    }

    /** The attribution of one asset; {@code stolen = endpointValue + held + fees}. */
    public record Result(Asset asset, BigInteger stolen, BigInteger endpointValue, BigInteger held, BigInteger fees,
                         List<Endpoint> endpoints) {
        public Result {
            endpoints = List.copyOf(endpoints);
        }
    }

    /** A run of units of one kind at the front or back of a queue; mutable while it is consumed. */
    private static final class Segment {
        BigInteger amount;
        final boolean tainted;

        Segment(BigInteger amount, boolean tainted) {
            this.amount = amount;
            this.tainted = tainted;
        }
    }

    private final Predicate<Address> endpoint;
    private final Set<String> theft;
    private final Map<Asset, Map<Address, ArrayDeque<Segment>>> queues = new HashMap<>();
    private final Map<Asset, Map<Address, Endpoint>> reached = new LinkedHashMap<>();
    private final Map<Asset, BigInteger> stolen = new LinkedHashMap<>();
    private final Map<Asset, BigInteger> fees = new HashMap<>();
    private long theftBlock = -1;
    private long lastBlock = -1;
    private int lastIndex = -1;

    /**
     * @param endpoint whether an address is an endpoint (a labelled service)
     * @param theftTxs hashes of the theft transactions, {@code 0x} + 64 lowercase hex digits
     */
    public EthFifoOracle(Predicate<Address> endpoint, Set<String> theftTxs) {
        this.endpoint = endpoint;
        this.theft = Set.copyOf(theftTxs);
    }

    /**
     * Applies one transaction.
     *
     * @throws IllegalArgumentException when {@code tx} is not after the previous one in chain order
     */
    public void apply(Tx tx) {
        if (tx.block() < lastBlock || (tx.block() == lastBlock && tx.index() <= lastIndex)) {
            throw new IllegalArgumentException("transaction " + tx.hash() + " at " + tx.block() + "/" + tx.index()
                    + " is not after " + lastBlock + "/" + lastIndex);
        }
        lastBlock = tx.block();
        lastIndex = tx.index();
        boolean seeds = theft.contains(tx.hash());
        if (seeds && theftBlock < 0) {
            theftBlock = tx.block();
        }
        for (Flow f : tx.all()) {
            boolean fee = f.kind() == TransferKind.FEE_BURN || f.kind() == TransferKind.FEE_TIP;
            BigInteger carried = debit(f.asset(), f.from(), f.amount());
            if (fee) {
                fees.merge(f.asset(), carried, BigInteger::add);
                credit(f.asset(), f.to(), f.amount(), BigInteger.ZERO, tx.block());
            } else if (seeds) {
                stolen.merge(f.asset(), f.amount(), BigInteger::add);
                credit(f.asset(), f.to(), f.amount(), f.amount(), tx.block());
            } else {
                credit(f.asset(), f.to(), f.amount(), carried, tx.block());
            }
        }
    }

    /** Takes {@code amount} from the front of the queue and returns the tainted units among them. */
    private BigInteger debit(Asset asset, Address from, BigInteger amount) {
        ArrayDeque<Segment> q = queues.getOrDefault(asset, Map.of()).get(from);
        BigInteger left = amount;
        BigInteger tainted = BigInteger.ZERO;
        while (q != null && left.signum() > 0 && !q.isEmpty()) {
            Segment s = q.peekFirst();
            BigInteger take = s.amount.min(left);
            if (s.tainted) {
                tainted = tainted.add(take);
            }
            s.amount = s.amount.subtract(take);
            left = left.subtract(take);
            if (s.amount.signum() == 0) {
                q.pollFirst();
            }
        }
        return tainted;
    }

    private void credit(Asset asset, Address to, BigInteger amount, BigInteger tainted, long block) {
        if (endpoint.test(to)) {
            if (tainted.signum() > 0) {
                reached.computeIfAbsent(asset, k -> new TreeMap<>()).merge(to, new Endpoint(to, tainted, block),
                        (a, b) -> new Endpoint(to, a.amount().add(b.amount()), Math.min(a.firstBlock(), b.firstBlock())));
            }
            return;
        }
        ArrayDeque<Segment> q = queues.computeIfAbsent(asset, k -> new HashMap<>()).computeIfAbsent(to, k -> new ArrayDeque<>());
        append(q, tainted, true);
        append(q, amount.subtract(tainted), false);
    }

    private static void append(ArrayDeque<Segment> q, BigInteger amount, boolean tainted) {
        if (amount.signum() == 0) {
            return;
        }
        Segment last = q.peekLast();
        if (last != null && last.tainted == tainted) {
            last.amount = last.amount.add(amount);
        } else {
            q.addLast(new Segment(amount, tainted));
        }
    }

    /** The block of the first theft transaction applied, -1 before it. */
    public long theftBlock() {
        return theftBlock;
    }

    /** The assets the theft moved, in the order first seen. */
    public List<Asset> stolenAssets() {
        return List.copyOf(stolen.keySet());
    }

    /** The attribution of {@code asset} as of the transactions applied so far. */
    public Result result(Asset asset) {
        BigInteger held = BigInteger.ZERO;
        for (ArrayDeque<Segment> q : queues.getOrDefault(asset, Map.of()).values()) {
            for (Segment s : q) {
                if (s.tainted) {
                    held = held.add(s.amount);
                }
            }
        }
        List<Endpoint> eps = new ArrayList<>(reached.getOrDefault(asset, Map.of()).values());
        BigInteger atEndpoints = eps.stream().map(Endpoint::amount).reduce(BigInteger.ZERO, BigInteger::add);
        return new Result(asset, stolen.getOrDefault(asset, BigInteger.ZERO), atEndpoints, held,
                fees.getOrDefault(asset, BigInteger.ZERO), eps);
    }
}
