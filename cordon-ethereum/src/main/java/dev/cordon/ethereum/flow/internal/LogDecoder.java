package dev.cordon.ethereum.flow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.Chain;
import dev.cordon.core.TransferKind;
import java.math.BigInteger;

/**
 * Token movements from a successful transaction's event logs, in log order.
 *
 * <p>Recognised shapes (anything else, including events with these names but other layouts, is
 * not a standard token transfer and is ignored; log contents are chosen by arbitrary contracts and
 * must never fail a block):
 * <ul>
 *   <li>ERC-20 {@code Transfer(address indexed, address indexed, uint256)}: 3 topics, 32 data bytes;</li>
 *   <li>ERC-721 {@code Transfer(address indexed, address indexed, uint256 indexed)}: 4 topics, no data;</li>
 *   <li>ERC-1155 {@code TransferSingle(operator, from, to, id, value)} and
 *       {@code TransferBatch(operator, from, to, ids[], values[])}: 4 topics, ABI-encoded data;</li>
 *   <li>WETH9 {@code Deposit(address indexed, uint256)} as WRAP (contract to depositor) and
 *       {@code Withdrawal(address indexed, uint256)} as UNWRAP (holder to contract), only at the
 *       wrapped-ether contract.</li>
 * </ul>
 * THORChain router {@code Deposit} events are not token movements; they are decoded by
 * {@link RouterDeposits} into the block's bridge deposits.
 * Topic hashes are keccak256 of the event signatures (EIP-20, EIP-721, EIP-1155).
 */
public final class LogDecoder {
    public static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    public static final String TRANSFER_SINGLE = "0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62";
    public static final String TRANSFER_BATCH = "0x4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb";
    public static final String DEPOSIT = "0xe1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c";
    public static final String WITHDRAWAL = "0x7fcf532c15f0a6db0bd6d0e038bea71d30d808c7d98cb3bf7268a95bf5081b65";
    /** WETH9 on Ethereum mainnet. */
    public static final Address WETH9 = new Address(Chain.ETHEREUM, "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");

    /** Most ids one TransferBatch may carry before it is treated as malformed. */
    private static final int MAX_BATCH = 4096;

    private final Address wrappedNative;

    /** @param wrappedNative the wrapped-ether contract whose Deposit/Withdrawal events are wraps */
    public LogDecoder(Address wrappedNative) {
        this.wrappedNative = wrappedNative;
    }

    /** Decodes the receipt's {@code logs} array into the emitter's current transaction. */
    public void decode(JsonNode logs, Emitter em, Ctx ctx) {
        for (int i = 0, n = logs.size(); i < n; i++) {
            JsonNode log = logs.get(i);
            if (!log.isObject()) {
                throw ctx.fail("log " + i + " is " + Json.describe(log) + ", expected an object");
            }
            JsonNode removed = log.get("removed");
            if (removed != null && removed.asBoolean(false)) {
                throw ctx.fail("receipt holds removed log " + i + " (the block was reorganised while fetching)");
            }
            JsonNode topics = Json.array(log, "topics", ctx);
            String data = Json.text(log, "data", ctx);
            checkData(data, ctx);
            int logIndex = em.nextLogIndex();
            if (topics.size() == 0) {
                continue;
            }
            Address contract = Json.address(log, "address", ctx);
            decodeOne(contract, topics, data, logIndex, em, ctx);
        }
    }

    private void decodeOne(Address contract, JsonNode topics, String data, int logIndex, Emitter em, Ctx ctx) {
        String t0 = topic(topics, 0, ctx);
        int nt = topics.size();
        if (TRANSFER.equalsIgnoreCase(t0)) {
            if (nt == 3 && data.length() == 66) {
                Address from = Json.topicAddress(topic(topics, 1, ctx), ctx);
                Address to = Json.topicAddress(topic(topics, 2, ctx), ctx);
                if (from != null && to != null) {
                    em.token(TransferKind.ERC20, TokenAssets.erc20(contract), from, to, word(data, 0), null);
                }
            } else if (nt == 4 && data.length() == 2) {
                Address from = Json.topicAddress(topic(topics, 1, ctx), ctx);
                Address to = Json.topicAddress(topic(topics, 2, ctx), ctx);
                if (from != null && to != null) {
                    BigInteger id = new BigInteger(topic(topics, 3, ctx).substring(2), 16);
                    em.token(TransferKind.ERC721, TokenAssets.erc721(contract), from, to, BigInteger.ONE, id);
                }
            }
        } else if (TRANSFER_SINGLE.equalsIgnoreCase(t0)) {
            if (nt == 4 && data.length() == 2 + 128) {
                Address from = Json.topicAddress(topic(topics, 2, ctx), ctx);
                Address to = Json.topicAddress(topic(topics, 3, ctx), ctx);
                if (from != null && to != null) {
                    em.token(TransferKind.ERC1155, TokenAssets.erc1155(contract), from, to, word(data, 1), word(data, 0));
                }
            }
        } else if (TRANSFER_BATCH.equalsIgnoreCase(t0)) {
            if (nt == 4) {
                batch(contract, topics, data, em, ctx);
            }
        } else if (RouterDeposits.matches(t0)) {
            if (nt == 3) {
                RouterDeposits.decode(contract, topic(topics, 1, ctx), topic(topics, 2, ctx), data, logIndex, em, ctx);
            }
        } else if (contract.equals(wrappedNative) && nt == 2 && data.length() == 66) {
            boolean deposit = DEPOSIT.equalsIgnoreCase(t0);
            if (deposit || WITHDRAWAL.equalsIgnoreCase(t0)) {
                Address holder = Json.topicAddress(topic(topics, 1, ctx), ctx);
                if (holder != null) {
                    Asset weth = TokenAssets.erc20(contract);
                    em.token(deposit ? TransferKind.WRAP : TransferKind.UNWRAP, weth,
                            deposit ? contract : holder, deposit ? holder : contract, word(data, 0), null);
                }
            }
        }
    }

    private static void batch(Address contract, JsonNode topics, String data, Emitter em, Ctx ctx) {
        Address from = Json.topicAddress(topic(topics, 2, ctx), ctx);
        Address to = Json.topicAddress(topic(topics, 3, ctx), ctx);
        int words = (data.length() - 2) / 64;
        if (from == null || to == null || (data.length() - 2) % 64 != 0 || words < 4) {
            return;
        }
        int idsAt = offsetWord(data, 0, words);
        int valuesAt = offsetWord(data, 1, words);
        if (idsAt < 0 || valuesAt < 0) {
            return;
        }
        int n = smallWord(data, idsAt, MAX_BATCH);
        int m = smallWord(data, valuesAt, MAX_BATCH);
        if (n < 0 || n != m || idsAt + n >= words || valuesAt + n >= words) {
            return;
        }
        Asset asset = TokenAssets.erc1155(contract);
        for (int k = 0; k < n; k++) {
            em.token(TransferKind.ERC1155, asset, from, to, word(data, valuesAt + 1 + k), word(data, idsAt + 1 + k));
        }
    }

    /** A byte offset word as a word index inside the data, or -1 if unaligned or out of range. */
    private static int offsetWord(String data, int index, int words) {
        int bytes = smallWord(data, index, words * 32);
        if (bytes < 0 || bytes % 32 != 0 || bytes / 32 >= words) {
            return -1;
        }
        return bytes / 32;
    }

    /** A word that must be at most {@code max}, or -1. */
    private static int smallWord(String data, int index, int max) {
        int start = 2 + index * 64;
        long v = 0;
        for (int i = start; i < start + 64; i++) {
            int d = Json.hexDigit(data.charAt(i));
            v = (v << 4) | d;
            if (v > max) {
                return -1;
            }
        }
        return (int) v;
    }

    private static BigInteger word(String data, int index) {
        int start = 2 + index * 64;
        return new BigInteger(data.substring(start, start + 64), 16);
    }

    private static String topic(JsonNode topics, int i, Ctx ctx) {
        JsonNode t = topics.get(i);
        if (t == null || !t.isTextual() || t.textValue().length() != 66 || !t.textValue().startsWith("0x")) {
            throw ctx.fail("log topic " + i + " is not 0x + 64 hex digits");
        }
        String s = t.textValue();
        for (int k = 2; k < 66; k++) {
            if (Json.hexDigit(s.charAt(k)) < 0) {
                throw ctx.fail("log topic " + i + " has a non-hex digit: '" + s + "'");
            }
        }
        return s;
    }

    private static void checkData(String data, Ctx ctx) {
        if (data.length() < 2 || data.charAt(0) != '0' || data.charAt(1) != 'x' || (data.length() & 1) != 0) {
            throw ctx.fail("log data is not 0x + an even number of hex digits: '" + Json.abbreviate(data) + "'");
        }
        for (int k = 2, n = data.length(); k < n; k++) {
            if (Json.hexDigit(data.charAt(k)) < 0) {
                throw ctx.fail("log data has a non-hex digit at " + k);
            }
        }
    }
}
