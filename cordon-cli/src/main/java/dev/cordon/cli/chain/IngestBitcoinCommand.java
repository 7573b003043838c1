package dev.cordon.cli.chain;

import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BitcoinRpcClient;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.bitcoin.BlockDecoder;
import dev.cordon.bitcoin.RawBlockFiles;
import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Progress;
import dev.cordon.cli.intel.BitcoinClustering;
import dev.cordon.cli.trace.ExposureUpkeep;
import dev.cordon.core.Chain;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.store.ChainStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cordon ingest bitcoin}: blocks from Bitcoin Core's {@code blk*.dat} files, single raw
 * blocks (binary or hex), or a node's JSON-RPC, into the store. Blocks may arrive in any order;
 * a block already present changes nothing; each block commits with the checkpoint, so an
 * interrupted run is resumed by running it again.
 */
@Command(name = "bitcoin", mixinStandardHelpOptions = true,
        description = "Ingest Bitcoin blocks from blk files, raw block files, or Bitcoin Core RPC.")
public final class IngestBitcoinCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--blocks", arity = "1..*", paramLabel = "PATH",
                description = "blk*.dat files, folders of them, or single raw blocks (binary or hex).")
        List<Path> blocks;

        @Option(names = "--rpc", paramLabel = "URL", description = "Bitcoin Core JSON-RPC endpoint, e.g. http://127.0.0.1:8332.")
        URI rpc;
    }

    @Option(names = "--rpc-cookie", paramLabel = "FILE", description = "Bitcoin Core's .cookie file for RPC auth.")
    Path cookie;

    @Option(names = "--rpc-user", paramLabel = "USER", description = "RPC user (with --rpc-password).")
    String user;

    @Option(names = "--rpc-password", paramLabel = "PASSWORD", description = "RPC password; never printed.")
    String password;

    @Option(names = "--from", paramLabel = "HEIGHT", description = "First height to fetch over RPC (default: after the checkpoint).")
    Long from;

    @Option(names = "--to", paramLabel = "HEIGHT", description = "Last height to fetch over RPC (default: the node's tip).")
    Long to;

    @Option(names = "--network", defaultValue = "mainnet", paramLabel = "NAME",
            description = "mainnet, testnet, signet or regtest (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--max-held", defaultValue = "20000", paramLabel = "N",
            description = "Most blocks held in memory while waiting for their parent (default: ${DEFAULT-VALUE}).")
    int maxHeld;

    @Option(names = "--no-cluster",
            description = "Do not update the multi-input clusters in <data>/intel now (a later ingest catches up).")
    boolean noCluster;

    @Option(names = "--no-exposure",
            description = "Do not maintain the exposure index in <data>/graph now (the next ingest or 'cordon exposure' catches up).")
    boolean noExposure;

    @Option(names = "--exposure-hops", defaultValue = "3", paramLabel = "N",
            description = "Hop cap of the maintained exposure index, 1..8; a change rebuilds it (default: ${DEFAULT-VALUE}).")
    int exposureHops;

    @Override
    public Integer call() {
        BitcoinNetwork net = BitcoinNetwork.parse(network);
        Clock clock = Clock.system();
        long t0 = clock.millis();
        ExposureUpkeep exposure = noExposure ? null : new ExposureUpkeep(common.dataDir(), exposureHops);
        try (ChainStore store = ChainStores.openOrCreate(common.dataDir())) {
            BitcoinIngest ingest = new BitcoinIngest(store, maxHeld, net);
            if (exposure != null) {
                ingest.maintainExposure(exposure);
            }
            try {
                if (source.blocks != null) {
                    fromFiles(ingest, source.blocks, clock);
                } else {
                    fromRpc(ingest, clock);
                }
            } catch (CordonException e) {
                String tip = store.checkpoint(Chain.BITCOIN).map(c -> "height " + c.height()).orElse("empty");
                throw new CordonException(e.code(), e.getMessage() + " (kept " + ingest.summary(clock.millis() - t0)
                        .get("blocks_applied") + " new blocks before it; store tip: " + tip + ")", e);
            }
            ingest.finish();
            Map<String, Object> summary = ingest.summary(clock.millis() - t0);
            if (!noCluster) {
                summary.put("clustering", BitcoinClustering.catchUp(common.dataDir(), store, clock, false));
            }
            if (exposure != null) {
                summary.put("exposure", exposure.summary());
            }
            print(summary);
        }
        return 0;
    }

    private void fromFiles(BitcoinIngest ingest, List<Path> paths, Clock clock) {
        long total = 0;
        for (Path p : paths) {
            total += sizeOf(p);
        }
        try (Progress progress = new Progress("ingest", "bytes", total, clock)) {
            for (Path p : paths) {
                if (Files.isDirectory(p) || isBlkFile(p, ingest.network())) {
                    new BlkFileReader(ingest.network()).forEachBlock(p, b -> {
                        ingest.accept(b);
                        progress.update(ingest.bytes());
                    });
                } else {
                    byte[] raw = RawBlockFiles.read(p);
                    ingest.accept(new BlockDecoder(ingest.network()).decode(raw, p.toString()));
                    progress.update(ingest.bytes());
                }
            }
        }
    }

    private void fromRpc(BitcoinIngest ingest, Clock clock) {
        BitcoinRpcClient.Builder b = BitcoinRpcClient.builder(source.rpc);
        if (cookie != null) {
            b.cookieFile(cookie);
        } else if (user != null || password != null) {
            if (user == null || password == null) {
                throw new CordonException(ErrorCode.USAGE, "--rpc-user and --rpc-password go together");
            }
            b.userPassword(user, password);
        }
        BitcoinRpcClient rpc = b.build();
        long first = from != null ? from : ingest.nextHeight();
        long last = to != null ? to : rpc.getBlockCount();
        if (first < 0 || last < first - 1) {
            throw new CordonException(ErrorCode.USAGE, "empty or negative height range " + first + ".." + last);
        }
        BlockDecoder decoder = new BlockDecoder(ingest.network());
        try (Progress progress = new Progress("ingest", "blocks", last - first + 1, clock)) {
            for (long h = first; h <= last; h++) {
                var hash = rpc.getBlockHash(h);
                UtxoBlock block = decoder.decode(rpc.getBlockRaw(hash), "block " + hash.hex() + " (height " + h + ")");
                if (!block.hash().equals(hash)) {
                    throw new CordonException(ErrorCode.REMOTE, "node returned block " + block.hash().hex()
                            + " when asked for " + hash.hex() + " at height " + h);
                }
                ingest.accept(block);
                progress.update(h - first + 1);
            }
        }
    }

    private void print(Map<String, Object> summary) {
        if (common.json()) {
            Json.print(System.out, summary);
            return;
        }
        System.out.printf("ingested %,d new blocks (%,d already present), %,d transactions in %.1f s (%,.0f tx/s)%n",
                summary.get("blocks_applied"), summary.get("blocks_already_present"), summary.get("transactions"),
                ((Number) summary.get("seconds")).doubleValue(), ((Number) summary.get("tx_per_second")).doubleValue());
        System.out.println("tip: height " + summary.get("tip_height") + "  " + summary.get("tip_hash"));
        if (summary.get("clustering") instanceof Map<?, ?> c) {
            System.out.printf("clustered heights %s..%s: %,d transactions, %,d merges, %,d addresses in %,d clusters in %.1f s (%,d tx/s)%n",
                    c.get("from_height"), c.get("to_height"), c.get("transactions"), c.get("merges"), c.get("addresses"),
                    c.get("clusters"), ((Number) c.get("seconds")).doubleValue(), c.get("tx_per_second"));
        }
        if (summary.get("exposure") instanceof Map<?, ?> x) {
            System.out.printf("exposure (%s hops) as of block %s: %,d value flows in %.2f CPU s (%,d flows/CPU s), %,d risk-labelled addresses%n",
                    x.get("hops"), x.get("to_height"), x.get("value_flows"), ((Number) x.get("cpu_seconds")).doubleValue(),
                    x.get("value_flows_per_cpu_s"), x.get("risk_labelled_addresses"));
        }
        Object waiting = summary.get("waiting_for_parent");
        if (waiting instanceof List<?> w && !w.isEmpty()) {
            System.out.println(w.size() + " block(s) wait for a parent not yet seen (ingest the files holding it):");
            w.stream().limit(5).forEach(x -> System.out.println("  " + x));
        }
    }

    private static boolean isBlkFile(Path p, BitcoinNetwork net) {
        if (p.getFileName().toString().matches("blk\\d+\\.dat")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] m = in.readNBytes(4);
            int magic = m.length == 4 ? (m[0] & 0xff) << 24 | (m[1] & 0xff) << 16 | (m[2] & 0xff) << 8 | (m[3] & 0xff) : 0;
            return magic == net.magic();
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path p) {
        try {
            if (Files.isDirectory(p)) {
                long n = 0;
                for (Path f : BlkFileReader.blkFiles(p)) {
                    n += Files.size(f);
                }
                return n;
            }
            return Files.size(p);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
