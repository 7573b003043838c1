package dev.cordon.intel.cluster;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ethereum exchange deposit addresses (Victor, "Address Clustering Heuristics for Ethereum",
 * Financial Cryptography 2020): an exchange gives each customer a deposit address that forwards
 * what it receives to the exchange's hot wallet. An address D that sends to a wallet labelled
 * {@code exchange} an amount equal to what it last received, less at most {@code maxShortfall}
 * (the forwarding fee), within {@code maxBlocks} blocks, is that exchange's deposit address; the
 * addresses that fund D belong to one customer and are merged with D.
 *
 * <p>Guards: funders that are themselves labelled services (another exchange's withdrawals) are
 * never merged; an address seen forwarding to two different exchanges is not a deposit address
 * and is recorded as a conflict. The matching state (last receipt per address) is kept in
 * memory only: after a restart, a deposit whose forward arrives later is found at its next
 * deposit. Defaults follow the paper: 3,200 blocks and 0.01 ETH (10,000,000 gwei).
 *
 * <p>A deposit address found is tagged {@link #depositTag}: key {@code deposit:<exchange key>},
 * name {@code <exchange label> deposit (customer)}, category {@code user} (not a service, so the
 * customer's later deposits still merge), confidence {@code heuristic}; any stronger label of a
 * member wins, as always.
 *
 * <p>Per address 24 bytes of primitive state; no allocation per transfer. Not thread-safe.
 */
public final class DepositAddressHeuristic implements ClusteringHeuristic<Transfer> {
    private final long maxBlocks;
    private final long maxShortfall;
    private long[] lastValue = new long[1024];
    private int[] lastBlockLow = new int[1024];
    private int[] lastFunder = new int[1024];
    private int[] lastAsset = new int[1024];
    private int[] depositOf = new int[1024];
    private final List<String> exchanges = new ArrayList<>();
    private long seen;
    private long linked;
    private long refused;
    private long deposits;
    private long twoExchanges;
    private long serviceFunders;

    public DepositAddressHeuristic() {
        this(3200, 10_000_000L);
    }

    /**
     * @param maxBlocks    how many blocks a forward may follow the receipt
     * @param maxShortfall how much less than received the forward may be, in the transfer's unit
     */
    public DepositAddressHeuristic(long maxBlocks, long maxShortfall) {
        if (maxBlocks < 0 || maxShortfall < 0) {
            throw new IllegalArgumentException("maxBlocks and maxShortfall must be >= 0");
        }
        this.maxBlocks = maxBlocks;
        this.maxShortfall = maxShortfall;
        Arrays.fill(lastFunder, -1);
    }

    @Override
    public void apply(Transfer t, EntityClusters clusters) {
        seen++;
        int from = t.from();
        int to = t.to();
        if (from < 0 || to < 0 || from == to) {
            return;
        }
        ensure(Math.max(from, to));
        ClusterTag toTag = clusters.tagOf(to);
        if (toTag != null && toTag.category() == Category.EXCHANGE) {
            forwarded(from, toTag, t, clusters);
            return;
        }
        if (toTag != null && toTag.isService()) {
            return;
        }
        ClusterTag fromTag = clusters.tagOf(from);
        if (depositOf[to] > 0) {
            if (fromTag != null && fromTag.isService()) {
                serviceFunders++;
            } else {
                merge(from, to, clusters);
            }
        }
        lastValue[to] = t.value();
        lastBlockLow[to] = (int) t.block();
        lastAsset[to] = t.asset();
        lastFunder[to] = fromTag != null && fromTag.isService() ? -1 : from;
    }

    private void forwarded(int d, ClusterTag exchange, Transfer t, EntityClusters clusters) {
        ClusterTag dTag = clusters.tagOf(d);
        if (dTag != null && dTag.isService()) {
            return;
        }
        long shortfall = lastValue[d] - t.value();
        boolean match = lastFunder[d] >= 0 && lastAsset[d] == t.asset() && shortfall >= 0 && shortfall <= maxShortfall
                && (int) t.block() - lastBlockLow[d] >= 0 && (int) t.block() - lastBlockLow[d] <= maxBlocks;
        if (!match) {
            return;
        }
        int ex = exchangeIndex(exchange.key());
        if (depositOf[d] == 0) {
            depositOf[d] = ex;
            deposits++;
            clusters.tag(d, depositTag(exchange));
        } else if (depositOf[d] > 0 && depositOf[d] != ex) {
            clusters.conflictOf(d, exchanges.get(depositOf[d] - 1), exchange.key(), "deposit address forwarding to two exchanges");
            depositOf[d] = -1;
            twoExchanges++;
            return;
        } else if (depositOf[d] < 0) {
            return;
        }
        merge(lastFunder[d], d, clusters);
        lastFunder[d] = -1;
    }

    /** The tag of a customer's deposit address at {@code exchange} (the exchange's cluster tag). */
    public static ClusterTag depositTag(ClusterTag exchange) {
        return new ClusterTag("deposit:" + exchange.key(), exchange.name() + " deposit (customer)", Category.USER,
                Confidence.HEURISTIC);
    }

    private void merge(int a, int b, EntityClusters clusters) {
        int before = clusters.clusterCount();
        if (!clusters.union(a, b, "deposit-address")) {
            refused++;
        } else if (clusters.clusterCount() < before) {
            linked++;
        }
    }

    private int exchangeIndex(String key) {
        int i = exchanges.indexOf(key);
        if (i < 0) {
            exchanges.add(key);
            return exchanges.size();
        }
        return i + 1;
    }

    /** The exchange (its tag key) whose deposit address {@code id} is, or null. */
    public String depositExchange(int id) {
        return id < depositOf.length && depositOf[id] > 0 ? exchanges.get(depositOf[id] - 1) : null;
    }

    private void ensure(int id) {
        if (id < lastValue.length) {
            return;
        }
        int c = Math.max(id + 1, lastValue.length + (lastValue.length >>> 1));
        int old = lastFunder.length;
        lastValue = Arrays.copyOf(lastValue, c);
        lastBlockLow = Arrays.copyOf(lastBlockLow, c);
        lastFunder = Arrays.copyOf(lastFunder, c);
        Arrays.fill(lastFunder, old, c, -1);
        lastAsset = Arrays.copyOf(lastAsset, c);
        depositOf = Arrays.copyOf(depositOf, c);
    }

    @Override
    public HeuristicStats stats() {
        Map<String, Long> skipped = new TreeMap<>();
        skipped.put("deposit-addresses", deposits);
        skipped.put("forwarding-to-two-exchanges", twoExchanges);
        skipped.put("service-funders", serviceFunders);
        return new HeuristicStats(seen, linked, refused, skipped);
    }
}
