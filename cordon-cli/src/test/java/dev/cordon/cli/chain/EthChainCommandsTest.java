package dev.cordon.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.cli.CliRun;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.ContractCreation;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.store.ChainStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cordon address/tx/block} on Ethereum content of the store. */
class EthChainCommandsTest {
    /** Tether's USDT contract and the Bybit cold wallet, in their EIP-55 forms. */
    private static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
    private static final String BYBIT = "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4";
    private static final String TX = "0x" + "ab".repeat(32);
    private static final Address USDT_A = EthAddresses.parse(USDT);
    private static final Address BYBIT_A = EthAddresses.parse(BYBIT);
    private static final Address OTHER = EthAddresses.parse("0x" + "1".repeat(40));
    private static final Address NEW = EthAddresses.parse("0x" + "2".repeat(40));

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void store() {
        data = tmp.resolve("data");
        TxId tx = TxId.parse(TX);
        Asset usdt = Asset.token(USDT_A, "ERC20", 0);
        List<Transfer> ts = List.of(
                new Transfer(Chain.ETHEREUM, tx, 21_895_238, 3, 0, TransferKind.NATIVE, BYBIT_A, OTHER,
                        Amount.of(Chain.ETHEREUM.nativeAsset(), 1_000_000_000_000_000_000L), Optional.empty()),
                new Transfer(Chain.ETHEREUM, tx, 21_895_238, 3, 1, TransferKind.ERC20, BYBIT_A, OTHER,
                        Amount.of(usdt, 250_000_000), Optional.empty()),
                new Transfer(Chain.ETHEREUM, tx, 21_895_238, 3, 2, TransferKind.INTERNAL, OTHER, NEW,
                        Amount.of(Chain.ETHEREUM.nativeAsset(), 5), Optional.empty()));
        try (ChainStore s = ChainStores.openOrCreate(data)) {
            s.ethereum().applyBlock(new EthBlockFlows(21_895_238, BlockHash.parse("cd".repeat(32)), BlockHash.parse("ef".repeat(32)),
                    Instant.ofEpochSecond(1_740_000_000L), OTHER, 4, ts, List.of(new ContractCreation(tx, 3, OTHER, NEW)),
                    List.of()));
        }
    }

    @Test
    void address_checksummed_showsBalancesPerAsset() throws IOException {
        CliRun r = CliRun.of("address", BYBIT, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("address").asText()).isEqualTo(BYBIT);
        assertThat(j.at("/assets/0/sent/units").asText()).isEqualTo("1000000000000000000");
        assertThat(j.at("/assets/0/balance/value").asText()).isEqualTo("-1");
        assertThat(j.at("/assets/1/asset").asText()).isEqualTo("ERC20 " + USDT);
        assertThat(j.at("/assets/1/sent/units").asText()).isEqualTo("250000000");
        assertThat(j.at("/latest_transfers/0/kind").asText()).isEqualTo("erc20");
        assertThat(j.get("first_seen_height").asLong()).isEqualTo(21_895_238);
    }

    @Test
    void address_wrongChecksum_usageError() {
        CliRun r = CliRun.of("address", "0x1db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4", "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("EIP-55 checksum mismatch");
    }

    @Test
    void tx_ethereum_listsInternalTransferAndCreation() throws IOException {
        CliRun r = CliRun.of("tx", TX, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/transfers/2/kind").asText()).isEqualTo("internal");
        assertThat(j.at("/transfers/2/to").asText()).isEqualTo(EthAddresses.checksummed(NEW));
        assertThat(j.at("/contracts_created/0/contract").asText()).isEqualTo(EthAddresses.checksummed(NEW));
        assertThat(j.get("index").asInt()).isEqualTo(3);
    }

    @Test
    void block_chainEthHeight_showsMinerAndCounts() throws IOException {
        CliRun r = CliRun.of("block", "21895238", "--chain", "eth", "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("hash").asText()).isEqualTo("0x" + "cd".repeat(32));
        assertThat(j.get("transfer_count").asInt()).isEqualTo(3);
        assertThat(CliRun.of("block", "0x" + "cd".repeat(32), "--data", data.toString()).out()).contains("21895238");
    }
}
