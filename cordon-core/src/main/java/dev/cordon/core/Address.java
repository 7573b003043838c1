package dev.cordon.core;

import java.util.Objects;

/**
 * An address on a chain, in its canonical text form. Validation of the form is the chain
 * codec's job at the edge (Bitcoin: base58check, bech32, bech32m; Ethereum: 0x + 40 lowercase
 * hex digits, shown EIP-55 checksummed); once built, an {@code Address} is trusted.
 */
public record Address(Chain chain, String value) implements Comparable<Address> {
    public Address {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 128) {
            throw new CordonException(ErrorCode.USAGE, "address must be 1..128 characters: '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new CordonException(ErrorCode.USAGE, "address has an illegal character at " + i);
            }
        }
    }

    @Override
    public int compareTo(Address o) {
        int c = Integer.compare(chain.id(), o.chain.id());
        return c != 0 ? c : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
