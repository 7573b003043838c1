package dev.cordon.bench.bitcoin;

import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.bitcoin.BlockCursor;
import dev.cordon.bitcoin.RawBlockFiles;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Serialized mainnet blocks held in memory, one array per block, for decode measurements. The
 * bundled ones are resources of this package, each folder with its licence and provenance:
 * block 702861 (2021-09-30, from rust-bitcoin's test data), block 481829 (2017-08-24, just after
 * segwit activation) and blocks 0-438 (2009, in blk-file framing), both from bitcoinj's.
 */
final class RealBlocks {
    static final String Y2021 = "rust-bitcoin/mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw";
    static final String Y2017 = "bitcoinj/block481829.dat";
    static final String FIRST_439 = "bitcoinj/first-100k-blocks.dat";

    /**
     * A named list of whole serialized blocks.
     *
     * @param txs transactions in all blocks, coinbases included
     */
    record BlockSet(String name, String description, List<byte[]> blocks, long bytes, long txs) {
        BlockSet {
            Objects.requireNonNull(name, "name");
            blocks = List.copyOf(blocks);
        }

        /** Counts bytes and transactions, checking that every block parses. */
        static BlockSet of(String name, String description, List<byte[]> blocks) {
            BlockCursor c = new BlockCursor();
            long bytes = 0;
            long txs = 0;
            for (int i = 0; i < blocks.size(); i++) {
                byte[] b = blocks.get(i);
                c.parse(b, 0, b.length, name + " block " + i, 0);
                bytes += b.length;
                txs += c.txCount();
            }
            return new BlockSet(name, description, blocks, bytes, txs);
        }

        static BlockSet concat(String name, String description, List<BlockSet> sets) {
            List<byte[]> all = new ArrayList<>();
            long bytes = 0;
            long txs = 0;
            for (BlockSet s : sets) {
                all.addAll(s.blocks);
                bytes += s.bytes;
                txs += s.txs;
            }
            return new BlockSet(name, description, all, bytes, txs);
        }
    }

    private RealBlocks() {
    }

    /** The bundled blocks, one set per era, in the order 2021, 2017, 2009. */
    static List<BlockSet> bundled() {
        return List.of(
                BlockSet.of("y2021", "mainnet block 702861 (2021-09-30)", List.of(resource(Y2021))),
                BlockSet.of("y2017", "mainnet block 481829 (2017-08-24, first segwit blocks)", List.of(resource(Y2017))),
                first439());
    }

    /** Blocks 0-438, the only bundled blocks whose inputs a fresh store can resolve. */
    static BlockSet first439() {
        return BlockSet.of("y2009", "mainnet blocks 0-438 (2009)", framed(resource(FIRST_439), FIRST_439));
    }

    /**
     * Blocks from the file system: a folder of {@code blk*.dat} files, one file in blk framing
     * (it starts with the mainnet magic), or one raw or hex block.
     *
     * @throws CordonException with {@link ErrorCode#IO} when the path cannot be read
     */
    static BlockSet fromPath(Path path) {
        if (!Files.exists(path)) {
            throw new CordonException(ErrorCode.USAGE, "--real: no such file or folder: " + path);
        }
        List<byte[]> blocks = new ArrayList<>();
        BlkFileReader reader = new BlkFileReader(BitcoinNetwork.MAINNET);
        if (Files.isDirectory(path) || startsWithMagic(path)) {
            reader.forEachRecord(path, (buf, off, len, source, offset) -> blocks.add(Arrays.copyOfRange(buf, off, off + len)));
        } else {
            blocks.add(RawBlockFiles.read(path));
        }
        if (blocks.isEmpty()) {
            throw new CordonException(ErrorCode.USAGE, "--real: no blocks in " + path);
        }
        return BlockSet.of("path", path.toString(), blocks);
    }

    private static boolean startsWithMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            int magic = head.length < 4 ? 0
                    : (head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8 | (head[3] & 0xff);
            return magic == BitcoinNetwork.MAINNET.magic();
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<byte[]> framed(byte[] data, String source) {
        List<byte[]> blocks = new ArrayList<>();
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachRecord(data, source,
                (buf, off, len, src, offset) -> blocks.add(Arrays.copyOfRange(buf, off, off + len)));
        return blocks;
    }

    private static byte[] resource(String name) {
        try (InputStream in = RealBlocks.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new CordonException(ErrorCode.IO, "bundled block resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read bundled block " + name + ": " + e.getMessage(), e);
        }
    }
}
