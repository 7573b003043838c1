package dev.cordon.intel.scenario.eth;

import static dev.cordon.intel.scenario.eth.EthFifoOracle.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.TransferKind;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Endpoint;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Flow;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Result;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Tx;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EthFifoOracleTest {
    private static final Address VICTIM = addr(0x01);
    private static final Address THIEF = addr(0x02);
    private static final Address USER = addr(0x03);
    private static final Address A = addr(0x04);
    private static final Address B = addr(0x05);
    private static final Address DEPOSIT = addr(0x06);
    private static final Address POOL = addr(0x07);
    private static final Address MINER = addr(0x08);
    private static final Address LATER = addr(0x09);
    private static final Asset TOKEN = Asset.token(addr(0x10), "ERC20", 0);
    private static final Set<Address> SERVICES = Set.of(DEPOSIT, POOL);

    private static Address addr(int last) {
        byte[] b = new byte[20];
        b[19] = (byte) last;
        return EthAddresses.fromBytes(b);
    }

    private static Flow eth(Address from, Address to, long amount) {
        return new Flow(TransferKind.NATIVE, from, to, ETH, BigInteger.valueOf(amount));
    }

    private static Tx tx(String hash, long block, int index, Address sender, long burn, long tip, Flow... flows) {
        return new Tx(hash, block, index, sender, BigInteger.valueOf(burn), BigInteger.valueOf(tip), MINER, List.of(flows));
    }

    /**
     * By hand: the thief holds [1000 tainted, 500 clean]; pays 30 fees and 300 to a deposit address,
     * then 3 fees and 900 to A (667 tainted, 233 clean) behind A's clean 100; A pays B 300 (100
     * clean, 200 tainted); B pays the deposit 250 of which only 200 are queued (all tainted), 50
     * missing and clean. The deposit's own payment later carries nothing.
     */
    @Test
    void apply_theftPeelSwapAndFees_exactPerAsset() {
        EthFifoOracle o = new EthFifoOracle(SERVICES::contains, Set.of("0xtheft"));
        o.apply(tx("0xa", 1, 0, USER, 0, 0, eth(USER, A, 100)));
        o.apply(tx("0xtheft", 2, 0, VICTIM, 10, 5, eth(VICTIM, THIEF, 1000),
                new Flow(TransferKind.ERC20, VICTIM, THIEF, TOKEN, BigInteger.valueOf(50))));
        o.apply(tx("0xb", 2, 1, USER, 0, 0, eth(USER, THIEF, 500)));
        o.apply(tx("0xc", 3, 0, THIEF, 20, 10, eth(THIEF, DEPOSIT, 300)));
        o.apply(tx("0xd", 3, 1, THIEF, 2, 1, eth(THIEF, A, 900)));
        o.apply(tx("0xe", 4, 0, A, 0, 0, eth(A, B, 300)));
        o.apply(tx("0xf", 4, 2, B, 0, 0, eth(B, DEPOSIT, 250)));
        o.apply(tx("0x10", 5, 0, THIEF, 0, 0, new Flow(TransferKind.INTERNAL, POOL, THIEF, ETH, BigInteger.valueOf(40)),
                new Flow(TransferKind.ERC20, THIEF, POOL, TOKEN, BigInteger.valueOf(20))));
        o.apply(tx("0x11", 6, 0, DEPOSIT, 0, 0, eth(DEPOSIT, LATER, 550)));

        Result e = o.result(ETH);
        assertThat(e.stolen()).isEqualTo(BigInteger.valueOf(1000));
        assertThat(e.fees()).isEqualTo(BigInteger.valueOf(33));
        assertThat(e.endpoints()).containsExactly(new Endpoint(DEPOSIT, BigInteger.valueOf(500), 3));
        assertThat(e.endpointValue()).isEqualTo(BigInteger.valueOf(500));
        assertThat(e.held()).as("A's 467").isEqualTo(BigInteger.valueOf(467));
        assertThat(e.endpointValue().add(e.held()).add(e.fees())).isEqualTo(e.stolen());

        Result t = o.result(TOKEN);
        assertThat(t.stolen()).isEqualTo(BigInteger.valueOf(50));
        assertThat(t.endpoints()).containsExactly(new Endpoint(POOL, BigInteger.valueOf(20), 5));
        assertThat(t.held()).isEqualTo(BigInteger.valueOf(30));
        assertThat(t.fees()).isZero();
        assertThat(o.stolenAssets()).containsExactly(ETH, TOKEN);
        assertThat(o.theftBlock()).isEqualTo(2);
    }

    @Test
    void apply_feesOfATaintedSender_countAsFeesNotAtTheMiner() {
        EthFifoOracle o = new EthFifoOracle(SERVICES::contains, Set.of("0xtheft"));
        o.apply(tx("0xtheft", 1, 0, VICTIM, 0, 0, eth(VICTIM, THIEF, 100)));
        o.apply(tx("0xa", 2, 0, THIEF, 7, 3, eth(THIEF, A, 60)));
        Result r = o.result(ETH);
        assertThat(r.fees()).isEqualTo(BigInteger.TEN);
        assertThat(r.held()).as("60 at A, 30 left with the thief").isEqualTo(BigInteger.valueOf(90));
        assertThat(r.endpoints()).isEmpty();
    }

    @Test
    void all_feesFirstZeroPartsLeftOut() {
        Tx t = tx("0xa", 1, 0, A, 0, 4, eth(A, B, 1));
        assertThat(t.all()).containsExactly(new Flow(TransferKind.FEE_TIP, A, MINER, ETH, BigInteger.valueOf(4)),
                eth(A, B, 1));
        Tx both = tx("0xb", 1, 1, A, 2, 4);
        assertThat(both.all()).extracting(Flow::kind).containsExactly(TransferKind.FEE_BURN, TransferKind.FEE_TIP);
        assertThat(both.all().get(0).to()).isEqualTo(EthAddresses.ZERO);
    }

    @Test
    void apply_notInChainOrder_refused() {
        EthFifoOracle o = new EthFifoOracle(SERVICES::contains, Set.of());
        o.apply(tx("0xa", 5, 3, A, 0, 0));
        assertThatThrownBy(() -> o.apply(tx("0xb", 5, 3, A, 0, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0xb");
        assertThatThrownBy(() -> o.apply(tx("0xc", 4, 9, A, 0, 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
