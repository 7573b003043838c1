package dev.cordon.cli.chain;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.BlockInfo;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthBlockInfo;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cordon block HEIGHT|HASH}. */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Show a block by height or hash.")
public final class BlockCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "HEIGHT|HASH", description = "Block height, or block hash (64 hex digits, 0x optional; Bitcoin first, then Ethereum).")
    String block;

    @Option(names = "--chain", defaultValue = "btc", paramLabel = "CHAIN",
            description = "Chain for a height: btc or eth (default: ${DEFAULT-VALUE}).")
    String chain;

    @Override
    public Integer call() {
        Chain c = Chain.parse(chain);
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            Optional<BlockInfo> found;
            String text = block.trim();
            Optional<EthBlockInfo> eth = ethereum(store, c, text);
            if (eth.isPresent()) {
                if (common.json()) {
                    Json.print(System.out, EthViews.json(eth.get()));
                } else {
                    EthViews.print(System.out, eth.get());
                }
                return 0;
            }
            if (text.matches("\\d{1,12}")) {
                found = store.block(c, Long.parseLong(text));
            } else {
                found = store.block(BlockHash.parse(text));
            }
            BlockInfo b = found.orElseThrow(() ->
                    new CordonException(ErrorCode.NOT_FOUND, "block " + text + " is not in the store"));
            if (common.json()) {
                Json.print(System.out, ChainViews.json(b));
            } else {
                ChainViews.print(System.out, b);
            }
        }
        return 0;
    }

    /** The Ethereum block named: by height with {@code --chain eth}, by hash when Bitcoin has no such block. */
    private static Optional<EthBlockInfo> ethereum(ChainStore store, Chain c, String text) {
        if (text.matches("\\d{1,12}")) {
            if (c != Chain.ETHEREUM) {
                return Optional.empty();
            }
            return Optional.of(store.ethereum().block(Long.parseLong(text)).orElseThrow(() ->
                    new CordonException(ErrorCode.NOT_FOUND, "Ethereum block " + text + " is not in the store")));
        }
        BlockHash hash = BlockHash.parse(text);
        return store.block(hash).isPresent() ? Optional.empty() : store.ethereum().block(hash);
    }
}
