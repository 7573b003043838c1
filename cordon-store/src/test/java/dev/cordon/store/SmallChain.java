package dev.cordon.store;

import static dev.cordon.store.Fixtures.block;
import static dev.cordon.store.Fixtures.coinbase;
import static dev.cordon.store.Fixtures.multisig;
import static dev.cordon.store.Fixtures.opReturn;
import static dev.cordon.store.Fixtures.out;
import static dev.cordon.store.Fixtures.p2pk;
import static dev.cordon.store.Fixtures.pay;
import static dev.cordon.store.Fixtures.spend;

import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import java.util.List;

/**
 * Three hand-made blocks whose every balance and fee is worked out in the tests.
 *
 * <pre>
 * b0  cb0  coinbase: A 5000
 * b1  cb1  coinbase: B 5015 (P2PK), OP_RETURN "cafe"
 *     t1a  spends cb0:0 (A 5000)            -> C 3000, A 1990          fee 10
 *     t1b  spends t1a:0 (C 3000, same block) -> D 2500, multisig 495   fee 5
 * b2  cb2  coinbase: B 5085
 *     t2a  spends t1a:1 (A 1990), t1b:1 (multisig 495) -> E 2400      fee 85
 * </pre>
 */
public final class SmallChain {
    public static final String MULTISIG_SCRIPT = "5121020000000000000000000000000000000000000000000000000000000000000051ae";

    public final UtxoTx cb0 = coinbase("cb0", pay("1A", 5000));
    public final UtxoBlock b0 = block("b0", null, 1_600_000_000L, cb0);

    public final UtxoTx cb1 = coinbase("cb1", p2pk("1B", 5015), opReturn("cafe"));
    public final UtxoTx t1a = spend("t1a", List.of(out(cb0, 0)), pay("1C", 3000), pay("1A", 1990));
    public final UtxoTx t1b = spend("t1b", List.of(out(t1a, 0)), pay("1D", 2500), multisig(495, MULTISIG_SCRIPT));
    public final UtxoBlock b1 = block("b1", b0, 1_600_000_600L, cb1, t1a, t1b);

    public final UtxoTx cb2 = coinbase("cb2", pay("1B", 5085));
    public final UtxoTx t2a = spend("t2a", List.of(out(t1a, 1), out(t1b, 1)), pay("1E", 2400));
    public final UtxoBlock b2 = block("b2", b1, 1_600_001_200L, cb2, t2a);

    public List<UtxoBlock> blocks() {
        return List.of(b0, b1, b2);
    }
}
