package dev.cordon.intel.scenario.eth;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.intel.scenario.GroundTruth.LabelRow;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Endpoint;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Result;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Tx;
import dev.cordon.intel.scenario.eth.EthGroundTruth.AssetTruth;
import dev.cordon.intel.scenario.eth.EthGroundTruth.EndpointTruth;
import dev.cordon.intel.scenario.eth.EthWorld.Label;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates an Ethereum laundering scenario on a node that speaks Anvil's methods, with its
 * ground truth.
 *
 * <p>The generator turns automine off and impersonates every account, so no keys are needed:
 * users and hot wallets get ether with {@code anvil_setBalance}, thief addresses only through
 * transfers. It deploys {@code ScenarioContracts.sol} (a token, a constant-product pool, a
 * fixed-denomination mixer, a THORChain-style router), runs {@code warmupBlocks} blocks of
 * background activity ({@link EthBackground}), the theft, then {@code launderingDays} days of
 * laundering ({@link EthLaunderer}) beside more background; exchanges sweep their deposit
 * addresses every 8 blocks. Setup and warm-up blocks are 12 seconds apart, the blocks after the
 * theft {@code 86400 / blocksPerDay} seconds. The same config on a fresh node gives the same
 * transactions and the same truth. Running time O(transactions), a few seconds for
 * {@link EthScenarioConfig#small}.
 *
 * <p>Written into the folder: {@code truth.json} ({@link EthGroundTruth}) and {@code labels.csv}
 * ({@code address,entity,category}, the format {@code cordon trace --labels} reads). The FIFO
 * figures come from {@link EthFifoOracle}, fed with the flows the generator sent and each
 * receipt's fee, never from cordon's store.
 */
public final class EthLaunderingScenario {
    /** The fee recipient of every generated block. */
    public static final Address COINBASE = EthAddresses.parse("0x00000000000000000000000000000000000c0b1e");
    private static final int SWEEP_EVERY = 8;

    private EthLaunderingScenario() {
    }

    /**
     * What was generated.
     *
     * @param transactions every transaction mined, in chain order, with the flows it made
     * @param laundering   hashes of the thief's transactions after the theft
     */
    public record Scenario(Path dir, Path truthFile, Path labelsFile, EthGroundTruth truth, List<Tx> transactions,
                           Set<String> laundering) {
        public Scenario {
            transactions = List.copyOf(transactions);
            laundering = Set.copyOf(laundering);
        }
    }

    /**
     * Generates a scenario on the node behind {@code rpc} (which must be fresh: no other sender)
     * and writes the truth and labels into {@code dir} (created if missing).
     *
     * @throws CordonException with {@link ErrorCode#REMOTE} when the node refuses a method or a
     *                         transaction fails, {@link ErrorCode#IO} when writing fails
     */
    public static Scenario generate(JsonRpcClient rpc, Path dir, EthScenarioConfig cfg) {
        Random rnd = new Random(cfg.seed());
        AnvilChain chain = new AnvilChain(rpc, COINBASE);
        long first = chain.tip() + 1;
        EthWorld w = new EthWorld(cfg, rnd, chain);
        w.setup();
        EthLaunderer launderer = new EthLaunderer(w);
        EthBackground bg = new EthBackground(w);
        int steps = cfg.warmupBlocks() + cfg.launderingBlocks();
        for (int step = 0; step < steps; step++) {
            launderer.runDue(step);
            if (step == cfg.warmupBlocks()) {
                launderer.theft();
            }
            bg.block();
            if (step % SWEEP_EVERY == SWEEP_EVERY - 1) {
                bg.sweep();
            }
            w.endBlock(step < cfg.warmupBlocks() ? 12 : cfg.blockSeconds());
        }
        List<Tx> txs = chain.mined();
        EthFifoOracle oracle = new EthFifoOracle(w::isEndpoint, Set.copyOf(launderer.theftTxs));
        txs.forEach(oracle::apply);
        EthGroundTruth truth = truth(w, launderer, oracle, chain.chainId(), first, chain.tip(), txs.size());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot create " + dir + ": " + e.getMessage(), e);
        }
        Path truthFile = dir.resolve("truth.json");
        truth.write(truthFile);
        Path labels = dir.resolve("labels.csv");
        LaunderingScenario.writeLabels(labels, truth.labels());
        return new Scenario(dir, truthFile, labels, truth, txs, laundering(txs, launderer));
    }

    private static Set<String> laundering(List<Tx> txs, EthLaunderer l) {
        List<String> out = new ArrayList<>();
        for (Tx t : txs) {
            if (l.thief.contains(t.sender()) && !l.theftTxs.contains(t.hash())) {
                out.add(t.hash());
            }
        }
        return Set.copyOf(out);
    }

    private static EthGroundTruth truth(EthWorld w, EthLaunderer l, EthFifoOracle oracle, long chainId, long first,
                                        long last, long count) {
        List<AssetTruth> assets = new ArrayList<>();
        List<EthGroundTruth.Stolen> stolen = new ArrayList<>();
        for (Asset asset : oracle.stolenAssets()) {
            Result r = oracle.result(asset);
            List<EndpointTruth> eps = new ArrayList<>();
            for (Endpoint e : r.endpoints()) {
                Label lab = w.labels.get(e.address());
                eps.add(new EndpointTruth(e.address().value(), lab.entity(), lab.category(), e.amount().toString(),
                        e.firstBlock()));
            }
            String name = assetName(asset);
            AssetTruth a = new AssetTruth(name, r.stolen().toString(), r.endpointValue().toString(), r.held().toString(),
                    r.fees().toString(), eps);
            if (!a.balances()) {
                throw new IllegalStateException("ground truth of " + name + " does not balance: " + a);
            }
            assets.add(a);
            stolen.add(new EthGroundTruth.Stolen(name, r.stolen().toString()));
        }
        List<LabelRow> labels = new ArrayList<>();
        for (Map.Entry<Address, Label> e : w.labels.entrySet()) {
            labels.add(new LabelRow(e.getKey().value(), e.getValue().entity(), e.getValue().category()));
        }
        long theftBlock = oracle.theftBlock();
        return new EthGroundTruth(EthGroundTruth.FORMAT, EthGroundTruth.VERSION, chainId, w.cfg.seed(),
                new EthGroundTruth.Range(first, last), count,
                new EthGroundTruth.Theft(l.theftTxs, theftBlock, stolen), assets, labels);
    }

    /** {@code ETH}, or the token contract's address. */
    public static String assetName(Asset asset) {
        return asset.contract().map(Address::value).orElse("ETH");
    }
}
