package dev.cordon.cli.chain;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.ExitCodes;
import dev.cordon.cli.Json;
import dev.cordon.cli.intel.AddressIntel;
import dev.cordon.cli.trace.ExposureUpkeep;
import dev.cordon.cli.trace.ExposureViews;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.exposure.Exposure;
import dev.cordon.intel.exposure.ExposureIndex;
import dev.cordon.store.AddressSummary;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthAddressInfo;
import dev.cordon.store.HistoryEntry;
import dev.cordon.store.HistoryOrder;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cordon address ADDRESS}: balance, totals, first and last seen, latest transactions, a
 * Bitcoin address's exposure to risk categories (read from the index ingest maintains), and,
 * when {@code <data>/intel} exists, labels, actor, cluster and the cluster's labels. An address
 * without chain activity is still shown when labels or a cluster name it (screening a
 * counterparty needs no chain data). Exit code 1 when the address or its cluster carries an open
 * label of high or severe risk.
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
        Optional<AddressIntel> intel = AddressIntel.lookup(common.dataDir(), a, Clock.system().now());
        boolean known = intel.filter(i -> !i.labels().isEmpty() || i.cluster().isPresent()).isPresent();
        Map<String, Object> json;
        if (Files.isDirectory(ChainStores.location(common.dataDir()))) {
            try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
                json = a.chain() == Chain.ETHEREUM ? ethereum(store, a, known) : bitcoin(store, a, known);
            }
        } else if (known) {
            json = noActivity(a, "no chain data in " + common.dataDir());
        } else {
            throw new CordonException(ErrorCode.NOT_FOUND, "no chain data in " + common.dataDir()
                    + " and no labels for " + a.value() + " (run 'cordon ingest' or 'cordon intel update' first, or pass --data)");
        }
        if (common.json()) {
            intel.ifPresent(i -> json.put("intel", i.json()));
            Json.print(System.out, json);
        } else {
            intel.ifPresent(i -> i.print(System.out));
        }
        return intel.filter(AddressIntel::isFinding).isPresent() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Prints the address's Bitcoin activity and returns it as JSON. */
    private Map<String, Object> bitcoin(ChainStore store, Address a, boolean known) {
        Optional<AddressSummary> s = store.address(a);
        if (s.isEmpty()) {
            return absent(a, known, "address " + a.value() + " has no transactions in the store");
        }
        List<HistoryEntry> latest = store.history(a, limit, HistoryOrder.NEWEST_FIRST);
        if (!common.json()) {
            ChainViews.print(System.out, s.get(), latest);
        }
        Map<String, Object> json = ChainViews.json(s.get(), latest);
        exposure(store, a, json);
        return json;
    }

    /**
     * Adds the address's exposure from the maintained index (a read: nothing is extended here);
     * prints it unless {@code --json}.
     */
    private void exposure(ChainStore store, Address a, Map<String, Object> json) {
        Optional<ExposureUpkeep.Read> read = ExposureUpkeep.read(common.dataDir(), store);
        if (read.isEmpty()) {
            json.put("exposure", null);
            json.put("exposure_note", "no exposure index: run 'cordon ingest bitcoin' without --no-exposure, or 'cordon exposure'");
            if (!common.json()) {
                System.out.println("exposure: not maintained (" + json.get("exposure_note") + ")");
            }
            return;
        }
        ExposureIndex index = read.get().index();
        Exposure e = index.of(store.addressId(a).orElse(-1));
        Map<String, Object> x = ExposureViews.json(e, index);
        x.put("current", read.get().current());
        json.put("exposure", x);
        if (!common.json()) {
            System.out.println();
            ExposureViews.print(System.out, "exposure within " + index.hops() + " hops, " + read.get().asOf() + ":", a.value(), e);
        }
    }

    /** Prints the address's Ethereum activity and returns it as JSON. */
    private Map<String, Object> ethereum(ChainStore store, Address a, boolean known) {
        Optional<EthAddressInfo> info = store.ethereum().address(a, limit);
        if (info.isEmpty()) {
            return absent(a, known, "address " + EthViews.addr(a) + " has no transfers in the store");
        }
        if (!common.json()) {
            EthViews.print(System.out, info.get());
        }
        Map<String, Object> json = EthViews.json(info.get());
        Optional<List<Object>> exposure = dev.cordon.cli.trace.EthExposureRun.maintained(a, common.dataDir(), store,
                common.json() ? null : System.out);
        json.put("exposure", exposure.orElse(null));
        if (exposure.isEmpty()) {
            json.put("exposure_note", "no exposure index for these labels: run 'cordon ingest ethereum' without "
                    + "--no-exposure, or 'cordon exposure'");
            if (!common.json()) {
                System.out.println("exposure: not maintained (" + json.get("exposure_note") + ")");
            }
        }
        return json;
    }

    /** No activity: an error unless labels or a cluster say something about the address. */
    private Map<String, Object> absent(Address a, boolean known, String why) {
        if (!known) {
            throw new CordonException(ErrorCode.NOT_FOUND, why);
        }
        return noActivity(a, why);
    }

    private Map<String, Object> noActivity(Address a, String why) {
        if (!common.json()) {
            System.out.println("address: " + (a.chain() == Chain.ETHEREUM ? EthViews.addr(a) : a.value()));
            System.out.println("activity: none known (" + why + ")");
        }
        Map<String, Object> m = Json.object();
        m.put("chain", a.chain().code());
        m.put("address", a.value());
        m.put("activity", null);
        m.put("activity_note", why);
        return m;
    }
}
