package dev.cordon.intel.scenario.eth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcRequest;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Flow;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Tx;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives an Anvil node: transactions are sent with {@code eth_sendTransaction} from impersonated
 * accounts (no keys), queued with automine off and mined together by {@link #mine(long)} at a
 * chosen timestamp. Every transaction carries the flows its sender expects it to make; after
 * mining, each receipt must say success and the flows become {@link Tx} records with the fee from
 * the receipt and the block's base fee.
 *
 * <p>Budgets: a sender may queue several transactions in one block (nonces are assigned here),
 * but only against what it held when the block started ({@link #spendableEth}, {@link #flowBalance}):
 * credits count from the block after they are mined, so no transaction depends on the order the
 * node picks within a block.
 */
public final class AnvilChain {
    /** Fee cap and tip of every transaction: 4 and 1 gwei. */
    public static final BigInteger MAX_FEE = BigInteger.valueOf(4_000_000_000L);
    public static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);

    private record Pending(String hash, Address from, List<Flow> flows) {
    }

    private final JsonRpcClient rpc;
    private final Map<Address, Long> nonces = new HashMap<>();
    private final Map<Address, BigInteger> committedEth = new HashMap<>();
    /** Settled balances from flows alone (no fees, no set balances), per asset and address. */
    private final Map<Asset, Map<Address, BigInteger>> flowBalances = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<Tx> mined = new ArrayList<>();
    private long time;

    /**
     * Turns automine off, impersonates every account and sets the fee recipient. Blocks are timed
     * from the node's latest block.
     */
    public AnvilChain(JsonRpcClient rpc, Address coinbase) {
        this.rpc = rpc;
        this.time = Long.decode(rpc.call("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
        rpc.call("evm_setAutomine", false);
        rpc.call("anvil_autoImpersonateAccount", true);
        rpc.call("anvil_setCoinbase", coinbase.value());
    }

    public long chainId() {
        return Long.decode(rpc.call("eth_chainId").asText());
    }

    public long tip() {
        return Long.decode(rpc.call("eth_blockNumber").asText());
    }

    public void setBalance(Address a, BigInteger wei) {
        rpc.call("anvil_setBalance", a.value(), quantity(wei));
    }

    /** Ether {@code a} may still spend in the block being built: its balance at the tip less what it queued. */
    public BigInteger spendableEth(Address a) {
        BigInteger bal = new BigInteger(rpc.call("eth_getBalance", a.value(), "latest").asText().substring(2), 16);
        return bal.subtract(committedEth.getOrDefault(a, BigInteger.ZERO));
    }

    /** The settled flow balance (flows only) of {@code a} in {@code asset}, less what it queued. */
    public BigInteger flowBalance(Asset asset, Address a) {
        return flowBalances.getOrDefault(asset, Map.of()).getOrDefault(a, BigInteger.ZERO);
    }

    /** Gas limit × fee cap: what a transaction must leave room for. */
    public static BigInteger reserve(long gas) {
        return MAX_FEE.multiply(BigInteger.valueOf(gas));
    }

    /**
     * Queues a transaction.
     *
     * @param to    empty to create a contract
     * @param gas   the gas limit (no estimation: it would run against the tip, not the block)
     * @param flows the non-fee flows it will make, in position order
     * @return its hash
     */
    public String send(Address from, Optional<Address> to, BigInteger value, byte[] data, long gas, List<Flow> flows) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("from", from.value());
        to.ifPresent(t -> tx.put("to", t.value()));
        tx.put("value", quantity(value));
        tx.put("data", "0x" + Hex.encode(data));
        tx.put("gas", quantity(BigInteger.valueOf(gas)));
        tx.put("maxFeePerGas", quantity(MAX_FEE));
        tx.put("maxPriorityFeePerGas", quantity(TIP));
        long nonce = nonces.getOrDefault(from, 0L);
        tx.put("nonce", quantity(BigInteger.valueOf(nonce)));
        String hash = rpc.call("eth_sendTransaction", tx).asText();
        nonces.put(from, nonce + 1);
        committedEth.merge(from, value.add(reserve(gas)), BigInteger::add);
        for (Flow f : flows) {
            if (f.from().equals(from)) {
                flowBalances.computeIfAbsent(f.asset(), k -> new HashMap<>()).merge(from, f.amount().negate(), BigInteger::add);
            }
        }
        pending.add(new Pending(hash, from, flows));
        return hash;
    }

    /**
     * Mines the queued transactions into one block at the next timestamp.
     *
     * @param seconds how long after the previous block
     * @return the block's transactions in index order
     * @throws CordonException with {@link ErrorCode#REMOTE} when a transaction was not mined or failed
     */
    public List<Tx> mine(long seconds) {
        time += seconds;
        rpc.call("evm_setNextBlockTimestamp", time);
        rpc.call("evm_mine");
        List<RpcRequest> reqs = new ArrayList<>();
        for (Pending p : pending) {
            reqs.add(new RpcRequest("eth_getTransactionReceipt", List.of(p.hash())));
        }
        List<JsonNode> receipts = reqs.isEmpty() ? List.of() : rpc.batch(reqs);
        JsonNode block = rpc.call("eth_getBlockByNumber", "latest", false);
        long height = Long.decode(block.get("number").asText());
        BigInteger base = big(block.get("baseFeePerGas"));
        Address miner = EthAddresses.parse(block.get("miner").asText());
        List<Tx> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            out.add(receipt(pending.get(i), receipts.get(i), height, base, miner));
        }
        out.sort(Comparator.comparingInt(Tx::index));
        settle();
        mined.addAll(out);
        return out;
    }

    private Tx receipt(Pending p, JsonNode r, long height, BigInteger base, Address miner) {
        if (r == null || r.isNull() || Long.decode(r.get("blockNumber").asText()) != height) {
            throw new CordonException(ErrorCode.REMOTE, "transaction " + p.hash() + " from " + p.from()
                    + " was not mined in block " + height);
        }
        if (!"0x1".equals(r.get("status").asText())) {
            throw new CordonException(ErrorCode.REMOTE, "transaction " + p.hash() + " from " + p.from()
                    + " failed in block " + height);
        }
        BigInteger gas = big(r.get("gasUsed"));
        BigInteger price = big(r.get("effectiveGasPrice"));
        return new Tx(p.hash(), height, Integer.decode(r.get("transactionIndex").asText()), p.from(),
                gas.multiply(base), gas.multiply(price.subtract(base)), miner, p.flows());
    }

    /** Credits of the mined block become spendable; the block's commitments are released. */
    private void settle() {
        for (Pending p : pending) {
            for (Flow f : p.flows()) {
                flowBalances.computeIfAbsent(f.asset(), k -> new HashMap<>()).merge(f.to(), f.amount(), BigInteger::add);
                if (!f.from().equals(p.from())) {
                    flowBalances.get(f.asset()).merge(f.from(), f.amount().negate(), BigInteger::add);
                }
            }
        }
        pending.clear();
        committedEth.clear();
    }

    /**
     * The address of the contract {@code sender}'s next transaction creates:
     * {@code keccak256(rlp([sender, nonce]))[12:]} (Ethereum yellow paper, section 7).
     */
    public Address nextContract(Address sender) {
        long nonce = nonces.getOrDefault(sender, 0L);
        if (nonce >= 0x80) {
            throw new IllegalStateException("nonce " + nonce + " of " + sender + " needs a longer encoding");
        }
        byte[] rlp = new byte[23];
        rlp[0] = (byte) 0xd6;
        rlp[1] = (byte) 0x94;
        System.arraycopy(EthAddresses.toBytes(sender), 0, rlp, 2, 20);
        rlp[22] = nonce == 0 ? (byte) 0x80 : (byte) nonce;
        return EthAddresses.fromBytes(Arrays.copyOfRange(Bytes32.keccak(rlp).bytes(), 12, 32));
    }

    /** Every transaction mined so far, in chain order. */
    public List<Tx> mined() {
        return List.copyOf(mined);
    }

    static String quantity(BigInteger v) {
        return "0x" + v.toString(16);
    }

    private static BigInteger big(JsonNode quantity) {
        return new BigInteger(quantity.asText().substring(2), 16);
    }
}
