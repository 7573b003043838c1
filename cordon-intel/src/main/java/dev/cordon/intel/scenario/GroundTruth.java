package dev.cordon.intel.scenario;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.nio.file.Path;
import java.util.List;

/**
 * What a generated scenario planted, written as {@code truth.json} beside the blocks. Amounts
 * are satoshis; heights count from the first generated block; txids and outpoints are in
 * display order ({@code txid:vout}).
 *
 * @param format   always {@code cordon-scenario-truth}
 * @param version  format version, {@value #VERSION}
 * @param fifo     the FIFO attribution of the stolen value, as a forward trace with the
 *                 service labels as endpoints and no limits must find it
 * @param labels   every labelled address: exchange deposit and hot wallets, the victim, the
 *                 CoinJoin coordinator and the thief's first addresses
 * @param thorchain the swaps through the THORChain-style vault (empty unless the config asks
 *                 for them; absent in files written before it existed, read as empty)
 */
public record GroundTruth(String format, int version, long seed, String network, int blocks, long transactions,
                          String tip, Theft theft, Fifo fifo, List<LabelRow> labels, List<ThorchainSwap> thorchain) {
    /** Current format version. */
    public static final int VERSION = 1;

    public GroundTruth {
        labels = List.copyOf(labels);
        thorchain = thorchain == null ? List.of() : List.copyOf(thorchain);
    }

    /** A ground truth without THORChain swaps. */
    public GroundTruth(String format, int version, long seed, String network, int blocks, long transactions,
                       String tip, Theft theft, Fifo fifo, List<LabelRow> labels) {
        this(format, version, seed, network, blocks, transactions, tip, theft, fifo, labels, List.of());
    }

    /** The same truth naming these swaps. */
    public GroundTruth withThorchain(List<ThorchainSwap> swaps) {
        return new GroundTruth(format, version, seed, network, blocks, transactions, tip, theft, fifo, labels, swaps);
    }

    /**
     * One swap of stolen coins through the THORChain-style vault: the inbound pays the vault with
     * a swap memo in an OP_RETURN output; some blocks later the vault pays the destination with
     * {@code OUT:<inbound txid>} in an OP_RETURN output, keeping a swap fee.
     *
     * @param inboundTxid    the inbound transaction
     * @param vault          the vault address it paid (output 0)
     * @param inboundValue   the value paid to the vault
     * @param memo           the inbound's memo
     * @param destination    the destination address the memo names (a Bitcoin address)
     * @param outboundTxid   the vault's outbound transaction
     * @param outboundValue  what it paid the destination (output 0)
     * @param inboundHeight  block of the inbound
     * @param outboundHeight block of the outbound
     */
    public record ThorchainSwap(String inboundTxid, String vault, long inboundValue, String memo, String destination,
                                String outboundTxid, long outboundValue, int inboundHeight, int outboundHeight) {
    }

    /** The theft transaction and the outputs it paid the thief (the seeds of a trace). */
    public record Theft(String txid, int height, long time, long stolenValue, List<StolenOutput> outputs) {
        public Theft {
            outputs = List.copyOf(outputs);
        }
    }

    public record StolenOutput(String outpoint, String address, long value) {
    }

    /**
     * FIFO totals and each endpoint address that received stolen value.
     * {@code endpointValue + heldValue + feeValue == theft.stolenValue}.
     */
    public record Fifo(long endpointValue, long heldValue, long feeValue, List<Deposit> deposits) {
        public Fifo {
            deposits = List.copyOf(deposits);
        }
    }

    /**
     * @param launderer whether the launderer paid this deposit address itself (as opposed to an
     *                  innocent user whose coins FIFO links to the theft)
     */
    public record Deposit(String address, String entity, String category, long amount, int firstHeight,
                          boolean launderer) {
    }

    /** One label: {@code address,entity,category} as in {@code labels.csv}. */
    public record LabelRow(String address, String entity, String category) {
    }

    /**
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public void write(Path file) {
        TruthFiles.write(file, this);
    }

    /**
     * @throws CordonException with {@link ErrorCode#DATA} when the file is not a ground truth of
     *                         this version, {@link ErrorCode#IO} when it cannot be read
     */
    public static GroundTruth read(Path file) {
        GroundTruth t = TruthFiles.read(file, GroundTruth.class);
        if (!"cordon-scenario-truth".equals(t.format()) || t.version() != VERSION) {
            throw new CordonException(ErrorCode.DATA, file + " is not a scenario ground truth of version " + VERSION);
        }
        return t;
    }
}
