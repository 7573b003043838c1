package dev.cordon.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.signing.testing.AnvilNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;

/**
 * Sends transactions from Anvil's first unlocked account (each one mined in its own block) and
 * reads back what the node says about them, to state the transfers cordon must find. Expected
 * fees come from the node's own receipts and blocks: {@code gasUsed × baseFeePerGas} burnt, the
 * rest of {@code gasUsed × effectiveGasPrice} to the coinbase.
 */
final class AnvilTxs {
    static final String ZERO = "0x" + "0".repeat(40);
    /** Block fee recipient, set with {@code anvil_setCoinbase} so tips are not confused with the burn. */
    static final String COINBASE = "0x00000000000000000000000000000000000c0b1e";
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    private final JsonRpcClient rpc;
    final String sender;

    AnvilTxs(AnvilNode node) {
        this.rpc = node.rpc().client();
        this.sender = rpc.call("eth_accounts").get(0).asText();
        rpc.call("anvil_setCoinbase", COINBASE);
    }

    JsonRpcClient rpc() {
        return rpc;
    }

    /** A mined transaction: its hash, receipt and block. */
    record Sent(String hash, JsonNode receipt, JsonNode block) {
        long height() {
            return Long.decode(block.get("number").asText());
        }

        boolean success() {
            return "0x1".equals(receipt.get("status").asText());
        }

        String contract() {
            return receipt.get("contractAddress").asText();
        }

        /** The fee lines: burn then tip, each "kind from to wei", zero ones left out. */
        List<String> fees() {
            BigInteger gas = quantity(receipt.get("gasUsed"));
            BigInteger base = quantity(block.get("baseFeePerGas"));
            BigInteger price = quantity(receipt.get("effectiveGasPrice"));
            String from = receipt.get("from").asText();
            List<String> out = new ArrayList<>();
            if (gas.multiply(base).signum() > 0) {
                out.add(line("fee_burn", from, ZERO, gas.multiply(base)));
            }
            if (gas.multiply(price.subtract(base)).signum() > 0) {
                out.add(line("fee_tip", from, COINBASE, gas.multiply(price.subtract(base))));
            }
            return out;
        }
    }

    static String line(String kind, String from, String to, BigInteger units) {
        return kind + " " + from.toLowerCase() + " " + to.toLowerCase() + " " + units;
    }

    static BigInteger quantity(JsonNode n) {
        return new BigInteger(n.asText().substring(2), 16);
    }

    Sent deploy(byte[] code) {
        return send(null, code, BigInteger.ZERO, 0);
    }

    Sent call(String to, Function f, BigInteger value) {
        return send(to, Hex.decode(FunctionEncoder.encode(f).substring(2), "calldata"), value, 0);
    }

    /**
     * @param gas 0 lets the node estimate; a transaction meant to fail needs an explicit limit,
     *            since estimation refuses it
     */
    Sent send(String to, byte[] data, BigInteger value, long gas) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("from", sender);
        if (to != null) {
            tx.put("to", to);
        }
        tx.put("value", "0x" + value.toString(16));
        tx.put("data", "0x" + Hex.encode(data));
        tx.put("maxFeePerGas", "0x" + GWEI.multiply(BigInteger.valueOf(5)).toString(16));
        tx.put("maxPriorityFeePerGas", "0x" + GWEI.toString(16));
        if (gas > 0) {
            tx.put("gas", "0x" + Long.toHexString(gas));
        }
        String hash = rpc.call("eth_sendTransaction", tx).asText();
        JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
        for (int i = 0; i < 50 && receipt.isNull(); i++) {
            Thread.onSpinWait();
            receipt = rpc.call("eth_getTransactionReceipt", hash);
        }
        if (receipt.isNull()) {
            throw new AssertionError("no receipt for " + hash + ": " + rpc.call("eth_getTransactionByHash", hash));
        }
        JsonNode block = rpc.call("eth_getBlockByNumber", receipt.get("blockNumber").asText(), false);
        return new Sent(hash, receipt, block);
    }

    long tip() {
        return Long.decode(rpc.call("eth_blockNumber").asText());
    }

    String blockHash(long height) {
        return rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(height), false).get("hash").asText();
    }

    String snapshot() {
        return rpc.call("evm_snapshot").asText();
    }

    void revert(String snapshot) {
        if (!rpc.call("evm_revert", snapshot).asBoolean()) {
            throw new AssertionError("evm_revert " + snapshot + " refused");
        }
    }
}
