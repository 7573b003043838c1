package dev.cordon.ethereum.flow.internal;

import dev.cordon.core.Address;
import dev.cordon.core.account.BridgeDeposit;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.web3j.crypto.Hash;

/**
 * THORChain router deposits: {@code Deposit(address indexed to, address indexed asset, uint256
 * amount, string memo)}, emitted by the router on every inbound (THORChain's
 * {@code THORChain_Router.sol}; {@code to} is the vault, {@code asset} the zero address for
 * ether). The data is ABI-encoded (Solidity ABI specification, "Formal Specification of the
 * Encoding"): the amount word, the memo's byte offset word, then at that offset the memo's byte
 * length and its UTF-8 bytes padded to a whole word.
 *
 * <p>Logs are chosen by arbitrary contracts: an event with this topic but another layout (other
 * topic count, data not whole words) is not a router deposit and is ignored; one with the right
 * layout whose memo is not decodable (offset or length out of range, longer than
 * {@link #MAX_MEMO_BYTES}, not UTF-8) is kept with an empty memo and a note naming the
 * transaction and log, never an exception.
 */
public final class RouterDeposits {
    /** keccak256 of the event signature. */
    public static final String DEPOSIT = "0x" + HexFormat.of().formatHex(
            Hash.sha3("Deposit(address,address,uint256,string)".getBytes(StandardCharsets.US_ASCII)));
    /** Longest memo kept, in bytes; THORChain memos are far shorter. */
    public static final int MAX_MEMO_BYTES = 1024;

    private RouterDeposits() {
    }

    /** Whether topic0 is the router's {@code Deposit}. */
    public static boolean matches(String topic0) {
        return DEPOSIT.equalsIgnoreCase(topic0);
    }

    /**
     * Decodes one log with 3 topics whose topic0 {@link #matches}; emits nothing for another
     * data layout.
     *
     * @param to       topic 1, already checked to be 0x + 64 hex digits
     * @param asset20  topic 2, likewise
     * @param data     the log's data, already checked to be 0x + an even number of hex digits
     * @param logIndex the log's index in the block
     */
    public static void decode(Address router, String to, String asset20, String data, int logIndex, Emitter em,
                              Ctx ctx) {
        int words = (data.length() - 2) / 64;
        if ((data.length() - 2) % 64 != 0 || words < 3) {
            return;
        }
        Address vault = Json.topicAddress(to, ctx);
        Address asset = Json.topicAddress(asset20, ctx);
        if (vault == null || asset == null) {
            return;
        }
        BigInteger amount = new BigInteger(data.substring(2, 66), 16);
        String memo = memo(data, words);
        if (memo == null) {
            em.note(ctx.where() + " log " + logIndex + ": router deposit memo is not an ABI string of at most "
                    + MAX_MEMO_BYTES + " UTF-8 bytes; kept with an empty memo");
            memo = "";
        }
        em.deposit(new BridgeDeposit(em.tx(), em.txIndex(), logIndex, router, vault, asset, amount, memo));
    }

    /** The memo string of the data, or null when it is malformed. */
    static String memo(String data, int words) {
        long offset = word(data, 1);
        if (offset < 0 || offset % 32 != 0 || offset / 32 >= words) {
            return null;
        }
        int at = (int) (offset / 32);
        long length = word(data, at);
        if (length < 0 || length > MAX_MEMO_BYTES || at + 1 + (length + 31) / 32 > words) {
            return null;
        }
        int start = 2 + (at + 1) * 64;
        byte[] bytes = HexFormat.of().parseHex(data, start, start + 2 * (int) length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The word as a non-negative number below 2^31, or -1 when larger. */
    private static long word(String data, int index) {
        int start = 2 + index * 64;
        long v = 0;
        for (int i = start; i < start + 64; i++) {
            v = (v << 4) | Json.hexDigit(data.charAt(i));
            if (v > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return v;
    }
}
