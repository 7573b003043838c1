package dev.cordon.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Typed Ethereum JSON-RPC calls over a {@link JsonRpcClient}. Each result is validated
 * ({@link Quantities}); a malformed one is a {@link CordonException} with REMOTE naming the method.
 */
public final class EthRpc {
    private final JsonRpcClient client;

    public EthRpc(JsonRpcClient client) {
        this.client = client;
    }

    public JsonRpcClient client() {
        return client;
    }

    /** {@code eth_chainId}. */
    public long chainId() {
        return quantity("eth_chainId", client.call("eth_chainId")).longValueExact();
    }

    /** {@code eth_blockNumber}. */
    public long blockNumber() {
        return quantity("eth_blockNumber", client.call("eth_blockNumber")).longValueExact();
    }

    /** {@code eth_getCode}: the runtime code (empty for an account without code). */
    public HexData getCode(Address address, BlockTag block) {
        return Quantities.data(client.call("eth_getCode", address.value(), block.value()), "eth_getCode result");
    }

    /** {@code eth_getStorageAt}: one 32-byte storage word. */
    public Bytes32 getStorageAt(Address address, BigInteger slot, BlockTag block) {
        JsonNode r = client.call("eth_getStorageAt", address.value(), Quantities.hex(slot), block.value());
        HexData d = Quantities.data(r, "eth_getStorageAt result");
        if (d.length() > 32) {
            throw new CordonException(ErrorCode.REMOTE, "the node's eth_getStorageAt result is longer than 32 bytes");
        }
        byte[] w = new byte[32];
        byte[] b = d.bytes();
        System.arraycopy(b, 0, w, 32 - b.length, b.length);
        return Bytes32.of(w);
    }

    /** {@code eth_call}: the return data; a revert is a {@link JsonRpcException}. */
    public HexData call(CallRequest request, BlockTag block) {
        return Quantities.data(client.call("eth_call", request.toJson(), block.value()), "eth_call result");
    }

    /** {@code eth_sendTransaction} from an account the node unlocks; returns the transaction hash. */
    public Bytes32 sendTransaction(CallRequest request) {
        return Quantities.word(client.call("eth_sendTransaction", request.toJson()), "eth_sendTransaction result");
    }

    /** {@code eth_sendRawTransaction} of a signed, RLP-encoded transaction; returns its hash. */
    public Bytes32 sendRawTransaction(HexData signed) {
        return Quantities.word(client.call("eth_sendRawTransaction", signed.hex()), "eth_sendRawTransaction result");
    }

    /** {@code eth_getTransactionReceipt}: empty while the transaction is pending or unknown. */
    public Optional<Receipt> getTransactionReceipt(Bytes32 txHash) {
        JsonNode r = client.call("eth_getTransactionReceipt", txHash.prefixed());
        if (r == null || r.isNull()) {
            return Optional.empty();
        }
        String m = "eth_getTransactionReceipt ";
        JsonNode ca = r.get("contractAddress");
        return Optional.of(new Receipt(Quantities.word(r.get("transactionHash"), m + "transactionHash"),
                Quantities.quantity(r.get("blockNumber"), m + "blockNumber").longValueExact(),
                Quantities.quantity(r.get("status"), m + "status").signum() == 1,
                Quantities.quantity(r.get("gasUsed"), m + "gasUsed"),
                ca == null || ca.isNull() ? Optional.empty() : Optional.of(Quantities.address(ca, m + "contractAddress")),
                r.path("logs").size()));
    }

    private static BigInteger quantity(String method, JsonNode n) {
        return Quantities.quantity(n, method + " result");
    }
}
