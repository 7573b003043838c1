package dev.cordon.bitcoin.synth;

import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.internal.SyntheticBlockBuilder;
import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A deterministic synthetic Bitcoin chain for benchmarks and scale tests, written as Bitcoin Core
 * {@code blk*.dat} files that {@link dev.cordon.bitcoin.BlkFileReader} reads.
 *
 * <p>What holds: magic framing, merkle roots and txids are correct; block 0 is a genesis-like
 * block (parent zero, coinbase only) and every later block names its predecessor; every input
 * spends an existing, not yet spent output of an earlier transaction (possibly earlier in the same
 * block), so a store can resolve all inputs; outputs never exceed inputs and each coinbase pays
 * the subsidy plus the fees. What does not: proof of work, signatures, coinbase maturity, the
 * witness commitment. Shape: see {@link SyntheticBlockBuilder}; with {@code txPerBlock} about
 * 2,000-2,500 blocks resemble 2021 mainnet blocks. The same seed and sizes give the same bytes.
 *
 * <p>Files roll over at 128 MiB, Core's {@code MAX_BLOCKFILE_SIZE}.
 */
public final class SyntheticChain {
    /** Bitcoin Core's block file size limit. */
    public static final long MAX_FILE_SIZE = 128L << 20;
    /** Largest accepted {@code txPerBlock}; blocks also stop near 3.6 MB whatever is asked. */
    public static final int MAX_TX_PER_BLOCK = 20_000;

    private final SyntheticBlockBuilder builder;

    /**
     * A chain to draw blocks from in memory.
     *
     * @param txPerBlock transactions per block after the genesis block, coinbase included
     */
    public SyntheticChain(long seed, int txPerBlock) {
        checkTxPerBlock(txPerBlock);
        this.builder = new SyntheticBlockBuilder(seed, txPerBlock);
    }

    /** The next serialized block (the first call gives the genesis-like block). */
    public byte[] nextBlock() {
        builder.next();
        return Arrays.copyOf(builder.buffer(), builder.length());
    }

    /**
     * What was written.
     *
     * @param bytes total file bytes, framing included
     * @param tip   hash of the last block
     */
    public record Stats(int blocks, long txs, long inputs, long outputs, long bytes, List<Path> files, BlockHash tip) {
        public Stats {
            Objects.requireNonNull(tip, "tip");
            files = List.copyOf(files);
        }
    }

    /** {@link #generate(Path, long, int, int, BitcoinNetwork)} with mainnet magic. */
    public static Stats generate(Path dir, long seed, int blocks, int txPerBlock) {
        return generate(dir, seed, blocks, txPerBlock, BitcoinNetwork.MAINNET);
    }

    /**
     * Writes {@code blocks} blocks (genesis included) as {@code blk00000.dat}, {@code blk00001.dat},
     * ... in {@code dir}, which is created if missing; existing files of those names are replaced.
     *
     * @throws CordonException with {@link ErrorCode#USAGE} for sizes out of range, with
     *                         {@link ErrorCode#IO} when writing fails
     */
    public static Stats generate(Path dir, long seed, int blocks, int txPerBlock, BitcoinNetwork network) {
        if (blocks < 1) {
            throw new CordonException(ErrorCode.USAGE, "blocks must be >= 1: " + blocks);
        }
        checkTxPerBlock(txPerBlock);
        SyntheticBlockBuilder b = new SyntheticBlockBuilder(seed, txPerBlock);
        List<Path> files = new ArrayList<>();
        long txs = 0;
        long bytes = 0;
        try {
            Files.createDirectories(dir);
            OutputStream out = null;
            long fileSize = MAX_FILE_SIZE;
            byte[] frame = new byte[8];
            try {
                for (int h = 0; h < blocks; h++) {
                    b.next();
                    int len = b.length();
                    if (fileSize + 8 + len > MAX_FILE_SIZE) {
                        if (out != null) {
                            out.close();
                        }
                        Path f = dir.resolve(String.format("blk%05d.dat", files.size()));
                        files.add(f);
                        out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20);
                        fileSize = 0;
                    }
                    frame(frame, network.magic(), len);
                    out.write(frame);
                    out.write(b.buffer(), 0, len);
                    fileSize += 8 + len;
                    bytes += 8 + len;
                    txs += b.txCount();
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write synthetic blocks to " + dir + ": " + e, e);
        }
        byte[] tip = b.lastHash();
        byte[] display = new byte[32];
        for (int i = 0; i < 32; i++) {
            display[i] = tip[31 - i];
        }
        return new Stats(blocks, txs, b.inputs(), b.outputs(), bytes, files, new BlockHash(display));
    }

    private static void frame(byte[] f, int magic, int len) {
        f[0] = (byte) (magic >>> 24);
        f[1] = (byte) (magic >>> 16);
        f[2] = (byte) (magic >>> 8);
        f[3] = (byte) magic;
        f[4] = (byte) len;
        f[5] = (byte) (len >>> 8);
        f[6] = (byte) (len >>> 16);
        f[7] = (byte) (len >>> 24);
    }

    private static void checkTxPerBlock(int txPerBlock) {
        if (txPerBlock < 1 || txPerBlock > MAX_TX_PER_BLOCK) {
            throw new CordonException(ErrorCode.USAGE, "txPerBlock must be 1.." + MAX_TX_PER_BLOCK + ": " + txPerBlock);
        }
    }
}
