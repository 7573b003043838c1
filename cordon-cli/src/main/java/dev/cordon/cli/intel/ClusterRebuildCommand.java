package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.Chain;
import dev.cordon.core.Clock;
import dev.cordon.store.ChainStore;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cordon cluster rebuild}: forgets the saved Bitcoin clusters and clusters the whole chain
 * store again, with the labels the intel store holds now (labels imported after an address was
 * first clustered only guard merges after a rebuild).
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Recompute the Bitcoin multi-input (or, with --chain eth, the Ethereum deposit-address) clusters from the whole chain store, with the current labels.")
public final class ClusterRebuildCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Option(names = "--chain", defaultValue = "btc", paramLabel = "CHAIN", description = "btc or eth (default: ${DEFAULT-VALUE}).")
    String chain;

    @Override
    public void run() {
        Map<String, Object> summary;
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            summary = Chain.parse(chain) == Chain.ETHEREUM
                    ? EthereumClustering.catchUp(common.dataDir(), store, Clock.system(), true)
                    : BitcoinClustering.catchUp(common.dataDir(), store, Clock.system(), true);
        }
        if (common.json()) {
            Json.print(System.out, summary);
        } else {
            System.out.printf("clustered heights %s..%s: %,d %s, %,d merges (%,d refused), %,d addresses in %,d clusters%n",
                    summary.get("from_height"), summary.get("to_height"), summary.getOrDefault("transactions", summary.get("transfers")),
                    summary.containsKey("transactions") ? "transactions" : "transfers", summary.get("merges"),
                    summary.get("refused_merges"), summary.get("addresses"), summary.get("clusters"));
        }
    }
}
