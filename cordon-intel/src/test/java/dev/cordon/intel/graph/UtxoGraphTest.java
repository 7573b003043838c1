package dev.cordon.intel.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtxoGraphTest {
    @TempDir
    Path dir;

    @Test
    void append_linksSpendsAndAddresses() {
        UtxoGraph g = new UtxoGraph(Chain.BITCOIN);
        g.blockTime(0, 100);
        int cb = g.beginTx(0);
        g.pay(50, 7);
        g.pay(25, 7);
        g.endTx();
        int t = g.beginTx(0);
        g.spend(cb, 1);
        g.pay(20, 3);
        g.endTx();
        assertThat(g.spender(g.output(cb, 1))).isEqualTo(t);
        assertThat(g.spender(g.output(cb, 0))).isEqualTo(UtxoGraph.UNSPENT);
        assertThat(g.fee(t)).isEqualTo(5);
        assertThat(g.isCoinbase(cb)).isTrue();
        assertThat(g.lastOutputOf(7)).isEqualTo(1);
        assertThat(g.previousOutputOfAddress(1)).isZero();
        assertThat(g.txOf(2)).isEqualTo(t);
        assertThat(g.vout(1)).isEqualTo(1);
    }

    @Test
    void spend_twice_isRefused() {
        UtxoGraph g = new UtxoGraph(Chain.BITCOIN);
        g.beginTx(0);
        g.pay(50, 0);
        g.endTx();
        g.beginTx(0);
        g.spend(0, 0);
        g.pay(50, 1);
        g.endTx();
        g.beginTx(0);
        assertThatThrownBy(() -> g.spend(0, 0)).isInstanceOf(CordonException.class).hasMessageContaining("spent twice");
    }

    @Test
    void saveAndLoad_roundTripsEveryArray() {
        long seed = new Random().nextLong();
        System.out.println("saveAndLoad_roundTripsEveryArray seed=" + seed);
        UtxoGraph g = RandomGraphs.generate(new Random(seed), 5_000, 50, 300);
        Path f = dir.resolve("g.bin");
        GraphFile.save(g, f);
        UtxoGraph h = GraphFile.load(f);
        assertThat(h.txCount()).isEqualTo(g.txCount());
        assertThat(h.outputCount()).isEqualTo(g.outputCount());
        assertThat(h.inputCount()).isEqualTo(g.inputCount());
        assertThat(h.addressCount()).isEqualTo(g.addressCount());
        assertThat(h.blockCount()).isEqualTo(g.blockCount());
        for (int o = 0; o < g.outputCount(); o++) {
            assertThat(h.value(o)).isEqualTo(g.value(o));
            assertThat(h.spender(o)).isEqualTo(g.spender(o));
            assertThat(h.address(o)).isEqualTo(g.address(o));
            assertThat(h.previousOutputOfAddress(o)).isEqualTo(g.previousOutputOfAddress(o));
        }
        for (int i = 0; i < g.inputCount(); i++) {
            assertThat(h.spentOutput(i)).isEqualTo(g.spentOutput(i));
        }
        h.beginTx(h.height(h.txCount() - 1));
        h.pay(1, 0);
        h.endTx();
        assertThat(h.txCount()).isEqualTo(g.txCount() + 1);
    }

    @Test
    void load_damagedFile_isRefused() throws IOException {
        UtxoGraph g = RandomGraphs.generate(new Random(1), 200, 10, 20);
        Path f = dir.resolve("g.bin");
        GraphFile.save(g, f);
        byte[] bytes = Files.readAllBytes(f);
        bytes[GraphFile.HEADER_SIZE + 17] ^= 1;
        Files.write(f, bytes);
        assertThatThrownBy(() -> GraphFile.load(f)).isInstanceOf(CordonException.class).hasMessageContaining("damaged");
    }

    @Test
    void load_otherVersion_isRefusedWithReason() throws IOException {
        UtxoGraph g = RandomGraphs.generate(new Random(2), 50, 10, 20);
        Path f = dir.resolve("g.bin");
        GraphFile.save(g, f);
        byte[] bytes = Files.readAllBytes(f);
        bytes[8] = 9;
        Files.write(f, bytes);
        assertThatThrownBy(() -> GraphFile.load(f)).isInstanceOf(CordonException.class).hasMessageContaining("version 9");
    }
}
