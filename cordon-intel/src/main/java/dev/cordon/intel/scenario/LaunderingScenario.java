package dev.cordon.intel.scenario;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.scenario.GroundTruth.Deposit;
import dev.cordon.intel.scenario.GroundTruth.LabelRow;
import dev.cordon.intel.scenario.GroundTruth.StolenOutput;
import dev.cordon.intel.scenario.World.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a laundering scenario as Bitcoin Core block files with its ground truth.
 *
 * <p>Layout of the output folder: {@code blk00000.dat ...} (mainnet magic; read them with
 * {@link dev.cordon.bitcoin.BlkFileReader}), {@code truth.json} ({@link GroundTruth}) and
 * {@code labels.csv} ({@code address,entity,category} with a header line, the format
 * {@code cordon trace --labels} reads). Blocks are 10 minutes apart from 2024-01-01T00:00Z.
 *
 * <p>Timeline: {@code warmupBlocks} blocks in which coinbases fund the victim's hot wallet,
 * the exchanges' hot wallets and a miner who pays users; then the theft; then
 * {@code launderingDays} days of laundering beside background activity. The same config gives
 * the same bytes. Running time and memory O(transactions).
 */
public final class LaunderingScenario {
    /** 2024-01-01T00:00:00Z. */
    public static final long START_TIME = 1_704_067_200L;

    private LaunderingScenario() {
    }

    /** What was written. */
    public record Scenario(Path dir, List<Path> blockFiles, Path truthFile, Path labelsFile, GroundTruth truth) {
        public Scenario {
            blockFiles = List.copyOf(blockFiles);
        }
    }

    /**
     * Writes a scenario into {@code dir} (created if missing; files of the same names replaced).
     *
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public static Scenario generate(Path dir, ScenarioConfig cfg) {
        Random rnd = new Random(cfg.seed());
        Launderer launderer;
        World w;
        FifoOracle oracle;
        try (Ledger ledger = new Ledger(dir, rnd, START_TIME)) {
            w = new World(ledger, rnd, cfg);
            oracle = new FifoOracle(w::isEndpoint);
            ledger.oracle(oracle);
            launderer = new Launderer(w);
            run(w, launderer, oracle);
        }
        GroundTruth truth = truth(w, launderer, oracle).withThorchain(launderer.thorchain.swaps());
        Path truthFile = dir.resolve("truth.json");
        truth.write(truthFile);
        Path labels = dir.resolve("labels.csv");
        writeLabels(labels, truth.labels());
        return new Scenario(dir, w.ledger.files(), truthFile, labels, truth);
    }

    private static void run(World w, Launderer launderer, FifoOracle oracle) {
        ScenarioConfig cfg = w.cfg;
        Background bg = new Background(w);
        int victimBlocks = (int) (cfg.stolenSats() / Ledger.SUBSIDY) + 2;
        int exchangeBlocks = 2 * cfg.exchanges();
        int end = cfg.warmupBlocks() + cfg.launderingBlocks();
        for (int h = 0; h < end; h++) {
            if (h == cfg.warmupBlocks()) {
                launderer.theft(oracle);
            }
            launderer.runDue(h);
            if (!w.minerCoins.isEmpty() && (h < cfg.warmupBlocks() || h % 6 == 0)) {
                bg.distribute(25);
            }
            bg.block();
            int payee;
            if (h < victimBlocks) {
                payee = w.victim.hot;
            } else if (h < victimBlocks + exchangeBlocks) {
                payee = w.exchanges.get((h - victimBlocks) % cfg.exchanges()).hot;
            } else {
                payee = w.miner;
            }
            Coin cb = w.ledger.mine(payee);
            coinbaseTo(w, payee).add(cb);
        }
    }

    private static List<Coin> coinbaseTo(World w, int payee) {
        if (payee == w.victim.hot) {
            return w.victim.hotCoins;
        }
        for (Exchange e : w.exchanges) {
            if (e.hot == payee) {
                return e.hotCoins;
            }
        }
        return w.minerCoins;
    }

    private static GroundTruth truth(World w, Launderer l, FifoOracle oracle) {
        List<StolenOutput> stolen = new ArrayList<>();
        long stolenValue = 0;
        for (Coin c : l.stolen) {
            stolen.add(new StolenOutput(c.outpoint(), w.ledger.address(c.address), c.value));
            stolenValue += c.value;
        }
        List<Deposit> deposits = new ArrayList<>();
        long atEndpoints = 0;
        for (Map.Entry<Integer, long[]> e : oracle.endpoints().entrySet()) {
            World.Label label = w.labels.get(e.getKey());
            deposits.add(new Deposit(w.ledger.address(e.getKey()), label.entity(), label.category().code(),
                    e.getValue()[0], (int) e.getValue()[1], l.laundererDeposits.contains(e.getKey())));
            atEndpoints += e.getValue()[0];
        }
        deposits.sort((a, b) -> a.address().compareTo(b.address()));
        if (atEndpoints + oracle.held() + oracle.fees() != stolenValue || oracle.seeded() != stolenValue) {
            throw new IllegalStateException("ground truth does not balance");
        }
        List<LabelRow> labels = new ArrayList<>();
        w.labels.forEach((a, lab) -> labels.add(new LabelRow(w.ledger.address(a), lab.entity(), lab.category().code())));
        GroundTruth.Theft theft = new GroundTruth.Theft(l.theftTxid, l.theftHeight, w.ledger.time(l.theftHeight),
                stolenValue, stolen);
        return new GroundTruth("cordon-scenario-truth", GroundTruth.VERSION, w.cfg.seed(), "mainnet",
                w.ledger.height(), w.ledger.txCount(), w.ledger.tipHex(), theft,
                new GroundTruth.Fifo(atEndpoints, oracle.held(), oracle.fees(), deposits), labels);
    }

    /**
     * Writes {@code address,entity,category} rows with a header line, the format
     * {@code cordon trace --labels} reads.
     *
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public static void writeLabels(Path file, List<LabelRow> rows) {
        StringBuilder sb = new StringBuilder("address,entity,category\n");
        for (LabelRow r : rows) {
            sb.append(r.address()).append(',').append(r.entity()).append(',').append(r.category()).append('\n');
        }
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
