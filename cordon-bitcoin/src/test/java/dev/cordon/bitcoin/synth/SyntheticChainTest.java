package dev.cordon.bitcoin.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoTx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticChainTest {
    @TempDir
    Path dir;

    @Test
    void generate_chainDecodesLinksAndEveryInputSpendsAnUnspentOutput() {
        SyntheticChain.Stats stats = SyntheticChain.generate(dir, 42, 12, 2_200);
        Map<OutPoint, Long> unspent = new HashMap<>();
        Map<ScriptKind, Integer> kinds = new EnumMap<>(ScriptKind.class);
        long[] totals = new long[3];
        BlockHash[] prev = {BlockHash.ZERO};
        long blocks = new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir, b -> {
            assertThat(b.parent()).isEqualTo(prev[0]);
            prev[0] = b.hash();
            for (UtxoTx tx : b.txs()) {
                long in = 0;
                for (OutPoint o : tx.inputs()) {
                    Long v = unspent.remove(o);
                    assertThat(v).as("input %s of %s", o, tx.txid()).isNotNull();
                    in += v;
                }
                long out = 0;
                for (int k = 0; k < tx.outputs().size(); k++) {
                    TxOut o = tx.outputs().get(k);
                    unspent.put(new OutPoint(tx.txid(), k), o.value());
                    kinds.merge(o.kind(), 1, Integer::sum);
                    out += o.value();
                }
                if (!tx.coinbase()) {
                    assertThat(out).isLessThanOrEqualTo(in);
                }
                totals[0]++;
                totals[1] += tx.inputs().size();
            }
        });
        assertThat(blocks).isEqualTo(12);
        assertThat(stats.blocks()).isEqualTo(12);
        assertThat(stats.txs()).isEqualTo(totals[0]).isEqualTo(1 + 11 * 2_200);
        assertThat(stats.inputs()).isEqualTo(totals[1]);
        assertThat(stats.tip()).isEqualTo(prev[0]);
        int all = kinds.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(kinds.get(ScriptKind.P2WPKH) * 100.0 / all).isBetween(55.0, 65.0);
        assertThat(kinds).containsKeys(ScriptKind.P2PKH, ScriptKind.P2SH, ScriptKind.P2TR, ScriptKind.P2WSH);
    }

    @Test
    void generate_sameSeed_sameBytes() throws IOException {
        SyntheticChain.Stats a = SyntheticChain.generate(dir.resolve("a"), 9, 5, 300);
        SyntheticChain.Stats b = SyntheticChain.generate(dir.resolve("b"), 9, 5, 300);
        assertThat(Files.readAllBytes(a.files().get(0))).isEqualTo(Files.readAllBytes(b.files().get(0)));
        assertThat(a.bytes()).isEqualTo(Files.size(a.files().get(0)));
    }

    @Test
    void generate_badSizes_areUsageErrors() {
        assertThatThrownBy(() -> SyntheticChain.generate(dir, 1, 0, 10)).isInstanceOf(CordonException.class);
        assertThatThrownBy(() -> SyntheticChain.generate(dir, 1, 1, 0)).isInstanceOf(CordonException.class);
    }
}
