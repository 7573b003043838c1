package dev.cordon.signing.decode;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One decoded argument.
 *
 * @param type  the ABI type ({@code address}, {@code uint256}, {@code bytes}, {@code uint256[]})
 * @param value {@link Address}, {@link BigInteger}, {@link Boolean}, {@link Bytes32},
 *              {@link HexData} or a {@code List<BigInteger>}
 */
public record Arg(String name, String type, Object value) {
    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** The value as a person reads it: addresses EIP-55 checksummed, numbers in decimal. */
    public String display() {
        if (value instanceof Address a) {
            return EthAddresses.checksummed(a);
        }
        if (value instanceof Bytes32 b) {
            return b.prefixed();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof BigInteger n && n.equals(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))) {
            return n + " (2^256-1, unlimited)";
        }
        return String.valueOf(value);
    }
}
