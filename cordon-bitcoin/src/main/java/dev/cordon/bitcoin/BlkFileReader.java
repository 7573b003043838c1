package dev.cordon.bitcoin;

import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.utxo.UtxoBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Bitcoin Core's block files ({@code blocks/blk*.dat}).
 *
 * <p>A file is a sequence of records {@code [4-byte network magic][4-byte little-endian length]
 * [serialized block]} (Core {@code FlatFilePos}/{@code WriteBlockToDisk}). Core preallocates files
 * in chunks, so a file may end in zero bytes: from a record boundary, zeros up to the end of the
 * file end the file normally. Anything else is damage: a wrong magic, a length below 81 bytes or
 * above {@link BlockCursor#MAX_BLOCK_SIZE}, a record running past the end of the file, or a block
 * that does not decode. Damage stops the file with a {@link DecodeException} naming the file and
 * the byte offset, after every earlier block has been handed to the sink.
 *
 * <p>Since Bitcoin Core 28 the files may be obfuscated with the 8-byte key in
 * {@code blocks/xor.dat} (byte {@code i} of a file XORed with {@code key[i % 8]}); when a
 * {@code xor.dat} sits beside the files it is applied.
 *
 * <p>Files are read whole (Core caps them at 128 MiB). A reader holds no state between calls;
 * each call decodes on the calling thread.
 */
public final class BlkFileReader {
    private static final Pattern BLK_NAME = Pattern.compile("blk(\\d+)\\.dat");
    private static final int MIN_BLOCK = BlockCursor.HEADER_SIZE + 1;

    private final BitcoinNetwork network;

    /** Receives each framed block as a slice of the file's bytes, valid only during the call. */
    @FunctionalInterface
    public interface RecordSink {
        /**
         * @param offset position of {@code buf[off]} (the first block byte) in the file
         */
        void block(byte[] buf, int off, int len, String source, long offset);
    }

    public BlkFileReader(BitcoinNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /**
     * The {@code blk*.dat} files directly in {@code dir}, ordered by their number.
     *
     * @throws CordonException with {@link ErrorCode#IO} when the folder cannot be listed
     */
    public static List<Path> blkFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = new ArrayList<>();
            s.filter(p -> BLK_NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .forEach(files::add);
            files.sort(Comparator.comparingLong(BlkFileReader::fileNumber));
            return files;
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot list block files in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands every block of a file, or of every {@code blk*.dat} in a folder in number order, to the
     * sink as a raw slice. This is the fast path: pair it with a {@link BlockCursor}.
     *
     * @return number of blocks delivered
     * @throws DecodeException at the first damaged record, after delivering the blocks before it
     * @throws CordonException with {@link ErrorCode#IO} when a file cannot be read
     */
    public long forEachRecord(Path fileOrFolder, RecordSink sink) {
        long n = 0;
        for (Path file : files(fileOrFolder)) {
            n += forEachRecord(read(file), file.toString(), sink);
        }
        return n;
    }

    /**
     * Decodes every block of a file or folder (see {@link #forEachRecord(Path, RecordSink)}) and
     * hands it to the sink, in file order.
     *
     * @return number of blocks delivered
     * @throws DecodeException at the first damaged record or undecodable block, after delivering
     *                         the blocks before it
     */
    public long forEachBlock(Path fileOrFolder, Consumer<UtxoBlock> sink) {
        BlockDecoder decoder = new BlockDecoder(network);
        return forEachRecord(fileOrFolder,
                (buf, off, len, source, offset) -> sink.accept(decoder.decode(buf, off, len, source, offset)));
    }

    /**
     * Walks the records of one file already in memory.
     *
     * @param source named in error messages
     * @return number of blocks delivered
     * @throws DecodeException at the first damaged record, after delivering the blocks before it
     */
    public int forEachRecord(byte[] data, String source, RecordSink sink) {
        int p = 0;
        int blocks = 0;
        while (p < data.length) {
            if (isZeroFrom(data, p)) {
                break;
            }
            if (data.length - p < 8) {
                throw new DecodeException(source, p, "truncated record header: " + (data.length - p) + " bytes left");
            }
            int magic = readIntBE(data, p);
            if (magic != network.magic()) {
                throw new DecodeException(source, p, wrongMagic(magic));
            }
            long len = readIntLE(data, p + 4) & 0xffffffffL;
            if (len < MIN_BLOCK || len > BlockCursor.MAX_BLOCK_SIZE) {
                throw new DecodeException(source, p + 4L, "absurd block length " + len
                        + " (must be " + MIN_BLOCK + ".." + BlockCursor.MAX_BLOCK_SIZE + ")");
            }
            if (len > data.length - p - 8) {
                throw new DecodeException(source, p, "truncated record: block of " + len + " bytes but only "
                        + (data.length - p - 8) + " remain in the file");
            }
            sink.block(data, p + 8, (int) len, source, p + 8L);
            blocks++;
            p += 8 + (int) len;
        }
        return blocks;
    }

    private String wrongMagic(int magic) {
        String found = String.format("%08x", magic);
        for (BitcoinNetwork other : BitcoinNetwork.values()) {
            if (other.magic() == magic) {
                return "record has " + other.name().toLowerCase(java.util.Locale.ROOT) + " magic " + found + ", expected "
                        + network.name().toLowerCase(java.util.Locale.ROOT) + " " + String.format("%08x", network.magic());
            }
        }
        return "wrong magic " + found + ", expected " + network.name().toLowerCase(java.util.Locale.ROOT) + " "
                + String.format("%08x", network.magic());
    }

    private static List<Path> files(Path fileOrFolder) {
        if (Files.isDirectory(fileOrFolder)) {
            return blkFiles(fileOrFolder);
        }
        return List.of(fileOrFolder);
    }

    private static byte[] read(Path file) {
        byte[] data;
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 64) {
                throw new DecodeException(file.toString(), -1, "file of " + size + " bytes is too large for a block file");
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e, e);
        }
        byte[] key = xorKey(file.toAbsolutePath().getParent());
        if (key != null) {
            for (int i = 0; i < data.length; i++) {
                data[i] ^= key[i & 7];
            }
        }
        return data;
    }

    /** The obfuscation key of Bitcoin Core 28+, or null when absent or all zero. */
    private static byte[] xorKey(Path dir) {
        Path f = dir == null ? null : dir.resolve("xor.dat");
        if (f == null || !Files.isRegularFile(f)) {
            return null;
        }
        try {
            byte[] key = Files.readAllBytes(f);
            if (key.length != 8) {
                throw new DecodeException(f.toString(), -1, "obfuscation key must be 8 bytes, found " + key.length);
            }
            return isZeroFrom(key, 0) ? null : key;
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + f + ": " + e, e);
        }
    }

    private static long fileNumber(Path p) {
        Matcher m = BLK_NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        String digits = m.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static boolean isZeroFrom(byte[] data, int p) {
        for (int i = p; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int readIntBE(byte[] b, int p) {
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
    }

    private static int readIntLE(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }
}
