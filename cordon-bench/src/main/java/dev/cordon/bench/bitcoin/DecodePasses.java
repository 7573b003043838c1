package dev.cordon.bench.bitcoin;

import dev.cordon.bench.Sampler;
import dev.cordon.bench.bitcoin.RealBlocks.BlockSet;
import dev.cordon.bitcoin.BlockCursor;
import dev.cordon.bitcoin.BlockDecoder;
import dev.cordon.core.utxo.UtxoBlock;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;

/**
 * One pass of each decode workload over a {@link BlockSet}, returning the block bytes covered.
 * Results are folded into {@link #sink} so that the JIT cannot drop the work.
 */
final class DecodePasses {
    /** What each workload does, printed with the figures. */
    static final String CURSOR_WORK = "cordon BlockCursor.parse: one pass over the bytes; block hash, every txid"
            + " (double SHA-256 of the non-witness serialization), merkle root recomputed and compared with the"
            + " header; CompactSize, value range and coinbase checks; no objects per transaction";
    static final String DECODER_WORK = "cordon BlockDecoder.decode: BlockCursor.parse, then a UtxoBlock with"
            + " txid and wtxid objects, spent outpoints, and every output classified with its address";
    static final String BITCOINJ_WORK = "bitcoinj 0.17.1 Block.read(ByteBuffer) (header, block hash, every"
            + " Transaction with its inputs, outputs and witnesses), Transaction.getTxId() for every transaction,"
            + " then Block's private checkMerkleRoot() (merkle root from the cached txids, compared with the header)";
    static final String BITCOINJ_READ_WORK = "bitcoinj 0.17.1 Block.read(ByteBuffer) alone: no txids, no merkle check";
    static final String FLOOR_WORK = "MessageDigest SHA-256 over exactly the slices cordon hashes (header,"
            + " non-witness serialization of each transaction, merkle pairs), each hashed twice; no parsing";
    static final String SHA_WORK = "MessageDigest SHA-256 over a 1 MiB buffer, one thread";

    private static final MethodHandle CHECK_MERKLE_ROOT = checkMerkleRoot();

    static volatile long sink;

    private DecodePasses() {
    }

    static Sampler.Round cursor(BlockSet set) {
        BlockCursor c = new BlockCursor();
        List<byte[]> blocks = set.blocks();
        return () -> {
            long acc = 0;
            for (byte[] b : blocks) {
                c.parse(b, 0, b.length);
                acc += c.txidBuffer()[32 * (c.txCount() - 1)];
            }
            sink += acc;
            return set.bytes();
        };
    }

    static Sampler.Round decoder(BlockSet set) {
        BlockDecoder d = new BlockDecoder();
        List<byte[]> blocks = set.blocks();
        return () -> {
            long acc = 0;
            for (byte[] b : blocks) {
                UtxoBlock u = d.decode(b, "bench");
                acc += u.txs().size() + u.txs().get(u.txs().size() - 1).outputs().size();
            }
            sink += acc;
            return set.bytes();
        };
    }

    static Sampler.Round bitcoinj(BlockSet set) {
        List<byte[]> blocks = set.blocks();
        return () -> {
            long acc = 0;
            for (byte[] b : blocks) {
                Block block = Block.read(ByteBuffer.wrap(b));
                acc += block.getHash().hashCode();
                for (Transaction tx : block.getTransactions()) {
                    acc += tx.getTxId().hashCode();
                }
                checkMerkleRoot(block);
            }
            sink += acc;
            return set.bytes();
        };
    }

    static Sampler.Round bitcoinjReadOnly(BlockSet set) {
        List<byte[]> blocks = set.blocks();
        return () -> {
            long acc = 0;
            for (byte[] b : blocks) {
                acc += Block.read(ByteBuffer.wrap(b)).getTransactions().size();
            }
            sink += acc;
            return set.bytes();
        };
    }

    static Sampler.Round txidHashes(BlockSet set) {
        TxidHashFloor floor = new TxidHashFloor(set);
        return floor::pass;
    }

    /** SHA-256 over a 1 MiB buffer of seeded random bytes. */
    static Sampler.Round sha256() {
        byte[] buf = new byte[1 << 20];
        new SplittableRandom(1).nextBytes(buf);
        MessageDigest md = TxidHashFloor.sha256();
        byte[] out = new byte[32];
        return () -> {
            md.update(buf, 0, buf.length);
            md.digest(out, 0, out.length);
            sink += out[0];
            return buf.length;
        };
    }

    /**
     * Checks bitcoinj's parse against cordon's on every block of the set: same transaction count,
     * same txids.
     *
     * @throws IllegalStateException on the first difference
     */
    static void crossCheck(BlockSet set) {
        BlockCursor c = new BlockCursor();
        for (byte[] b : set.blocks()) {
            c.parse(b, 0, b.length);
            Block block = Block.read(ByteBuffer.wrap(b));
            checkMerkleRoot(block);
            List<Transaction> txs = block.getTransactions();
            if (txs.size() != c.txCount()) {
                throw new IllegalStateException("bitcoinj finds " + txs.size() + " transactions, cordon " + c.txCount());
            }
            for (int t = 0; t < txs.size(); t++) {
                if (!txs.get(t).getTxId().toString().equals(c.txid(t).toString())) {
                    throw new IllegalStateException("txid " + t + " differs: bitcoinj " + txs.get(t).getTxId() + ", cordon " + c.txid(t));
                }
            }
        }
    }

    private static void checkMerkleRoot(Block block) {
        try {
            CHECK_MERKLE_ROOT.invokeExact(block);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("bitcoinj's merkle root check failed", e);
        }
    }

    private static MethodHandle checkMerkleRoot() {
        try {
            Method m = Block.class.getDeclaredMethod("checkMerkleRoot");
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bitcoinj " + Block.class.getPackage().getImplementationVersion()
                    + " has no Block.checkMerkleRoot()", e);
        }
    }
}
