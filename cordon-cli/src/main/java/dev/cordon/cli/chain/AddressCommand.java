package dev.cordon.cli.chain;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.ExitCodes;
import dev.cordon.cli.Json;
import dev.cordon.cli.intel.AddressIntel;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.AddressSummary;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthAddressInfo;
import dev.cordon.store.HistoryEntry;
import dev.cordon.store.HistoryOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cordon address ADDRESS}: balance, totals, first and last seen, latest transactions, and,
 * when {@code <data>/intel} exists, labels, actor, cluster and the cluster's labels. Exit code 1
 * when the address or its cluster carries an open label of high or severe risk.
 */
@Command(name = "address", mixinStandardHelpOptions = true,
        description = "Show an address: balance, received, sent, transactions, first/last seen, labels and cluster "
                + "(exit 1 when it or its cluster carries a high or severe risk label).")
public final class AddressCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ADDRESS", description = "A Bitcoin address (base58 or bech32/bech32m) or an Ethereum 0x address (EIP-55 checksum verified when mixed-case).")
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
            if (a.chain() == Chain.ETHEREUM) {
                return ethereum(store, a);
            }
            AddressSummary s = store.address(a).orElseThrow(() ->
                    new CordonException(ErrorCode.NOT_FOUND, "address " + a.value() + " has no transactions in the store"));
            List<HistoryEntry> latest = store.history(a, limit, HistoryOrder.NEWEST_FIRST);
            Optional<AddressIntel> intel = AddressIntel.lookup(common.dataDir(), a, Clock.system().now());
            if (common.json()) {
                Map<String, Object> m = ChainViews.json(s, latest);
                intel.ifPresent(i -> m.put("intel", i.json()));
                Json.print(System.out, m);
            } else {
                ChainViews.print(System.out, s, latest);
                intel.ifPresent(i -> i.print(System.out));
            }
            return intel.filter(AddressIntel::isFinding).isPresent() ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    private int ethereum(ChainStore store, Address a) {
        EthAddressInfo info = store.ethereum().address(a, limit).orElseThrow(() ->
                new CordonException(ErrorCode.NOT_FOUND, "address " + EthViews.addr(a) + " has no transfers in the store"));
        if (common.json()) {
            Json.print(System.out, EthViews.json(info));
        } else {
            EthViews.print(System.out, info);
        }
        return ExitCodes.OK;
    }
}
