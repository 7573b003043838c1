package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.DecodeException;
import dev.cordon.core.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawBlockFilesTest {
    @TempDir
    Path dir;

    @Test
    void read_binaryBlock_asIs() {
        byte[] raw = RawBlockFiles.read(TestData.path("bitcoinj/block169482.dat"));
        assertThat(raw).isEqualTo(TestData.bytes("bitcoinj/block169482.dat"));
    }

    @Test
    void read_hexWithWhitespaceAndNewlines_decodes() throws IOException {
        byte[] raw = TestData.bytes("bitcoinj/block169482.dat");
        String hex = Hex.encode(raw).toUpperCase();
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 64) {
            wrapped.append(hex, i, Math.min(hex.length(), i + 64)).append(i % 128 == 0 ? "\r\n" : " \t\n");
        }
        Path f = dir.resolve("block.hex");
        Files.writeString(f, wrapped, StandardCharsets.US_ASCII);
        assertThat(RawBlockFiles.read(f)).isEqualTo(raw);
        assertThat(new BlockDecoder().decode(RawBlockFiles.readHex(f), f.toString()).hash().hex())
                .isEqualTo("0000000000000756935f1ee9d5987857b604046f846d3df56d024cdb5f368665");
    }

    @Test
    void readHex_garbage_namesFileOffsetLineAndColumn() throws IOException {
        Path f = dir.resolve("block.hex");
        Files.writeString(f, "0100\n00zz00", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> RawBlockFiles.readHex(f)).isInstanceOf(DecodeException.class)
                .hasMessage(f + " at byte 7: not a hex digit: 'z' (line 2, column 3)");
    }

    @Test
    void readHex_oddDigits_isRejected() throws IOException {
        Path f = dir.resolve("block.hex");
        Files.writeString(f, "010", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> RawBlockFiles.readHex(f)).hasMessageContaining("odd number of hex digits");
    }
}
