package dev.cordon.intel.scenario;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Serializes transactions and blocks in Bitcoin's legacy wire format (no witness), computing
 * txids, the merkle root and the block hash with double SHA-256, so that
 * {@link dev.cordon.bitcoin.BlockDecoder} reads them back. Output scripts are P2WPKH
 * ({@code OP_0 <20 bytes>}); input scripts are empty (signatures are not checked by ingest).
 * Proof of work is not computed: the header carries regtest's easiest target. Byte order and
 * layout follow the Bitcoin protocol documentation (developer reference, "Raw Transaction
 * Format" and "Block Headers").
 */
final class BlockSerializer {
    private static final int TX_VERSION = 2;
    private static final int BLOCK_VERSION = 0x20000000;
    private static final int REGTEST_BITS = 0x207fffff;

    private BlockSerializer() {
    }

    /** One input: the spent txid in internal byte order and its output index. */
    record In(byte[] txid, int vout) {
    }

    /** One output: value in satoshis and its whole output script. */
    record Out(long value, byte[] script) {
        /** A P2WPKH output paying the 20-byte witness program. */
        static Out p2wpkh(long value, byte[] program) {
            byte[] s = new byte[22];
            s[1] = 0x14;
            System.arraycopy(program, 0, s, 2, 20);
            return new Out(value, s);
        }

        /** A zero-value OP_RETURN output carrying {@code data} (at most 75 bytes, one direct push). */
        static Out opReturn(byte[] data) {
            if (data.length > 75) {
                throw new IllegalArgumentException("OP_RETURN data over 75 bytes: " + data.length);
            }
            byte[] s = new byte[data.length + 2];
            s[0] = 0x6a;
            s[1] = (byte) data.length;
            System.arraycopy(data, 0, s, 2, data.length);
            return new Out(0, s);
        }
    }

    /** A serialized transaction and its txid in internal byte order. */
    record Tx(byte[] bytes, byte[] txid) {
    }

    static Tx tx(List<In> inputs, List<Out> outputs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64 + 41 * inputs.size() + 31 * outputs.size());
        int32(b, TX_VERSION);
        varInt(b, inputs.size());
        for (In in : inputs) {
            b.writeBytes(in.txid());
            int32(b, in.vout());
            varInt(b, 0);
            int32(b, -1);
        }
        outputs(b, outputs);
        int32(b, 0);
        byte[] bytes = b.toByteArray();
        return new Tx(bytes, sha256d(bytes, bytes.length));
    }

    /** A coinbase for {@code height} (BIP34 height push) paying {@code outputs}. */
    static Tx coinbase(int height, List<Out> outputs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int32(b, TX_VERSION);
        varInt(b, 1);
        b.writeBytes(new byte[32]);
        int32(b, -1);
        varInt(b, 5);
        b.write(3);
        b.write(height);
        b.write(height >>> 8);
        b.write(height >>> 16);
        b.write(0);
        int32(b, -1);
        outputs(b, outputs);
        int32(b, 0);
        byte[] bytes = b.toByteArray();
        return new Tx(bytes, sha256d(bytes, bytes.length));
    }

    /** A block of {@code txs} (coinbase first); returns the bytes, the hash is {@link #hash}. */
    static byte[] block(byte[] parent, long time, int nonce, List<Tx> txs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
        int32(b, BLOCK_VERSION);
        b.writeBytes(parent);
        b.writeBytes(merkleRoot(txs));
        int32(b, (int) time);
        int32(b, REGTEST_BITS);
        int32(b, nonce);
        varInt(b, txs.size());
        for (Tx t : txs) {
            b.writeBytes(t.bytes());
        }
        return b.toByteArray();
    }

    /** The hash of a serialized block (double SHA-256 of its 80-byte header), internal order. */
    static byte[] hash(byte[] block) {
        return sha256d(block, 80);
    }

    /** The txid in display order (reversed), as hex. */
    static String displayHex(byte[] internal) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = internal.length - 1; i >= 0; i--) {
            sb.append(Character.forDigit((internal[i] >> 4) & 0xf, 16)).append(Character.forDigit(internal[i] & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] merkleRoot(List<Tx> txs) {
        byte[][] level = new byte[txs.size()][];
        for (int i = 0; i < level.length; i++) {
            level[i] = txs.get(i).txid();
        }
        int n = level.length;
        byte[] pair = new byte[64];
        while (n > 1) {
            int m = 0;
            for (int i = 0; i < n; i += 2) {
                System.arraycopy(level[i], 0, pair, 0, 32);
                System.arraycopy(level[Math.min(i + 1, n - 1)], 0, pair, 32, 32);
                level[m++] = sha256d(pair, 64);
            }
            n = m;
        }
        return level[0];
    }

    private static void outputs(ByteArrayOutputStream b, List<Out> outputs) {
        varInt(b, outputs.size());
        for (Out o : outputs) {
            int64(b, o.value());
            varInt(b, o.script().length);
            b.writeBytes(o.script());
        }
    }

    static byte[] sha256d(byte[] data, int len) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(data, 0, len);
            return d.digest(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void varInt(ByteArrayOutputStream b, long v) {
        if (v < 0xfd) {
            b.write((int) v);
        } else if (v <= 0xffff) {
            b.write(0xfd);
            b.write((int) v);
            b.write((int) (v >>> 8));
        } else {
            b.write(0xfe);
            int32(b, (int) v);
        }
    }

    private static void int32(ByteArrayOutputStream b, int v) {
        b.write(v);
        b.write(v >>> 8);
        b.write(v >>> 16);
        b.write(v >>> 24);
    }

    private static void int64(ByteArrayOutputStream b, long v) {
        int32(b, (int) v);
        int32(b, (int) (v >>> 32));
    }
}
