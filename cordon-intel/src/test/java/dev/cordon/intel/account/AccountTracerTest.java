package dev.cordon.intel.account;

import static dev.cordon.intel.account.EthChain.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.CordonException;
import dev.cordon.core.TxId;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.MapEndpointResolver;
import dev.cordon.intel.trace.TaintModel;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact account-model traces on a small chain: a victim (1) pays a thief (2) 10 ETH and a million
 * token units; the thief pays fees, 4 ETH to 3 and 3 ETH and 400,000 units to an exchange (5);
 * 6 pays 5 clean ETH to 3; then 3 pays a 1 ETH fee and 6 ETH to 4.
 */
class AccountTracerTest {
    private static final int VICTIM = 1;
    private static final int THIEF = 2;
    private static final int X = 3;
    private static final int Y = 4;
    private static final int EXCHANGE = 5;
    private static final int CLEAN = 6;

    private ChainStore store;
    private TxId theft;
    private AccountTracer tracer;

    static BigInteger eth(long n) {
        return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(n));
    }

    @BeforeEach
    void chain() {
        store = MemoryChainStore.create();
        EthChain c = new EthChain();
        c.tx(VICTIM, 7, 3).eth(VICTIM, THIEF, eth(10)).token(VICTIM, THIEF, BigInteger.valueOf(1_000_000));
        theft = c.lastTx();
        c.block();
        c.tx(THIEF, eth(1).longValueExact(), eth(1).longValueExact()).eth(THIEF, X, eth(4));
        c.tx(THIEF, 0, 0).eth(THIEF, EXCHANGE, eth(3)).token(THIEF, EXCHANGE, BigInteger.valueOf(400_000)).block();
        c.tx(CLEAN, 0, 0).eth(CLEAN, X, eth(5)).block();
        c.tx(X, eth(1).longValueExact(), 0).eth(X, Y, eth(6)).block();
        c.applyTo(store);
        EndpointResolver endpoints = MapEndpointResolver.of(Map.of(addr(EXCHANGE), new Endpoint("Exchange", Category.EXCHANGE)),
                store);
        tracer = new AccountTracer(AccountGraphBuilder.build(store.ethereum()), store.ethereum(), endpoints);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<TraceReport> trace(String model) {
        return tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Tx(theft)), TaintModel.named(model)));
    }

    private static void assertBooks(TraceReport r, long endpoints, long held, long fees, long untraced) {
        assertThat(r.seeded().units()).isEqualTo(eth(10));
        assertThat(r.atEndpoints().units()).isEqualTo(eth(endpoints));
        assertThat(r.held().units()).isEqualTo(eth(held));
        assertThat(r.fees().units()).isEqualTo(eth(fees));
        assertThat(r.untraced().units()).isEqualTo(eth(untraced));
        assertThat(r.balances()).isTrue();
    }

    @Test
    void forward_fifo_takesTheOldestUnitsFirst() {
        List<TraceReport> rs = trace("fifo");

        assertThat(rs).hasSize(2);
        TraceReport r = rs.get(0);
        assertThat(r.seeded().asset().symbol()).isEqualTo("ETH");
        assertBooks(r, 3, 4, 3, 0);
        assertThat(r.endpoints()).singleElement().satisfies(f -> {
            assertThat(f.address()).isEqualTo(addr(EXCHANGE));
            assertThat(f.amount().units()).isEqualTo(eth(3));
            assertThat(f.share()).isEqualTo(0.3);
            assertThat(f.firstHeight()).isEqualTo(101);
            assertThat(f.paths().get(0).steps()).extracting(s -> s.address().orElseThrow(), s -> s.tainted().units())
                    .containsExactly(tuple(addr(THIEF), eth(10)),
                            tuple(addr(EXCHANGE), eth(3)));
            assertThat(f.paths().get(0).steps().get(0).txid()).isEqualTo(theft);
        });
        assertThat(r.heldOutputs()).extracting(o -> o.address().orElseThrow(), o -> o.tainted().units())
                .containsExactly(tuple(addr(Y), eth(3)),
                        tuple(addr(THIEF), eth(1)));
    }

    @Test
    void forward_tokensAreTheirOwnReport() {
        TraceReport token = trace("fifo").get(1);

        assertThat(token.seeded().asset()).isEqualTo(EthChain.TOKEN);
        assertThat(token.seeded().units()).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(token.atEndpoints().units()).isEqualTo(BigInteger.valueOf(400_000));
        assertThat(token.held().units()).isEqualTo(BigInteger.valueOf(600_000));
        assertThat(token.fees().units()).isZero();
        assertThat(token.balances()).isTrue();
    }

    @Test
    void forward_lifo_takesTheNewestUnitsFirst() {
        TraceReport r = trace("lifo").get(0);

        assertBooks(r, 3, 5, 2, 0);
        assertThat(r.heldOutputs()).extracting(o -> o.address().orElseThrow(), o -> o.tainted().units())
                .containsExactly(tuple(addr(X), eth(2)),
                        tuple(addr(Y), eth(2)),
                        tuple(addr(THIEF), eth(1)));
    }

    /**
     * 3 holds 4 tainted of 9: its 1 ETH fee carries floor(4/9 ETH) in wei, its 6 ETH payment
     * floor(6/8) of the 3.55... tainted ETH left.
     */
    @Test
    void forward_haircut_takesTheTaintedShareOfTheBalance() {
        TraceReport r = trace("haircut").get(0);
        BigInteger xFee = new BigInteger("444444444444444444");
        BigInteger toY = new BigInteger("2666666666666666667");
        BigInteger xKeeps = new BigInteger("888888888888888889");

        assertThat(r.fees().units()).isEqualTo(eth(2).add(xFee));
        assertThat(r.atEndpoints().units()).isEqualTo(eth(3));
        assertThat(r.held().units()).isEqualTo(eth(1).add(toY).add(xKeeps));
        assertThat(r.balances()).isTrue();
        assertThat(r.heldOutputs()).extracting(o -> o.address().orElseThrow(), o -> o.tainted().units())
                .containsExactly(tuple(addr(Y), toY),
                        tuple(addr(THIEF), eth(1)),
                        tuple(addr(X), xKeeps));
    }

    @Test
    void forward_poison_marksEverythingTheThiefTouched() {
        TraceReport r = trace("poison").get(0);

        assertThat(r.conserving()).isFalse();
        assertThat(r.atEndpoints().units()).isEqualTo(eth(3));
        assertThat(r.fees().units()).isEqualTo(eth(3));
        assertThat(r.held().units()).isEqualTo(eth(1 + 2 + 6));
    }

    @Test
    void forward_maxHops_stopsAfterTheFirstFlow() {
        TraceReport r = tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Tx(theft)), TaintModel.named("fifo"))
                .withLimits(1, Optional.empty(), Long.MAX_VALUE)).get(0);

        assertBooks(r, 3, 1, 2, 4);
    }

    @Test
    void forward_until_leavesLaterFlowsHeld() {
        TraceReport r = tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Tx(theft)), TaintModel.named("fifo"))
                .withLimits(Integer.MAX_VALUE, Optional.empty(), 102)).get(0);

        assertBooks(r, 3, 5, 2, 0);
    }

    @Test
    void forward_minValue_doesNotFollowSmallCredits() {
        TraceReport r = tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Tx(theft)), TaintModel.named("fifo"))
                .withLimits(Integer.MAX_VALUE, Optional.of(new BigDecimal("3.5")), Long.MAX_VALUE)).get(0);

        assertBooks(r, 3, 1, 3, 3);
    }

    @Test
    void forward_amountAndAddressSeed_taintTheFirstUnitsReceived() {
        AccountTraceRequest q = AccountTraceRequest.of(List.<TraceSeed>of(new TraceSeed.Received(addr(THIEF))),
                TaintModel.named("fifo")).withAmount(new BigDecimal("6"));

        TraceReport r = tracer.forward(q).get(0);

        assertThat(r.seeded().units()).isEqualTo(eth(6));
        assertThat(r.fees().units()).isEqualTo(eth(3));
        assertThat(r.endpoints()).isEmpty();
        assertThat(r.held().units()).isEqualTo(eth(3));
        assertThat(r.balances()).isTrue();
    }

    @Test
    void forward_outputSeed_isOneFlowOfTheTransaction() {
        TraceReport r = tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Output(theft, 3)),
                TaintModel.named("fifo"))).get(0);

        assertThat(r.seeded().asset()).isEqualTo(EthChain.TOKEN);
        assertThat(r.atEndpoints().units()).isEqualTo(BigInteger.valueOf(400_000));
    }

    private List<TraceReport> backward(String model) {
        EndpointResolver sources = MapEndpointResolver.of(Map.of(addr(VICTIM), new Endpoint("Victim", Category.EXCHANGE)),
                store);
        AccountTracer t = new AccountTracer(AccountGraphBuilder.build(store.ethereum()), store.ethereum(), sources);
        return t.backward(AccountTraceRequest.of(List.of(new TraceSeed.Received(addr(Y))), TaintModel.named(model)));
    }

    /** 4's 6 ETH: 3 of the thief's 4 ETH (so of the victim's 10), and 3 of 6's ETH, whose origin the chain does not show. */
    @Test
    void backward_fifo_attributesTheOldestCredits() {
        TraceReport r = backward("fifo").get(0);

        assertThat(r.direction()).isEqualTo(TraceReport.Direction.BACKWARD);
        assertThat(r.seeded().units()).isEqualTo(eth(6));
        assertThat(r.atEndpoints().units()).isEqualTo(eth(3));
        assertThat(r.mined().units()).isEqualTo(eth(3));
        assertThat(r.balances()).isTrue();
        assertThat(r.endpoints()).singleElement().satisfies(f -> {
            assertThat(f.address()).isEqualTo(addr(VICTIM));
            assertThat(f.firstHeight()).isEqualTo(100);
            assertThat(f.paths().get(0).steps()).extracting(s -> s.address().orElseThrow(), s -> s.tainted().units())
                    .containsExactly(tuple(addr(Y), eth(3)), tuple(addr(X), eth(3)), tuple(addr(THIEF), eth(3)));
        });
        assertThat(r.heldOutputs()).extracting(o -> o.address().orElseThrow(), o -> o.tainted().units())
                .containsExactly(tuple(addr(CLEAN), eth(3)));
    }

    /**
     * LIFO: 3's fee and payment take 6's 5 ETH first. Haircut attributes to the victim exactly what
     * the forward haircut trace of the theft left at 4.
     */
    @Test
    void backward_lifo_haircut_poison() {
        TraceReport lifo = backward("lifo").get(0);
        TraceReport haircut = backward("haircut").get(0);
        TraceReport poison = backward("poison").get(0);

        assertThat(lifo.atEndpoints().units()).isEqualTo(eth(2));
        assertThat(lifo.mined().units()).isEqualTo(eth(4));
        assertThat(lifo.balances()).isTrue();
        assertThat(haircut.atEndpoints().units()).isEqualTo(new BigInteger("2666666666666666667"));
        assertThat(haircut.mined().units()).isEqualTo(new BigInteger("3333333333333333333"));
        assertThat(haircut.balances()).isTrue();
        assertThat(poison.conserving()).isFalse();
        assertThat(poison.atEndpoints().units()).isEqualTo(eth(10));
    }

    /**
     * The thief wraps 6 ETH into WETH, pays 4 WETH to 3 and unwraps 2; 3 pays the WETH to the exchange.
     * Taint passes the WETH contract converted, both ways, and back to the source; WETH is counted in
     * the books of ETH.
     */
    @Test
    void wrapAndUnwrap_carryTaintThroughWeth() {
        try (ChainStore s = MemoryChainStore.create()) {
            EthChain c = new EthChain();
            c.tx(VICTIM, 0, 0).eth(VICTIM, THIEF, eth(10));
            TxId stolen = c.lastTx();
            c.block();
            c.tx(THIEF, 0, 0).wrap(THIEF, eth(6)).block();
            c.tx(THIEF, 0, 0).weth(THIEF, X, eth(4)).block();
            c.tx(THIEF, 0, 0).unwrap(THIEF, eth(2)).block();
            c.tx(X, 0, 0).weth(X, EXCHANGE, eth(4)).block();
            c.applyTo(s);
            EndpointResolver ends = MapEndpointResolver.of(Map.of(addr(EXCHANGE), new Endpoint("Exchange", Category.EXCHANGE),
                    addr(VICTIM), new Endpoint("Victim", Category.EXCHANGE)), s);
            AccountTracer t = new AccountTracer(AccountGraphBuilder.build(s.ethereum()), s.ethereum(), ends);

            List<TraceReport> fwd = t.forward(AccountTraceRequest.of(List.of(new TraceSeed.Tx(stolen)), TaintModel.named("fifo")));
            List<TraceReport> back = t.backward(AccountTraceRequest.of(List.of(new TraceSeed.Received(addr(EXCHANGE))),
                    TaintModel.named("fifo")));

            assertThat(fwd).singleElement().satisfies(r -> {
                assertThat(r.seeded().units()).isEqualTo(eth(10));
                assertThat(r.atEndpoints().units()).isEqualTo(eth(4));
                assertThat(r.held().units()).isEqualTo(eth(6));
                assertThat(r.balances()).isTrue();
                assertThat(r.endpoints().get(0).paths().get(0).steps()).extracting(st -> st.address().orElseThrow())
                        .containsExactly(addr(THIEF), addr(8_000), addr(THIEF), addr(X), addr(EXCHANGE));
            });
            assertThat(back).singleElement().satisfies(r -> {
                assertThat(r.seeded().asset()).isEqualTo(EthChain.ETH);
                assertThat(r.seeded().units()).isEqualTo(eth(4));
                assertThat(r.atEndpoints().units()).isEqualTo(eth(4));
                assertThat(r.endpoints().get(0).address()).isEqualTo(addr(VICTIM));
                assertThat(r.balances()).isTrue();
            });
            assertThat(fwd.get(0).heldOutputs()).extracting(o -> o.address().orElseThrow(), o -> o.tainted().units())
                    .containsExactly(tuple(addr(THIEF), eth(6)));
        }
    }

    @Test
    void forward_unknownSeeds_areNotFound() {
        Address nobody = addr(77);

        assertThatThrownBy(() -> tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Received(nobody)),
                TaintModel.named("fifo")))).isInstanceOf(CordonException.class).hasMessageContaining("moved nothing");
        assertThatThrownBy(() -> tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Tx(EthChain.txid(5, 5))),
                TaintModel.named("fifo")))).isInstanceOf(CordonException.class).hasMessageContaining("not in the store");
        assertThatThrownBy(() -> tracer.forward(AccountTraceRequest.of(List.of(new TraceSeed.Output(theft, 9)),
                TaintModel.named("fifo")))).isInstanceOf(CordonException.class).hasMessageContaining("position 9");
    }
}
