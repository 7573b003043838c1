package dev.cordon.cli.chain;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.AddressSummary;
import dev.cordon.store.ChainStore;
import dev.cordon.store.HistoryEntry;
import dev.cordon.store.HistoryOrder;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cordon address ADDRESS}: balance, totals, first and last seen, latest transactions. */
@Command(name = "address", mixinStandardHelpOptions = true,
        description = "Show an address: balance, received, sent, transaction count, first/last seen, latest transactions.")
public final class AddressCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ADDRESS", description = "A Bitcoin address (base58 or bech32/bech32m; checksum verified).")
    String address;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
            description = "How many of the latest transactions to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new CordonException(ErrorCode.USAGE, "--limit must be >= 0, got " + limit);
        }
        Address a = Addresses.parse(address);
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            AddressSummary s = store.address(a).orElseThrow(() ->
                    new CordonException(ErrorCode.NOT_FOUND, "address " + a.value() + " has no transactions in the store"));
            List<HistoryEntry> latest = store.history(a, limit, HistoryOrder.NEWEST_FIRST);
            if (common.json()) {
                Json.print(System.out, ChainViews.json(s, latest));
            } else {
                ChainViews.print(System.out, s, latest);
            }
        }
        return 0;
    }
}
