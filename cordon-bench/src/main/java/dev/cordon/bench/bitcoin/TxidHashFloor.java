package dev.cordon.bench.bitcoin;

import dev.cordon.bench.bitcoin.RealBlocks.BlockSet;
import dev.cordon.bitcoin.BlockCursor;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SHA-256 work a verifying decoder cannot avoid, and that work alone as a workload: the
 * block hash (double SHA-256 of the 80-byte header), every txid (double SHA-256 of the
 * transaction without its segwit marker, flag and witnesses, BIP144) and the merkle tree over the
 * txids (double SHA-256 of each 64-byte pair, the last node of an odd level paired with itself).
 *
 * <p>The slices to hash are found once, with a {@link BlockCursor}, and kept as offsets; a pass
 * then only feeds them to {@link MessageDigest}, as the decoder does, and its txids are checked
 * against the cursor's when the plan is built. Byte counts: "message" bytes are what is fed to
 * the digest; "compressed" bytes are 64 per SHA-256 compression, padding included
 * ({@code ceil((len + 9) / 64)} compressions for a message of {@code len} bytes, FIPS 180-4 5.1.1).
 *
 * <p>Not thread-safe.
 */
final class TxidHashFloor {
    private final List<byte[]> blocks;
    private final List<int[]> slices = new ArrayList<>();
    private final MessageDigest md = sha256();
    private final byte[] mid = new byte[32];
    private byte[] txids = new byte[64 * 32];
    private byte[] merkle = new byte[65 * 32];
    private long messageBytes;
    private long compressions;
    private final long blockBytes;

    TxidHashFloor(BlockSet set) {
        this.blocks = set.blocks();
        this.blockBytes = set.bytes();
        BlockCursor c = new BlockCursor();
        for (byte[] b : blocks) {
            c.parse(b, 0, b.length);
            slices.add(plan(c));
            account(c);
            hashBlock(b, slices.get(slices.size() - 1));
            if (!Arrays.equals(txids, 0, 32 * c.txCount(), c.txidBuffer(), 0, 32 * c.txCount())) {
                throw new IllegalStateException("txid hash plan disagrees with BlockCursor");
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Bytes fed to SHA-256 per byte of block. */
    double messageBytesPerBlockByte() {
        return (double) messageBytes / blockBytes;
    }

    /** Bytes compressed by SHA-256 (64 per compression, padding included) per byte of block. */
    double compressedBytesPerBlockByte() {
        return 64.0 * compressions / blockBytes;
    }

    /** One pass over every block; returns the block bytes covered. */
    long pass() {
        for (int i = 0; i < blocks.size(); i++) {
            hashBlock(blocks.get(i), slices.get(i));
        }
        return blockBytes;
    }

    /** Per transaction, up to three (offset, length) slices; length 0 marks an unused slot. */
    private static int[] plan(BlockCursor c) {
        int n = c.txCount();
        int[] s = new int[6 * n];
        int at = BlockCursor.HEADER_SIZE + compactSizeLength(n);
        for (int t = 0; t < n; t++) {
            int total = c.txSize(t);
            if (c.hasWitness(t)) {
                int stripped = (c.txWeight(t) - total) / 3;
                setSlices(s, t, at, 4, at + 6, stripped - 8, at + total - 4, 4);
            } else {
                setSlices(s, t, at, total, 0, 0, 0, 0);
            }
            at += total;
        }
        return s;
    }

    private static void setSlices(int[] s, int t, int o0, int l0, int o1, int l1, int o2, int l2) {
        int p = 6 * t;
        s[p] = o0;
        s[p + 1] = l0;
        s[p + 2] = o1;
        s[p + 3] = l1;
        s[p + 4] = o2;
        s[p + 5] = l2;
    }

    private void account(BlockCursor c) {
        countDouble(BlockCursor.HEADER_SIZE);
        for (int t = 0; t < c.txCount(); t++) {
            int total = c.txSize(t);
            countDouble(c.hasWitness(t) ? (c.txWeight(t) - total) / 3 : total);
        }
        for (int n = c.txCount(); n > 1; n = (n + 1) / 2) {
            int pairs = (n + 1) / 2;
            for (int k = 0; k < pairs; k++) {
                countDouble(64);
            }
        }
    }

    private void countDouble(int len) {
        messageBytes += len + 32;
        compressions += (len + 9 + 63) / 64 + 1;
    }

    private void hashBlock(byte[] b, int[] s) {
        int n = s.length / 6;
        if (txids.length < 32 * n) {
            txids = new byte[32 * n];
            merkle = new byte[32 * (n + 1)];
        }
        md.update(b, 0, BlockCursor.HEADER_SIZE);
        finishDouble(mid, 0);
        for (int t = 0; t < n; t++) {
            int p = 6 * t;
            md.update(b, s[p], s[p + 1]);
            if (s[p + 3] > 0) {
                md.update(b, s[p + 2], s[p + 3]);
                md.update(b, s[p + 4], s[p + 5]);
            }
            finishDouble(txids, 32 * t);
        }
        System.arraycopy(txids, 0, merkle, 0, 32 * n);
        while (n > 1) {
            if ((n & 1) != 0) {
                System.arraycopy(merkle, 32 * (n - 1), merkle, 32 * n, 32);
                n++;
            }
            for (int k = 0; k < n / 2; k++) {
                md.update(merkle, 64 * k, 64);
                finishDouble(merkle, 32 * k);
            }
            n /= 2;
        }
        if (!Arrays.equals(merkle, 0, 32, b, 36, 68)) {
            throw new IllegalStateException("merkle root mismatch in a block that BlockCursor accepted");
        }
    }

    private void finishDouble(byte[] out, int off) {
        try {
            md.digest(mid, 0, 32);
            md.update(mid, 0, 32);
            md.digest(out, off, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int compactSizeLength(long n) {
        return n < 0xfd ? 1 : n <= 0xffff ? 3 : n <= 0xffffffffL ? 5 : 9;
    }
}
