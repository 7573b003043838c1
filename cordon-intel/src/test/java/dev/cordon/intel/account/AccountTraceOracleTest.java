package dev.cordon.intel.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.Category;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.intel.trace.AccountPool;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.MapEndpointResolver;
import dev.cordon.intel.trace.TaintModel;
import dev.cordon.intel.trace.TaintModels;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The account tracer, which touches only tainted accounts (waking them lazily, replaying their
 * history and letting them go dormant), against a brute-force reading of the same rules that
 * keeps a pool for every account and asset and applies every flow of random chains. Both must
 * agree to the base unit on every bucket and every endpoint, for every model and random limits;
 * conserving models must balance.
 */
class AccountTraceOracleTest {
    private static final int ACCOUNTS = 14;
    private static final Set<Integer> SERVICES = Set.of(11, 12, 13);

    @Test
    void forward_matchesBruteForce_onRandomChains() {
        long seed = System.getenv("ACCOUNT_ORACLE_SEED") != null ? Long.parseLong(System.getenv("ACCOUNT_ORACLE_SEED"))
                : new Random().nextLong();
        System.out.println("AccountTraceOracleTest seed=" + seed + " (rerun with ACCOUNT_ORACLE_SEED=" + seed + ")");
        Random rnd = new Random(seed);
        for (int round = 0; round < 150; round++) {
            EthChain c = new EthChain();
            List<TxId> txs = randomChain(c, rnd);
            Set<TxId> seeds = new LinkedHashSet<>();
            for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
                seeds.add(txs.get(rnd.nextInt(txs.size() / 2)));
            }
            int hops = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : Integer.MAX_VALUE;
            long until = rnd.nextInt(3) == 0 ? 100 + rnd.nextInt(30) : Long.MAX_VALUE;
            Optional<BigDecimal> min = rnd.nextInt(3) == 0 ? Optional.of(new BigDecimal("0.05")) : Optional.empty();
            try (ChainStore store = MemoryChainStore.create()) {
                c.applyTo(store);
                for (TaintModel m : TaintModels.all()) {
                    compare(store, c.transfers(), seeds, m, hops, until, min, "seed=" + seed + " round=" + round);
                }
            }
        }
    }

    /** Backward, every conserving model explains the targets' value exactly: sources + unknown + limits. */
    @Test
    void backward_balances_onRandomChains() {
        long seed = new Random().nextLong();
        System.out.println("AccountTraceOracleTest backward seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 60; round++) {
            EthChain c = new EthChain();
            List<TxId> txs = randomChain(c, rnd);
            List<TraceSeed> targets = List.of(new TraceSeed.Tx(txs.get(txs.size() / 2 + rnd.nextInt(txs.size() / 2))),
                    new TraceSeed.Received(EthChain.addr(rnd.nextInt(ACCOUNTS))));
            int hops = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : Integer.MAX_VALUE;
            try (ChainStore store = MemoryChainStore.create()) {
                c.applyTo(store);
                Map<Address, Endpoint> eps = new HashMap<>();
                SERVICES.forEach(i -> eps.put(EthChain.addr(i), new Endpoint("S" + i, Category.EXCHANGE)));
                AccountTracer tracer = new AccountTracer(AccountGraphBuilder.build(store.ethereum()), store.ethereum(),
                        MapEndpointResolver.of(eps, store));
                for (TaintModel m : TaintModels.all()) {
                    if (!m.conserves()) {
                        continue;
                    }
                    for (TraceSeed t : targets) {
                        List<TraceReport> rs;
                        try {
                            rs = tracer.backward(AccountTraceRequest.of(List.of(t), m)
                                    .withLimits(hops, Optional.empty(), Long.MAX_VALUE));
                        } catch (dev.cordon.core.CordonException e) {
                            continue;
                        }
                        for (TraceReport r : rs) {
                            assertThat(r.balances()).as("seed=%d round=%d model=%s %s", seed, round, m.name(), t).isTrue();
                            assertThat(r.held().units()).isZero();
                        }
                    }
                }
            }
        }
    }

    private static void compare(ChainStore store, List<Transfer> flows, Set<TxId> seeds, TaintModel m, int hops,
                                long until, Optional<BigDecimal> min, String where) {
        Map<Address, Endpoint> eps = new HashMap<>();
        SERVICES.forEach(i -> eps.put(EthChain.addr(i), new Endpoint("S" + i, Category.EXCHANGE)));
        List<TraceSeed> ts = seeds.stream().<TraceSeed>map(TraceSeed.Tx::new).toList();
        AccountTracer tracer = new AccountTracer(AccountGraphBuilder.build(store.ethereum()), store.ethereum(),
                MapEndpointResolver.of(eps, store));
        List<TraceReport> reports = tracer.forward(AccountTraceRequest.of(ts, m).withLimits(hops, min, until));
        Map<Asset, Books> expected = bruteForce(flows, seeds, eps.keySet(), m, hops, until, min);
        String ctx = where + " model=" + m.name();
        assertThat(reports).as(ctx).hasSize(expected.size());
        for (TraceReport r : reports) {
            Books b = expected.get(r.seeded().asset());
            assertThat(r.seeded().units()).as(ctx).isEqualTo(b.seeded);
            assertThat(r.overlap().units()).as(ctx).isEqualTo(b.overlap);
            assertThat(r.atEndpoints().units()).as(ctx).isEqualTo(b.endpoints);
            assertThat(r.held().units()).as(ctx).isEqualTo(b.held);
            assertThat(r.fees().units()).as(ctx).isEqualTo(b.fees);
            assertThat(r.untraced().units()).as(ctx).isEqualTo(b.untraced);
            Map<Address, BigInteger> got = new HashMap<>();
            r.endpoints().forEach(f -> got.put(f.address(), f.amount().units()));
            assertThat(got).as(ctx).isEqualTo(b.byEndpoint);
            if (m.conserves()) {
                assertThat(r.balances()).as(ctx).isTrue();
            }
        }
    }

    /** Every account and asset has a pool from the start; every flow is applied. */
    static Map<Asset, Books> bruteForce(List<Transfer> flows, Set<TxId> seedTxs, Set<Address> services, TaintModel m,
                                        int maxHops, long until, Optional<BigDecimal> min) {
        Map<Address, Map<Asset, AccountPool>> pools = new HashMap<>();
        Map<Address, Integer> hop = new HashMap<>();
        Set<Address> seedAccounts = new HashSet<>();
        for (Transfer t : flows) {
            if (seedTxs.contains(t.txId()) && !isFee(t)) {
                seedAccounts.add(t.to());
            }
        }
        Map<Asset, Books> books = new HashMap<>();
        for (Transfer t : flows) {
            if (t.blockHeight() > until) {
                break;
            }
            Asset x = t.amount().asset();
            BigInteger a = t.amount().units();
            Books b = books.computeIfAbsent(x, k -> new Books());
            BigInteger taint = pool(pools, m, t.from(), x).debit(a);
            int fromHop = hop.getOrDefault(t.from(), Integer.MAX_VALUE);
            int h = fromHop == Integer.MAX_VALUE ? fromHop : fromHop + 1;
            boolean seed = seedTxs.contains(t.txId()) && !isFee(t);
            if (seed) {
                b.seeded = b.seeded.add(a);
                b.overlap = b.overlap.add(taint);
                taint = a;
                h = 0;
            } else if (taint.signum() > 0 && fromHop >= maxHops) {
                b.untraced = b.untraced.add(taint);
                taint = BigInteger.ZERO;
            }
            if (taint.signum() > 0 && isFee(t)) {
                b.fees = b.fees.add(taint);
                taint = BigInteger.ZERO;
            }
            if (taint.signum() > 0 && !seed && !seedAccounts.contains(t.to()) && services.contains(t.to())) {
                b.endpoints = b.endpoints.add(taint);
                b.byEndpoint.merge(t.to(), taint, BigInteger::add);
                taint = BigInteger.ZERO;
            } else if (taint.signum() > 0 && !seed && min.isPresent()
                    && taint.compareTo(min.get().movePointRight(x.decimals()).toBigInteger()) < 0) {
                b.untraced = b.untraced.add(taint);
                taint = BigInteger.ZERO;
            }
            pool(pools, m, t.to(), x).credit(a, taint);
            if (taint.signum() > 0) {
                hop.merge(t.to(), h, Math::min);
            }
        }
        pools.values().forEach(byAsset -> byAsset.forEach((x, p) -> {
            Books b = books.get(x);
            if (b != null) {
                b.held = b.held.add(p.taint());
            }
        }));
        books.values().removeIf(b -> b.seeded.signum() == 0);
        return books;
    }

    private static boolean isFee(Transfer t) {
        return t.kind() == TransferKind.FEE_BURN || t.kind() == TransferKind.FEE_TIP;
    }

    private static AccountPool pool(Map<Address, Map<Asset, AccountPool>> pools, TaintModel m, Address a, Asset x) {
        return pools.computeIfAbsent(a, k -> new HashMap<>()).computeIfAbsent(x, k -> m.accountPool(BigInteger.ZERO));
    }

    /** 30 blocks of 1-4 transactions, each a fee and 1-4 flows among a few accounts, some services. */
    private static List<TxId> randomChain(EthChain c, Random rnd) {
        List<TxId> txs = new ArrayList<>();
        for (int block = 0; block < 30; block++) {
            for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
                int payer = rnd.nextInt(ACCOUNTS);
                c.tx(payer, rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(50_000), rnd.nextInt(2) == 0 ? 0 : rnd.nextInt(20_000));
                for (int k = 0, flows = 1 + rnd.nextInt(4); k < flows; k++) {
                    int from = k == 0 || rnd.nextBoolean() ? payer : rnd.nextInt(ACCOUNTS);
                    int to = rnd.nextInt(10) == 0 ? from : rnd.nextInt(ACCOUNTS);
                    BigInteger amount = BigInteger.valueOf(1 + rnd.nextInt(1_000_000));
                    if (rnd.nextInt(3) == 0) {
                        c.token(from, to, amount);
                    } else {
                        c.eth(from, to, amount.multiply(BigInteger.valueOf(1_000_000_000_000L)));
                    }
                }
                txs.add(c.lastTx());
            }
            c.block();
        }
        return txs;
    }

    /** Expected buckets of one asset. */
    static final class Books {
        BigInteger seeded = BigInteger.ZERO;
        BigInteger overlap = BigInteger.ZERO;
        BigInteger endpoints = BigInteger.ZERO;
        BigInteger held = BigInteger.ZERO;
        BigInteger fees = BigInteger.ZERO;
        BigInteger untraced = BigInteger.ZERO;
        final Map<Address, BigInteger> byEndpoint = new HashMap<>();
    }
}
