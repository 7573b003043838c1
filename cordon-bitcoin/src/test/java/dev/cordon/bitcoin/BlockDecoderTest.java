package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.DecodeException;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockDecoderTest {
    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    private final BlockDecoder decoder = new BlockDecoder(BitcoinNetwork.MAINNET);

    private static Optional<Address> addr(String a) {
        return Optional.of(new Address(Chain.BITCOIN, a));
    }

    @Test
    void decode_genesis() {
        UtxoBlock b = decoder.decode(TestData.firstBlocks().get(0), "genesis");
        assertThat(b.hash()).isEqualTo(BlockHash.parse(GENESIS));
        assertThat(b.parent()).isEqualTo(BlockHash.ZERO);
        assertThat(b.time()).isEqualTo(Instant.parse("2009-01-03T18:15:05Z"));
        assertThat(b.size()).isEqualTo(285);
        UtxoTx cb = b.txs().get(0);
        assertThat(cb.txid()).isEqualTo(TxId.parse("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"));
        assertThat(cb.coinbase()).isTrue();
        assertThat(cb.inputs()).isEmpty();
        assertThat(cb.outputs()).containsExactly(
                new TxOut(5_000_000_000L, ScriptKind.P2PK, addr("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"), ""));
    }

    @Test
    void decode_block170_firstCoinTransfer() {
        TxId transfer = TxId.parse("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        UtxoTx tx = TestData.firstBlocks().stream().map(b -> decoder.decode(b, "block"))
                .flatMap(b -> b.txs().stream()).filter(t -> t.txid().equals(transfer)).findFirst().orElseThrow();
        assertThat(tx.inputs()).containsExactly(new OutPoint(
                TxId.parse("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9"), 0));
        assertThat(tx.outputs()).containsExactly(
                new TxOut(1_000_000_000L, ScriptKind.P2PK, addr("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3"), ""),
                new TxOut(4_000_000_000L, ScriptKind.P2PK, addr("12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S"), ""));
        assertThat(tx.size()).isEqualTo(275);
        assertThat(tx.vsize()).isEqualTo(275);
    }

    @Test
    void decode_first439Blocks_merkleRootsCheckAndParentsLink() {
        List<byte[]> blocks = TestData.firstBlocks();
        assertThat(blocks).hasSize(439);
        Set<BlockHash> seen = new HashSet<>();
        seen.add(BlockHash.ZERO);
        for (byte[] raw : blocks) {
            UtxoBlock b = decoder.decode(raw, "block");
            assertThat(seen).as("parent of %s", b.hash()).contains(b.parent());
            seen.add(b.hash());
        }
    }

    @Test
    void decode_2021Block_hashMatchesFileNameAndSegwitSizes() {
        UtxoBlock b = decoder.decode(TestData.bytes(TestData.BLOCK_2021), "2021");
        assertThat(b.hash().hex()).isEqualTo("000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae");
        long segwit = b.txs().stream().filter(t -> !t.txid().equals(t.wtxid())).count();
        assertThat(segwit).isGreaterThan(b.txs().size() / 2);
        assertThat(b.txs().stream().filter(t -> t.vsize() < t.size()).count()).isEqualTo(segwit);
        assertThat(b.txs().stream().flatMap(t -> t.outputs().stream()).map(TxOut::kind))
                .contains(ScriptKind.P2WPKH, ScriptKind.P2WSH, ScriptKind.P2SH, ScriptKind.P2PKH, ScriptKind.OP_RETURN);
    }

    @Test
    void decode_testnetBlock_usesTestnetAddresses() {
        BlockDecoder testnet = new BlockDecoder(BitcoinNetwork.TESTNET);
        UtxoBlock b = testnet.decode(TestData.bytes("bitcoinj/block_testnet700000.dat"), "testnet");
        assertThat(b.txs().stream().flatMap(t -> t.outputs().stream()).flatMap(o -> o.address().stream())
                .map(Address::value)).allMatch(a -> a.startsWith("m") || a.startsWith("n") || a.startsWith("2")
                || a.startsWith("tb1"));
    }

    @Test
    void cursor_reusedAcrossBlocks_givesSameTxids() {
        BlockCursor c = new BlockCursor();
        byte[] big = TestData.bytes(TestData.BLOCK_2021);
        byte[] small = TestData.firstBlocks().get(0);
        c.parse(big, 0, big.length);
        TxId last = c.txid(c.txCount() - 1);
        c.parse(small, 0, small.length);
        assertThat(c.txCount()).isEqualTo(1);
        c.parse(big, 0, big.length);
        assertThat(c.txid(c.txCount() - 1)).isEqualTo(last);
    }

    @Test
    void decode_corruptedScriptByte_isMerkleMismatchNamingTheBlock() {
        byte[] raw = TestData.firstBlocks().get(0);
        raw[raw.length - 10] ^= 1;
        assertThatThrownBy(() -> decoder.decode(raw, "genesis.dat")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("genesis.dat at byte 0: block " + GENESIS + ": merkle root mismatch");
    }

    @Test
    void decode_absurdTransactionCount_isRejectedBeforeAllocation() {
        byte[] raw = TestData.firstBlocks().get(0);
        raw[80] = (byte) 0xfe;
        raw[81] = (byte) 0xff;
        raw[82] = (byte) 0xff;
        raw[83] = (byte) 0xff;
        raw[84] = (byte) 0x7f;
        assertThatThrownBy(() -> decoder.decode(raw, "genesis.dat")).isInstanceOf(DecodeException.class)
                .hasMessage("genesis.dat at byte 80: 2147483647 transactions cannot fit in the remaining 200 bytes");
    }

    @Test
    void decode_truncated_namesOffset() {
        byte[] raw = java.util.Arrays.copyOf(TestData.firstBlocks().get(0), 200);
        assertThatThrownBy(() -> decoder.decode(raw, "g.dat")).isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("g.dat at byte ").hasMessageContaining("truncated");
    }

    @Test
    void decode_trailingBytes_areRejected() {
        byte[] raw = java.util.Arrays.copyOf(TestData.firstBlocks().get(0), 286);
        assertThatThrownBy(() -> decoder.decode(raw, "g.dat")).hasMessage("g.dat at byte 285: 1 bytes follow the last transaction");
    }
}
