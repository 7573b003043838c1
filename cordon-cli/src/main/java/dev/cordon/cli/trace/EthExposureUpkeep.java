package dev.cordon.cli.trace;

import dev.cordon.core.Chain;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.account.AccountExposure;
import dev.cordon.intel.account.AccountExposureFile;
import dev.cordon.intel.account.AccountGraph;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.store.ChainStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the Ethereum exposure index of {@code <data>/graph/eth.exposure} current: loaded when it
 * fits the hop cap, the risk labels and the store, otherwise rebuilt; extended over the account
 * graph in chain order and saved when it moved. {@code cordon ingest ethereum} calls it after
 * each run, so a lookup only applies what arrived since.
 */
public final class EthExposureUpkeep {
    /** The hop cap of the maintained index. */
    public static final int DEFAULT_HOPS = 3;

    private EthExposureUpkeep() {
    }

    /** The index file. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("graph").resolve("eth.exposure");
    }

    /**
     * The maintained index brought up to the store's tip.
     *
     * @return the index and how many flows this call applied
     */
    public static Result current(Path dataDir, ChainStore store, int hops) {
        AccountGraph g = AccountTraceRun.graph(dataDir, store);
        RiskLabels risk = risk(dataDir, store);
        Path file = file(dataDir);
        AccountExposure e = AccountExposureFile.load(file, risk, hops, store.ethereum())
                .filter(x -> x.cursor() <= g.flowCount())
                .orElseGet(() -> new AccountExposure(risk, hops));
        int applied = e.extend(g);
        if (applied > 0 || !Files.isRegularFile(file)) {
            AccountExposureFile.save(e, risk, g, file);
        }
        return new Result(e, g, risk, applied);
    }

    /** The open Ethereum risk labels of the label store, or none. */
    static RiskLabels risk(Path dataDir, ChainStore store) {
        if (!Files.isDirectory(dataDir.resolve(IntelStore.FOLDER))) {
            return RiskLabels.none(Chain.ETHEREUM);
        }
        try (IntelStore intel = IntelStore.open(dataDir)) {
            return RiskLabels.of(Chain.ETHEREUM, intel.labels(), store);
        }
    }

    /** An index, the graph it covers, the labels it used, and the flows the call applied. */
    public record Result(AccountExposure exposure, AccountGraph graph, RiskLabels risk, int applied) {
    }
}
