package dev.cordon.core.account;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A deposit into a cross-chain bridge's router, as its event log announced it: for THORChain's
 * Ethereum router, {@code Deposit(address indexed to, address indexed asset, uint256 amount,
 * string memo)}. Only successful transactions carry one.
 *
 * @param txId     the depositing transaction
 * @param txIndex  its index in the block
 * @param logIndex the event's index among the block's logs
 * @param router   the contract that emitted the event
 * @param vault    the vault the router forwarded to (the event's {@code to})
 * @param asset    the deposited token contract; the zero address for ether
 * @param amount   base units of {@code asset} (wei for ether), never negative
 * @param memo     the memo string exactly as emitted (THORChain: {@code SWAP:BTC.BTC:bc1q...}); it
 *                 may be anything the sender chose, including text that is no memo at all
 */
public record BridgeDeposit(TxId txId, int txIndex, int logIndex, Address router, Address vault, Address asset,
                            BigInteger amount, String memo) {
    /** The {@code asset} value that stands for ether. */
    public static final Address ETHER = new Address(Chain.ETHEREUM, "0x0000000000000000000000000000000000000000");

    public BridgeDeposit {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(memo, "memo");
        if (txIndex < 0 || logIndex < 0 || amount.signum() < 0) {
            throw new IllegalArgumentException("negative tx index, log index or amount: " + txIndex + "/" + logIndex
                    + "/" + amount);
        }
    }

    /** Whether ether (not a token) was deposited. */
    public boolean isEther() {
        return asset.equals(ETHER);
    }
}
