package dev.cordon.cli.chain;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthTxInfo;
import dev.cordon.store.TxInfo;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cordon tx TXID}: a transaction with its inputs resolved and its outputs' spenders. */
@Command(name = "tx", mixinStandardHelpOptions = true,
        description = "Show a transaction: inputs with the address and value they spend, outputs and who spent them.")
public final class TxCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TXID", description = "Transaction id, 64 hex digits as explorers show it (0x optional); Bitcoin is tried first, then Ethereum.")
    String txid;

    @Override
    public Integer call() {
        TxId id = TxId.parse(txid);
        try (ChainStore store = ChainStores.openExisting(common.dataDir())) {
            Optional<TxInfo> found = store.tx(id);
            if (found.isEmpty()) {
                return ethereum(store, id);
            }
            TxInfo tx = found.get();
            if (common.json()) {
                Json.print(System.out, ChainViews.json(tx));
            } else {
                ChainViews.print(System.out, tx);
            }
        }
        return 0;
    }

    private int ethereum(ChainStore store, TxId id) {
        EthTxInfo tx = store.ethereum().tx(id).orElseThrow(() ->
                new CordonException(ErrorCode.NOT_FOUND, "transaction " + id.hex() + " is not in the store"));
        if (common.json()) {
            Json.print(System.out, EthViews.json(tx));
        } else {
            EthViews.print(System.out, tx);
        }
        return 0;
    }
}
