package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Chain;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.cluster.ChainClusters;
import dev.cordon.intel.exposure.Exposure;
import dev.cordon.intel.exposure.ExposureIndex;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.store.ChainStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Exposure as the CLI shows it (one row per risk category reached: direct, indirect, share), and
 * the member sets exposure is summed over: an address's multi-input cluster and the addresses
 * labelled with one entity.
 */
public final class ExposureViews {
    private ExposureViews() {
    }

    /** The exposure of the addresses together (exact sums), by their chain store ids. */
    public static Exposure of(ExposureIndex index, ChainStore store, Iterable<Address> members) {
        List<Integer> ids = new ArrayList<>();
        for (Address a : members) {
            OptionalInt id = store.addressId(a);
            id.ifPresent(ids::add);
        }
        return index.sum(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Every member of the Bitcoin cluster of {@code a} in {@code <data>/intel}; just {@code a}
     * when clustering has not seen it (or there is no label store).
     */
    public static List<Address> clusterMembers(Path dataDir, Address a) {
        List<Address> out = new ArrayList<>();
        if (Files.isDirectory(dataDir.resolve(IntelStore.FOLDER))) {
            try (IntelStore intel = IntelStore.open(dataDir)) {
                ChainClusters state = intel.clusters().load(Chain.BITCOIN);
                OptionalInt id = state.ids().find(a);
                if (id.isPresent()) {
                    state.clusters().forEachMember(id.getAsInt(), Integer.MAX_VALUE,
                            m -> state.ids().address(m).ifPresent(out::add));
                }
            }
        }
        return out.isEmpty() ? List.of(a) : out;
    }

    /**
     * The Bitcoin addresses whose open label names the entity: its actor id, or its name,
     * compared without case.
     */
    public static Set<Address> entityMembers(Path dataDir, String entity) {
        return entityMembers(dataDir, entity, Chain.BITCOIN);
    }

    /** The addresses of {@code chain} whose open label names the entity (or its actor), ignoring case. */
    public static Set<Address> entityMembers(Path dataDir, String entity, Chain chain) {
        Set<Address> out = new LinkedHashSet<>();
        if (!Files.isDirectory(dataDir.resolve(IntelStore.FOLDER))) {
            return out;
        }
        try (IntelStore intel = IntelStore.open(dataDir)) {
            intel.labels().forEachLabel(l -> {
                if (l.isOpen() && l.subject() instanceof LabelSubject.OfAddress s && s.chain() == chain
                        && (l.name().equalsIgnoreCase(entity) || l.actor().filter(entity::equalsIgnoreCase).isPresent())) {
                    out.add(s.address());
                }
            });
        }
        return out;
    }

    /** The categories reached, each with direct, indirect (BTC) and share. */
    public static List<Map<String, Object>> categories(Exposure e) {
        List<Map<String, Object>> cats = new ArrayList<>();
        for (RiskCategory c : RiskCategory.values()) {
            if (e.total(c) == 0) {
                continue;
            }
            Map<String, Object> x = Json.object();
            x.put("category", c.code());
            x.put("direct", Amount.sats(e.direct(c)).toPlainString());
            x.put("indirect", Amount.sats(e.indirect(c)).toPlainString());
            x.put("share", e.share(c));
            cats.add(x);
        }
        return cats;
    }

    /** JSON of one exposure: received, hop cap, as of which block, categories. */
    public static Map<String, Object> json(Exposure e, ExposureIndex index) {
        Map<String, Object> m = Json.object();
        m.put("received", Amount.sats(e.received()).toPlainString());
        m.put("hops", e.hops());
        m.put("asOfHeight", index.heightCursor());
        m.put("categories", categories(e));
        return m;
    }

    /** Table rows {@code subject, received, category, direct, indirect, share} for one exposure. */
    public static void rows(List<List<String>> t, String subject, Exposure e) {
        String received = Amount.sats(e.received()).toPlainString();
        List<Map<String, Object>> cats = categories(e);
        if (cats.isEmpty()) {
            t.add(List.of(subject, received, "-", "0", "0", "0%"));
        }
        for (Map<String, Object> c : cats) {
            t.add(List.of(subject, received, (String) c.get("category"), (String) c.get("direct"), (String) c.get("indirect"),
                    String.format(Locale.ROOT, "%.4f%%", 100 * (double) c.get("share"))));
        }
    }

    /** A titled table of one exposure, as {@code cordon address} and {@code cordon cluster} print it. */
    public static void print(PrintStream out, String title, String subject, Exposure e) {
        out.println(title);
        List<List<String>> t = Terminal.rows("  SUBJECT", "RECEIVED BTC", "CATEGORY", "DIRECT BTC", "INDIRECT BTC", "SHARE");
        rows(t, "  " + subject, e);
        Terminal.table(out, t);
    }
}
