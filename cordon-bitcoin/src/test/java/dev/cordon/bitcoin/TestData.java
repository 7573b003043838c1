package dev.cordon.bitcoin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real chain data under {@code src/test/resources/dev/cordon/bitcoin} (see each PROVENANCE.txt). */
public final class TestData {
    public static final String FIRST_BLOCKS = "bitcoinj/first-100k-blocks.dat";
    public static final String BLOCK_2021 =
            "rust-bitcoin/mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw";
    public static final List<String> MAINNET_BLOCKS = List.of("bitcoinj/block169482.dat", "bitcoinj/block227835.dat",
            "bitcoinj/block227836.dat", "bitcoinj/block370661.dat", "bitcoinj/block481829.dat", BLOCK_2021);
    public static final List<String> TESTNET_BLOCKS = List.of("bitcoinj/block_testnet21066.dat",
            "bitcoinj/block_testnet32768.dat", "bitcoinj/block_testnet700000.dat");

    private TestData() {
    }

    public static Path path(String name) {
        URL url = TestData.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 439 blocks of the first 100 KB of mainnet's blk00000.dat, each as its own array. */
    public static List<byte[]> firstBlocks() {
        List<byte[]> out = new ArrayList<>();
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachRecord(bytes(FIRST_BLOCKS), FIRST_BLOCKS,
                (buf, off, len, source, offset) -> out.add(java.util.Arrays.copyOfRange(buf, off, off + len)));
        return out;
    }
}
