package dev.cordon.cli.demo;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.cli.Terminal;
import dev.cordon.cli.chain.BitcoinIngest;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.cli.chain.ChainViews;
import dev.cordon.cli.intel.AddressIntel;
import dev.cordon.cli.intel.BitcoinClustering;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.store.AddressSummary;
import dev.cordon.store.BlockInfo;
import dev.cordon.store.ChainStore;
import dev.cordon.store.TxInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingests the bundled first 439 mainnet blocks (Bitcoin Core's own blk file format) into a fresh
 * store and shows the genesis block, the first coin transfer between people (block 170, Satoshi
 * to Hal Finney) and the richest addresses of the time.
 */
public final class BitcoinDemo implements DemoSection {
    static final String BLOCKS = "/dev/cordon/cli/demo/bitcoin/first-100k-blocks.dat";
    static final String SATOSHI = "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S";
    static final String FIRST_TRANSFER = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

    @Override
    public String key() {
        return "bitcoin";
    }

    @Override
    public String title() {
        return "Bitcoin: the first 439 mainnet blocks, ingested from Bitcoin Core's blk file format";
    }

    @Override
    public void run(DemoContext ctx) {
        Path blk = copyBlocks(ctx.workDir());
        PrintStream out = ctx.out();
        try (ChainStore store = ChainStores.openOrCreate(ctx.workDir())) {
            BitcoinIngest ingest = new BitcoinIngest(store, 1000, BitcoinNetwork.MAINNET);
            long t0 = ctx.clock().millis();
            new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(blk, ingest::accept);
            ingest.finish();
            Map<String, Object> summary = ingest.summary(ctx.clock().millis() - t0);
            out.printf("ingested %s blocks, %s transactions into %s%n", summary.get("blocks_applied"),
                    summary.get("transactions"), ChainStores.location(ctx.workDir()));
            ctx.report().put("ingest", summary);
            genesis(store, ctx);
            firstTransfer(store, ctx);
            richest(store, ctx);
            cluster(store, ctx);
        }
        out.println();
        out.println("Explore it yourself:");
        out.println("  ./cordon address 12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S --data " + ctx.workDir());
        out.println("  ./cordon tx " + FIRST_TRANSFER + " --data " + ctx.workDir() + " --json");
        out.println("  ./cordon cluster " + SATOSHI + " --data " + ctx.workDir());
    }

    /** Clusters the store (as every ingest does) and shows the entity of Satoshi's block-9 address. */
    private static void cluster(ChainStore store, DemoContext ctx) {
        Map<String, Object> c = BitcoinClustering.catchUp(ctx.workDir(), store, ctx.clock(), false);
        ctx.out().println();
        ctx.out().printf("-- Multi-input clustering: %s transactions, %s with several inputs, %s addresses in %s clusters%n",
                c.get("transactions"), c.get("multi_input_transactions"), c.get("addresses"), c.get("clusters"));
        AddressIntel intel = AddressIntel.lookup(ctx.workDir(), BitcoinAddresses.parse(SATOSHI), ctx.clock().now())
                .orElseThrow(() -> missing("the intel store after clustering"));
        int size = intel.cluster().map(v -> v.size()).orElse(0);
        ctx.out().println("cluster of " + SATOSHI + " (paid Hal in block 170): " + size + " address(es)"
                + (((Number) c.get("multi_input_transactions")).longValue() == 0 ? "; no transaction in these blocks spends"
                + " coins of two addresses together, so every early address is an entity of its own" : ""));
        c.put("satoshi_cluster_size", size);
        ctx.report().put("clustering", c);
    }

    private static void genesis(ChainStore store, DemoContext ctx) {
        BlockInfo g = store.block(Chain.BITCOIN, 0).orElseThrow(() -> missing("the genesis block"));
        ctx.out().println();
        ctx.out().println("-- The genesis block (3 January 2009)");
        ChainViews.print(ctx.out(), g);
        ctx.report().put("genesis", ChainViews.json(g));
    }

    private static void firstTransfer(ChainStore store, DemoContext ctx) {
        TxInfo tx = store.tx(TxId.parse(FIRST_TRANSFER)).orElseThrow(() -> missing("transaction " + FIRST_TRANSFER));
        ctx.out().println();
        ctx.out().println("-- The first transfer between people: Satoshi pays Hal Finney 10 BTC in block 170");
        ChainViews.print(ctx.out(), tx);
        ctx.report().put("first_transfer", ChainViews.json(tx));
    }

    private static void richest(ChainStore store, DemoContext ctx) {
        List<AddressSummary> top = store.richest(Chain.BITCOIN, 5);
        ctx.out().println();
        ctx.out().println("-- The richest addresses after block " + store.checkpoint(Chain.BITCOIN).orElseThrow().height());
        List<List<String>> rows = Terminal.rows("address", "balance", "txs", "first seen");
        List<Object> json = new ArrayList<>();
        for (AddressSummary s : top) {
            rows.add(List.of(s.address().value(), s.balance().toString(), Long.toString(s.txCount()),
                    "block " + s.firstSeenHeight()));
            json.add(Map.of("address", s.address().value(), "balance", ChainViews.json(s.balance()),
                    "tx_count", s.txCount()));
        }
        Terminal.table(ctx.out(), rows);
        ctx.report().put("richest", json);
    }

    private static Path copyBlocks(Path dir) {
        Path target = dir.resolve("blk00000.dat");
        try (InputStream in = BitcoinDemo.class.getResourceAsStream(BLOCKS)) {
            if (in == null) {
                throw new CordonException(ErrorCode.IO, "demo blocks missing from the jar: " + BLOCKS);
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static CordonException missing(String what) {
        return new CordonException(ErrorCode.DATA, "demo store lacks " + what + " after ingest");
    }
}
