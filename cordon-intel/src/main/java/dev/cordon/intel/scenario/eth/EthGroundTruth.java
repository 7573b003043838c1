package dev.cordon.intel.scenario.eth;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.scenario.TruthFiles;
import dev.cordon.intel.scenario.GroundTruth.LabelRow;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

/**
 * What an Ethereum scenario planted, written as {@code truth.json} beside its labels. Amounts are
 * decimal strings of base units (wei, or the token's smallest unit); addresses and hashes are
 * {@code 0x} + lowercase hex; an asset is {@code ETH} or the token contract's address.
 *
 * @param format  always {@value #FORMAT}
 * @param version format version, {@value #VERSION}
 * @param blocks  the generated block range, inclusive
 * @param assets  per stolen asset, the FIFO attribution (see {@link EthFifoOracle} for the rules):
 *                {@code endpointValue + heldValue + feeValue == stolenValue}
 * @param labels  every labelled address (the rows of {@code labels.csv})
 */
public record EthGroundTruth(String format, int version, long chainId, long seed, Range blocks, long transactions,
                             Theft theft, List<AssetTruth> assets, List<LabelRow> labels) {
    public static final String FORMAT = "cordon-scenario-truth-eth";
    public static final int VERSION = 1;

    public EthGroundTruth {
        assets = List.copyOf(assets);
        labels = List.copyOf(labels);
    }

    public record Range(long first, long last) {
    }

    /** The theft transactions (the seeds of a trace) and what they took per asset. */
    public record Theft(List<String> transactions, long block, List<Stolen> stolen) {
        public Theft {
            transactions = List.copyOf(transactions);
            stolen = List.copyOf(stolen);
        }
    }

    public record Stolen(String asset, String amount) {
    }

    public record AssetTruth(String asset, String stolenValue, String endpointValue, String heldValue, String feeValue,
                             List<EndpointTruth> endpoints) {
        public AssetTruth {
            endpoints = List.copyOf(endpoints);
        }

        /** Whether endpoints + held + fees equal the stolen value exactly. */
        public boolean balances() {
            return new BigInteger(endpointValue).add(new BigInteger(heldValue)).add(new BigInteger(feeValue))
                    .equals(new BigInteger(stolenValue));
        }
    }

    /** An address that received stolen value, with its label and the first block it did. */
    public record EndpointTruth(String address, String entity, String category, String amount, long firstBlock) {
    }

    /**
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public void write(Path file) {
        TruthFiles.write(file, this);
    }

    /**
     * @throws CordonException with {@link ErrorCode#DATA} when the file is not an Ethereum ground
     *                         truth of this version, {@link ErrorCode#IO} when it cannot be read
     */
    public static EthGroundTruth read(Path file) {
        EthGroundTruth t = TruthFiles.read(file, EthGroundTruth.class);
        if (!FORMAT.equals(t.format()) || t.version() != VERSION) {
            throw new CordonException(ErrorCode.DATA, file + " is not a " + FORMAT + " of version " + VERSION);
        }
        return t;
    }
}
