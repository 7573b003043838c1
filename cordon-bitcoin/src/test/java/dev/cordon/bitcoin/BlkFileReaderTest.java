package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.DecodeException;
import dev.cordon.core.utxo.UtxoBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlkFileReaderTest {
    private static final int GENESIS_RECORD = 8 + 285;
    private final BlkFileReader reader = new BlkFileReader(BitcoinNetwork.MAINNET);

    @TempDir
    Path dir;

    private Path write(String name, byte[] data) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, data);
        return f;
    }

    @Test
    void forEachBlock_first100k_has439BlocksFromGenesis() {
        List<UtxoBlock> blocks = new ArrayList<>();
        long n = reader.forEachBlock(TestData.path(TestData.FIRST_BLOCKS), blocks::add);
        assertThat(n).isEqualTo(439);
        assertThat(blocks.get(0).hash().hex()).isEqualTo("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
    }

    @Test
    void forEachBlock_zeroPaddingAtEnd_isTheEnd() throws IOException {
        byte[] data = Arrays.copyOf(TestData.bytes(TestData.FIRST_BLOCKS), 99_969 + 4096);
        assertThat(reader.forEachBlock(write("blk00000.dat", data), b -> { })).isEqualTo(439);
    }

    @Test
    void forEachBlock_truncatedFile_deliversEarlierBlocksThenNamesFileAndOffset() throws IOException {
        Path f = write("blk00000.dat", Arrays.copyOf(TestData.bytes(TestData.FIRST_BLOCKS), GENESIS_RECORD + 100));
        List<UtxoBlock> got = new ArrayList<>();
        assertThatThrownBy(() -> reader.forEachBlock(f, got::add)).isInstanceOf(DecodeException.class)
                .hasMessage(f + " at byte 293: truncated record: block of 215 bytes but only 92 remain in the file");
        assertThat(got).hasSize(1);
    }

    @Test
    void forEachBlock_wrongMagic_namesOffsetAndNetwork() throws IOException {
        byte[] data = TestData.bytes(TestData.FIRST_BLOCKS);
        data[GENESIS_RECORD] = 0x0b;
        data[GENESIS_RECORD + 1] = 0x11;
        data[GENESIS_RECORD + 2] = 0x09;
        data[GENESIS_RECORD + 3] = 0x07;
        Path f = write("blk00000.dat", data);
        List<UtxoBlock> got = new ArrayList<>();
        assertThatThrownBy(() -> reader.forEachBlock(f, got::add))
                .hasMessage(f + " at byte 293: record has testnet magic 0b110907, expected mainnet f9beb4d9");
        assertThat(got).hasSize(1);
    }

    @Test
    void forEachBlock_absurdLength_isRejected() throws IOException {
        byte[] data = TestData.bytes(TestData.FIRST_BLOCKS);
        data[GENESIS_RECORD + 7] = 0x7f;
        Path f = write("blk00000.dat", data);
        assertThatThrownBy(() -> reader.forEachBlock(f, b -> { }))
                .hasMessage(f + " at byte 297: absurd block length 2130706647 (must be 81..4000000)");
    }

    @Test
    void forEachBlock_corruptedByte_isMerkleMismatchAfterEarlierBlocks() throws IOException {
        byte[] data = TestData.bytes(TestData.FIRST_BLOCKS);
        data[GENESIS_RECORD + 8 + 150] ^= 0x40;
        Path f = write("blk00000.dat", data);
        List<UtxoBlock> got = new ArrayList<>();
        assertThatThrownBy(() -> reader.forEachBlock(f, got::add)).isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(f + " at byte 301: block 00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048: merkle root mismatch");
        assertThat(got).hasSize(1);
    }

    @Test
    void forEachBlock_absurdVarintInBlock_namesFileOffset() throws IOException {
        byte[] data = TestData.bytes(TestData.FIRST_BLOCKS);
        int txCountAt = GENESIS_RECORD + 8 + 80;
        data[txCountAt] = (byte) 0xff;
        Path f = write("blk00000.dat", data);
        assertThatThrownBy(() -> reader.forEachBlock(f, b -> { }))
                .hasMessageStartingWith(f + " at byte " + txCountAt + ": ");
    }

    @Test
    void forEachRecord_folder_readsBlkFilesInNumberOrder() throws IOException {
        byte[] data = TestData.bytes(TestData.FIRST_BLOCKS);
        write("blk00010.dat", Arrays.copyOfRange(data, GENESIS_RECORD, data.length));
        write("blk00002.dat", Arrays.copyOf(data, GENESIS_RECORD));
        write("rev00000.dat", new byte[] {1, 2, 3});
        List<Long> offsets = new ArrayList<>();
        assertThat(reader.forEachRecord(dir, (b, off, len, src, at) -> offsets.add(at))).isEqualTo(439);
        assertThat(offsets.subList(0, 2)).containsExactly(8L, 8L);
        assertThat(BlkFileReader.blkFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("blk00002.dat", "blk00010.dat");
    }

    @Test
    void forEachRecord_obfuscatedWithXorDat_isDeobfuscated() throws IOException {
        byte[] key = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] data = TestData.bytes(TestData.FIRST_BLOCKS);
        for (int i = 0; i < data.length; i++) {
            data[i] ^= key[i % 8];
        }
        write("xor.dat", key);
        write("blk00000.dat", data);
        assertThat(reader.forEachBlock(dir, b -> { })).isEqualTo(439);
    }
}
