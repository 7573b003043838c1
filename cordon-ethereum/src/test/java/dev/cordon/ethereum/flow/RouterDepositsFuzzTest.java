package dev.cordon.ethereum.flow;

import static dev.cordon.ethereum.flow.FlowFixtures.MAPPER;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.block;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.log;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.receipt;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.topic;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.tx;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.DecodeException;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.flow.internal.RouterDeposits;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of router {@code Deposit} decoding: the ABI data of valid deposits with
 * words replaced by edge values, hex digits changed, words cut or added, and topics dropped or
 * added, must decode (a deposit, possibly with an empty memo and a note, or no deposit) or throw
 * {@link DecodeException}, never anything else; an unmutated deposit must decode exactly. The seed
 * is printed; set {@code -Dcordon.fuzz.seed=N} to replay a run.
 */
class RouterDepositsFuzzTest {
    private static final int ITERATIONS = 5000;
    private static final String[] WORDS = {word(0), word(1), word(31), word(32), word(64), word(96), word(1025),
        word(Integer.MAX_VALUE), word(1L << 31), "f".repeat(64), "8" + "0".repeat(63)};

    private final BlockFlowDecoder decoder = new BlockFlowDecoder();

    @Test
    void decode_mutatedDepositsThrowOnlyDecodeException() {
        long seed = Long.getLong("cordon.fuzz.seed", System.nanoTime());
        System.out.println("RouterDepositsFuzzTest seed " + seed);
        Random rnd = new Random(seed);
        int kept = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String memo = memo(rnd);
            BigInteger amount = new BigInteger(1 + rnd.nextInt(256), rnd);
            String data = RouterDepositsTest.data(amount, memo.getBytes(StandardCharsets.UTF_8));
            int topics = 3;
            int mutations = rnd.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                if (rnd.nextInt(6) == 0) {
                    topics = rnd.nextInt(5);
                } else {
                    data = mutate(data, rnd);
                }
            }
            ObjectNode block = block(9, null);
            tx(block, RouterDepositsTest.SENDER, RouterDepositsTest.ROUTER, "0x0");
            ObjectNode r = receipt(RouterDepositsTest.TX, "0x1", "0x0");
            String[] t = new String[Math.max(1, topics)];
            t[0] = RouterDeposits.DEPOSIT;
            for (int k = 1; k < t.length; k++) {
                t[k] = topic(k == 2 ? RouterDepositsTest.ZERO : RouterDepositsTest.VAULT);
            }
            log((ArrayNode) r.get("logs"), RouterDepositsTest.ROUTER, data, t);
            try {
                EthBlockFlows f = decoder.decode(block, MAPPER.createArrayNode().add(r), TraceDialect.NONE, null);
                for (BridgeDeposit d : f.deposits()) {
                    assertThat(d.memo().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RouterDeposits.MAX_MEMO_BYTES);
                    assertThat(d.amount().signum()).isGreaterThanOrEqualTo(0);
                }
                if (mutations == 0) {
                    assertThat(f.deposits()).extracting(BridgeDeposit::memo, BridgeDeposit::amount)
                            .as("seed %d iteration %d", seed, i).containsExactly(org.assertj.core.groups.Tuple.tuple(memo, amount));
                }
                kept += f.deposits().size();
            } catch (DecodeException expected) {
                // the documented failure
            } catch (Throwable e) {
                fail("seed " + seed + " iteration " + i + ": " + e + " escaped for data " + data, e);
            }
        }
        System.out.println("RouterDepositsFuzzTest " + ITERATIONS + " inputs, " + kept + " deposits decoded");
    }

    private static String memo(Random rnd) {
        StringBuilder sb = new StringBuilder("SWAP:BTC.BTC:bc1q");
        int n = rnd.nextInt(120);
        for (int i = 0; i < n; i++) {
            sb.append(rnd.nextInt(10) == 0 ? (char) (0x400 + rnd.nextInt(64)) : (char) ('a' + rnd.nextInt(26)));
        }
        return sb.toString();
    }

    private static String mutate(String data, Random rnd) {
        int words = (data.length() - 2) / 64;
        switch (words == 0 ? 3 : rnd.nextInt(4)) {
            case 0 -> {
                int w = rnd.nextInt(words);
                return data.substring(0, 2 + 64 * w) + WORDS[rnd.nextInt(WORDS.length)] + data.substring(2 + 64 * (w + 1));
            }
            case 1 -> {
                int at = 2 + rnd.nextInt(data.length() - 2);
                return data.substring(0, at) + Character.forDigit(rnd.nextInt(16), 16) + data.substring(at + 1);
            }
            case 2 -> {
                return data.substring(0, 2 + 64 * rnd.nextInt(words + 1));
            }
            default -> {
                return data + WORDS[rnd.nextInt(WORDS.length)];
            }
        }
    }
}
