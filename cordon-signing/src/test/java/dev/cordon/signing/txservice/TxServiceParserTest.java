package dev.cordon.signing.txservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeVersion;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TxServiceParserTest {
    static final String BYBIT = """
            {"safe": "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4",
             "to": "0x96221423681A6d52E184D440a8eFCEbB105C7242", "value": "0",
             "data": "0xa9059cbb000000000000000000000000bdd077f651ebe7f7b3ce16fe5f2b025be29695160000000000000000000000000000000000000000000000000000000000000000",
             "operation": 1, "gasToken": "0x0000000000000000000000000000000000000000", "safeTxGas": 45746,
             "baseGas": 0, "gasPrice": "0", "refundReceiver": "0x0000000000000000000000000000000000000000",
             "nonce": 71, "safeTxHash": "0xb3476d061aeb8fc1d605a873c483a2402d88a68a9cdd1a8b47655dd55ba004f8",
             "isExecuted": true, "confirmations": []}
            """;
    final TxServiceParser parser = new TxServiceParser("tx.json", BigInteger.ONE, SafeVersion.V1_1_1);

    @Test
    void parseOne_bybitObject_hashesToItsClaimedHash() {
        ProposedTransaction p = parser.parseOne(BYBIT);
        assertThat(SafeHasher.hash(p.tx()).signedHash()).isEqualTo(p.claimedSafeTxHash().orElseThrow());
        assertThat(p.executed()).isTrue();
    }

    @Test
    void parseOne_missingField_namesIt() {
        for (String field : List.of("safe", "to", "value", "data", "operation", "safeTxGas", "baseGas", "gasPrice",
                "gasToken", "refundReceiver", "nonce")) {
            ObjectNode o = (ObjectNode) tree(BYBIT);
            o.remove(field);
            assertThatThrownBy(() -> parser.parseOne(o.toString())).as(field)
                    .isInstanceOf(DecodeException.class).hasMessageContaining(field + ": missing");
        }
    }

    @Test
    void parseOne_badValues_failNamingTheField() {
        assertThatThrownBy(() -> parser.parseOne(BYBIT.replace("0x96221423681A6d52E184D440a8eFCEbB105C7242",
                "0x96221423681a6d52E184D440a8eFCEbB105C7242"))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("to").hasMessageContaining("checksum");
        assertThatThrownBy(() -> parser.parseOne(BYBIT.replace("\"data\": \"0xa9059cbb", "\"data\": \"0xa9059cb")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("data").hasMessageContaining("odd");
        assertThatThrownBy(() -> parser.parseOne(BYBIT.replace("\"data\": \"0xa9", "\"data\": \"0xz9")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("not a hex digit");
        assertThatThrownBy(() -> parser.parseOne(BYBIT.replace("\"nonce\": 71", "\"nonce\": -1")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> parser.parseOne(BYBIT.replace("\"operation\": 1", "\"operation\": 2")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("operation");
        assertThatThrownBy(() -> parser.parseOne(BYBIT.substring(0, 200))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void version_unknown_isRefused() {
        assertThatThrownBy(() -> SafeVersion.parse("1.6.0")).isInstanceOf(CordonException.class)
                .hasMessageContaining("unknown Safe version '1.6.0'");
        assertThat(SafeVersion.parse("1.3.0+L2")).isEqualTo(SafeVersion.V1_3_0);
        assertThat(SafeVersion.parse("v1.4.1")).isEqualTo(SafeVersion.V1_4_1);
    }

    @Test
    void parseList_resultsPage_skipsNonMultisigEntries() {
        String page = "{\"count\":2,\"results\":[" + BYBIT + ",{\"txType\":\"ETHEREUM_TRANSACTION\"}]}";
        assertThat(parser.parseList(page)).hasSize(1);
    }

    @Test
    void parseOne_mutatedJson_onlyThrowsCordonExceptions() {
        long seed = System.nanoTime();
        System.out.println("TxServiceParserTest fuzz seed " + seed);
        Random rnd = new Random(seed);
        String alphabet = "0123456789abcdefxX\"{}[]:,-. nul";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder(BYBIT);
            for (int e = 0; e < 1 + rnd.nextInt(3); e++) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 1 -> sb.deleteCharAt(at);
                    default -> sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            try {
                parser.parseOne(sb.toString());
            } catch (CordonException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
