package dev.cordon.signing;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A proposed Safe transaction: everything that goes into its {@code safeTxHash}, plus the Safe
 * it is for. Every field is explicit; nothing is filled in from a guess.
 *
 * @param safe    the Safe (the EIP-712 verifying contract)
 * @param chainId the chain id (part of the domain from Safe 1.3.0)
 * @param baseGas called {@code dataGas} in Safe 0.1.0
 */
public record SafeTransaction(Address safe, BigInteger chainId, SafeVersion version, Address to, BigInteger value,
                              HexData data, Operation operation, BigInteger safeTxGas, BigInteger baseGas,
                              BigInteger gasPrice, Address gasToken, Address refundReceiver, BigInteger nonce) {
    /** 2^256 - 1. */
    public static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    public SafeTransaction {
        requireEth(safe, "safe");
        requireEth(to, "to");
        requireEth(gasToken, "gasToken");
        requireEth(refundReceiver, "refundReceiver");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(operation, "operation");
        requireUint(chainId, "chainId");
        if (chainId.signum() == 0) {
            throw new CordonException(ErrorCode.USAGE, "chainId: must be positive");
        }
        requireUint(value, "value");
        requireUint(safeTxGas, "safeTxGas");
        requireUint(baseGas, version.usesDataGas() ? "dataGas" : "baseGas");
        requireUint(gasPrice, "gasPrice");
        requireUint(nonce, "nonce");
    }

    /** A plain call with no refund settings (zero gas fields, zero gas token and refund receiver). */
    public static SafeTransaction call(Address safe, long chainId, SafeVersion version, Address to, BigInteger value,
                                       HexData data, Operation operation, BigInteger nonce) {
        return new SafeTransaction(safe, BigInteger.valueOf(chainId), version, to, value, data, operation,
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, EthAddresses.ZERO, EthAddresses.ZERO, nonce);
    }

    /** Whether the transaction pays a refund to its executor (gas price, gas token or refund receiver set). */
    public boolean paysRefund() {
        return gasPrice.signum() != 0 || !EthAddresses.isZero(gasToken) || !EthAddresses.isZero(refundReceiver);
    }

    private static void requireEth(Address a, String field) {
        Objects.requireNonNull(a, field);
        if (a.chain() != Chain.ETHEREUM) {
            throw new CordonException(ErrorCode.USAGE, field + ": not an Ethereum address: " + a);
        }
    }

    static void requireUint(BigInteger v, String field) {
        if (v == null) {
            throw new CordonException(ErrorCode.USAGE, field + ": value is missing");
        }
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new CordonException(ErrorCode.USAGE, field + ": must be a uint256 (0 .. 2^256-1), got " + v);
        }
    }
}
