package dev.cordon.bitcoin;

import dev.cordon.core.Chain;
import dev.cordon.core.DecodeException;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes serialized blocks into {@link UtxoBlock}s for ingest: txids and wtxids, sizes, spent
 * outpoints and classified outputs with addresses (see {@link ScriptClassifier}). Parsing and
 * verification are {@link BlockCursor}'s; this class only builds the objects.
 *
 * <p>Not thread-safe (it owns a cursor): use one decoder per thread.
 */
public final class BlockDecoder {
    private final BlockCursor cursor = new BlockCursor();
    private final ScriptClassifier classifier;

    public BlockDecoder(BitcoinNetwork network) {
        this.classifier = new ScriptClassifier(Objects.requireNonNull(network, "network"));
    }

    /** A decoder for mainnet. */
    public BlockDecoder() {
        this(BitcoinNetwork.MAINNET);
    }

    public BitcoinNetwork network() {
        return classifier.network();
    }

    /**
     * Decodes one whole serialized block.
     *
     * @param source named in error messages (a file name or block hash)
     * @throws DecodeException see {@link BlockCursor#parse(byte[], int, int, String, long)}
     */
    public UtxoBlock decode(byte[] block, String source) {
        return decode(block, 0, block.length, source, 0);
    }

    /**
     * Decodes {@code buf[off..off+len)}.
     *
     * @param sourceOffset position of {@code buf[off]} in the source, for error messages
     * @throws DecodeException see {@link BlockCursor#parse(byte[], int, int, String, long)}
     */
    public UtxoBlock decode(byte[] buf, int off, int len, String source, long sourceOffset) {
        cursor.parse(buf, off, len, source, sourceOffset);
        return toUtxoBlock(cursor, classifier);
    }

    /** Builds the block a cursor has just parsed. */
    public static UtxoBlock toUtxoBlock(BlockCursor c, ScriptClassifier classifier) {
        int n = c.txCount();
        List<UtxoTx> txs = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            txs.add(tx(c, classifier, t));
        }
        return new UtxoBlock(Chain.BITCOIN, c.hash(), c.parent(), Instant.ofEpochSecond(c.time()), c.size(), txs);
    }

    private static UtxoTx tx(BlockCursor c, ScriptClassifier classifier, int t) {
        boolean coinbase = t == 0;
        List<OutPoint> inputs = new ArrayList<>(coinbase ? 0 : c.inputCount(t));
        byte[] buf = c.buffer();
        for (int k = c.firstInput(t), e = k + c.inputCount(t); !coinbase && k < e; k++) {
            inputs.add(new OutPoint(new TxId(BlockCursor.reversed(buf, c.prevTxidOffset(k))), c.prevIndex(k)));
        }
        List<TxOut> outputs = new ArrayList<>(c.outputCount(t));
        for (int k = c.firstOutput(t), e = k + c.outputCount(t); k < e; k++) {
            outputs.add(classifier.classify(c.outputValue(k), buf, c.scriptOffset(k), c.scriptLength(k)));
        }
        return new UtxoTx(c.txid(t), c.wtxid(t), coinbase, inputs, outputs, c.txSize(t), c.txVsize(t));
    }
}
