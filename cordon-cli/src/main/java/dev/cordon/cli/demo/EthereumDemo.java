package dev.cordon.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cordon.cli.Json;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.cli.chain.EthViews;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.ethereum.flow.BlockFlowDecoder;
import dev.cordon.ethereum.flow.TraceDialect;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthAddressInfo;
import dev.cordon.store.EthTxInfo;
import dev.cordon.store.EthereumStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes two real mainnet blocks of June 2016 (1,755,634 and 1,755,635, as a node answered
 * {@code eth_getBlockByNumber} and {@code eth_getTransactionReceipt}) into value flows, stores them
 * in a chain store of its own in the demo folder, and shows a token transfer of The DAO's
 * token, a plain ETH payment and the fees paid to the miner, read back from the store.
 */
public final class EthereumDemo implements DemoSection {
    static final String DIR = "/dev/cordon/cli/demo/ethereum/";
    static final String[] BLOCKS = {"0x1ac9f2", "0x1ac9f3"};
    static final String TOKEN_TRANSFER = "2e3dcd051a91d3a694f6b8de2ac4b5fe7acdba55f58bcf8471ff00d4a430074d";
    static final String PAYMENT = "9a5437ec71b74ecf5930b406908ac6999966d38a86d1534b7190ece7599095eb";
    static final String MINER = "0xa027231f42c80ca4125b5cb962a21cd4f812e88f";

    @Override
    public String key() {
        return "ethereum";
    }

    @Override
    public String title() {
        return "Ethereum: two mainnet blocks of June 2016 decoded into value flows (transfers, tokens, fees)";
    }

    @Override
    public void run(DemoContext ctx) {
        BlockFlowDecoder decoder = new BlockFlowDecoder();
        try (ChainStore store = ChainStores.openOrCreate(ctx.workDir())) {
            EthereumStore eth = store.ethereum();
            for (String number : BLOCKS) {
                JsonNode block = result("web3_response.eth_getBlockByNumber_" + number + "_true.json");
                eth.applyBlock(decoder.decode(block, receipts(block), TraceDialect.NONE, null));
            }
            ctx.out().printf("stored blocks %,d-%,d: %d transfers in %s%n", 1_755_634, 1_755_635,
                    eth.transferCount(), ChainStores.location(ctx.workDir()));
            ctx.report().put("transfers", eth.transferCount());
            show(ctx, eth, TOKEN_TRANSFER, "-- A transfer of The DAO token (ERC-20 Transfer log; amounts in base units, the log carries no decimals), with its fee");
            show(ctx, eth, PAYMENT, "-- A plain ETH payment and its fee");
            EthAddressInfo miner = eth.address(new Address(Chain.ETHEREUM, MINER), 5)
                    .orElseThrow(() -> missing("the miner " + MINER));
            ctx.out().println();
            ctx.out().println("-- The miner, paid the fees (before London, the whole fee went to the miner)");
            EthViews.print(ctx.out(), miner);
            ctx.report().put("miner", EthViews.json(miner));
        }
        ctx.out().println();
        ctx.out().println("Explore it yourself:");
        ctx.out().println("  ./cordon tx " + TOKEN_TRANSFER + " --data " + ctx.workDir());
        ctx.out().println("  ./cordon block 1755635 --chain eth --data " + ctx.workDir() + " --json");
    }

    private static void show(DemoContext ctx, EthereumStore eth, String txid, String heading) {
        EthTxInfo tx = eth.tx(TxId.parse(txid)).orElseThrow(() -> missing("transaction " + txid));
        ctx.out().println();
        ctx.out().println(heading);
        EthViews.print(ctx.out(), tx);
        ctx.report().put(txid, EthViews.json(tx));
    }

    private static JsonNode receipts(JsonNode block) {
        ArrayNode receipts = Json.mapper().createArrayNode();
        for (JsonNode tx : block.get("transactions")) {
            receipts.add(result("web3_response.eth_getTransactionReceipt_" + tx.get("hash").asText() + ".json"));
        }
        return receipts;
    }

    private static JsonNode result(String file) {
        try (InputStream in = EthereumDemo.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new CordonException(ErrorCode.IO, "demo data missing from the jar: " + DIR + file);
            }
            return Json.mapper().readTree(in).get("result");
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read demo data " + file + ": " + e.getMessage(), e);
        }
    }

    private static CordonException missing(String what) {
        return new CordonException(ErrorCode.DATA, "demo store lacks " + what + " after ingest");
    }
}
