package dev.cordon.cli.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeVerifyCommandTest {
    static final String SAFE = "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4";
    static final String DATA = "0xa9059cbb000000000000000000000000bdd077f651ebe7f7b3ce16fe5f2b025be2969516"
            + "0000000000000000000000000000000000000000000000000000000000000000";

    record Run(int code, String out) {
    }

    static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void verify_bybitFields_blockedWithExit1AndHashes() {
        Run r = run("safe", "verify", "--safe", SAFE, "--chain-id", "1", "--safe-version", "1.1.1",
                "--to", "0x96221423681A6d52E184D440a8eFCEbB105C7242", "--data", DATA, "--operation", "1",
                "--safe-tx-gas", "45746", "--nonce", "71");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Verdict: BLOCK").contains("Domain hash")
                .contains("0xb3476d061aeb8fc1d605a873c483a2402d88a68a9cdd1a8b47655dd55ba004f8");
    }

    @Test
    void verify_plainTransferJson_allowedWithExit0() {
        Run r = run("safe", "verify", "--json", "--safe", SAFE, "--chain-id", "1", "--safe-version", "1.3.0",
                "--to", "0xf89d7b9c864f589bbF53a82105107622B35EaA40", "--value", "1000", "--nonce", "3");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("\"verdict\" : \"allow\"").contains("\"safeTxHash\"");
    }

    @Test
    void verify_badChecksum_isUsageExit2() {
        Run r = run("safe", "verify", "--safe", SAFE.replace("Db9", "db9"), "--chain-id", "1", "--safe-version", "1.1.1",
                "--to", SAFE, "--nonce", "1");
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    void verify_txJsonWithMissingField_isDataExit3_andClaimedHashChecked(@TempDir Path dir) throws Exception {
        String json = "{\"safe\":\"" + SAFE + "\",\"to\":\"0x96221423681A6d52E184D440a8eFCEbB105C7242\",\"value\":\"0\","
                + "\"data\":\"" + DATA + "\",\"operation\":1,\"gasToken\":\"0x0000000000000000000000000000000000000000\","
                + "\"safeTxGas\":45746,\"baseGas\":0,\"gasPrice\":\"0\","
                + "\"refundReceiver\":\"0x0000000000000000000000000000000000000000\",\"nonce\":71,"
                + "\"safeTxHash\":\"0x" + "11".repeat(32) + "\"}";
        Path f = Files.writeString(dir.resolve("tx.json"), json);
        Run r = run("safe", "verify", "--json", "--tx-json", f.toString(), "--chain-id", "1", "--safe-version", "1.1.1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("context_mismatch").contains("proposer claims safeTxHash");
        Path missing = Files.writeString(dir.resolve("m.json"), json.replace("\"nonce\":71,", ""));
        assertThat(run("safe", "verify", "--tx-json", missing.toString(), "--chain-id", "1", "--safe-version", "1.1.1")
                .code()).isEqualTo(3);
        assertThat(run("safe", "verify", "--tx-json", f.toString(), "--chain-id", "1", "--safe-version", "9.9.9")
                .code()).isEqualTo(2);
    }
}
