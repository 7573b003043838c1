package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.ScriptException;
import org.junit.jupiter.api.Test;

/** Every block hash, merkle root, txid, wtxid, size, input, value and address against bitcoinj. */
class BitcoinjCrossCheckTest {
    @Test
    void decode_allRealMainnetBlocks_matchBitcoinj() {
        List<byte[]> blocks = new ArrayList<>(TestData.firstBlocks());
        TestData.MAINNET_BLOCKS.forEach(n -> blocks.add(TestData.bytes(n)));
        int txs = 0;
        for (byte[] raw : blocks) {
            txs += compare(raw, BitcoinNetwork.MAINNET, org.bitcoinj.base.BitcoinNetwork.MAINNET);
        }
        assertThat(txs).isEqualTo(5910);
    }

    @Test
    void decode_testnetBlocks_matchBitcoinj() {
        for (String n : TestData.TESTNET_BLOCKS) {
            compare(TestData.bytes(n), BitcoinNetwork.TESTNET, org.bitcoinj.base.BitcoinNetwork.TESTNET);
        }
    }

    @Test
    void decode_segwitEraBlock481829_wtxidsMatchBitcoinj() {
        UtxoBlock ours = new BlockDecoder().decode(TestData.bytes("bitcoinj/block481829.dat"), "481829");
        assertThat(ours.txs().stream().filter(t -> !t.txid().equals(t.wtxid())).count()).isPositive();
        compare(TestData.bytes("bitcoinj/block481829.dat"), BitcoinNetwork.MAINNET, org.bitcoinj.base.BitcoinNetwork.MAINNET);
    }

    private static int compare(byte[] raw, BitcoinNetwork net, org.bitcoinj.base.BitcoinNetwork theirNet) {
        UtxoBlock ours = new BlockDecoder(net).decode(raw, "block");
        Block theirs = Block.read(ByteBuffer.wrap(raw));
        assertThat(ours.hash().hex()).isEqualTo(theirs.getHashAsString());
        assertThat(ours.parent().hex()).isEqualTo(theirs.getPrevBlockHash().toString());
        assertThat(ours.txs()).hasSize(theirs.getTransactions().size());
        BlockCursor c = new BlockCursor();
        c.parse(raw, 0, raw.length);
        assertThat(c.hash()).isEqualTo(ours.hash());
        for (int i = 0; i < ours.txs().size(); i++) {
            compareTx(ours.txs().get(i), theirs.getTransactions().get(i), theirNet);
        }
        return ours.txs().size();
    }

    private static void compareTx(UtxoTx ours, Transaction theirs, org.bitcoinj.base.BitcoinNetwork net) {
        assertThat(ours.txid().hex()).isEqualTo(theirs.getTxId().toString());
        assertThat(ours.wtxid().hex()).isEqualTo(theirs.getWTxId().toString());
        assertThat(ours.coinbase()).isEqualTo(theirs.isCoinBase());
        assertThat(ours.size()).isEqualTo(theirs.messageSize());
        assertThat(ours.vsize()).isEqualTo(theirs.getVsize());
        if (!ours.coinbase()) {
            assertThat(ours.inputs()).hasSize(theirs.getInputs().size());
            for (int k = 0; k < ours.inputs().size(); k++) {
                TransactionInput in = theirs.getInputs().get(k);
                assertThat(ours.inputs().get(k).txid().hex()).isEqualTo(in.getOutpoint().hash().toString());
                assertThat((long) ours.inputs().get(k).index()).isEqualTo(in.getOutpoint().index());
            }
        }
        assertThat(ours.outputs()).hasSize(theirs.getOutputs().size());
        for (int k = 0; k < ours.outputs().size(); k++) {
            TxOut o = ours.outputs().get(k);
            TransactionOutput t = theirs.getOutputs().get(k);
            assertThat(o.value()).isEqualTo(t.getValue().value);
            String theirAddress = theirAddress(t, net);
            if (o.kind() == ScriptKind.MULTISIG || o.kind() == ScriptKind.OP_RETURN || o.kind() == ScriptKind.NONSTANDARD) {
                assertThat(o.address()).isEmpty();
            } else if (theirAddress != null) {
                assertThat(o.address().orElseThrow().value()).as(ours.txid() + ":" + k).isEqualTo(theirAddress);
            }
        }
    }

    private static String theirAddress(TransactionOutput t, org.bitcoinj.base.BitcoinNetwork net) {
        try {
            return t.getScriptPubKey().getToAddress(net, true).toString();
        } catch (ScriptException | IllegalArgumentException e) {
            return null;
        }
    }
}
