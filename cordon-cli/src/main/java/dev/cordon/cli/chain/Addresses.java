package dev.cordon.cli.chain;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.core.Address;
import dev.cordon.ethereum.EthAddresses;

/** Parses an address typed by a user, telling the chain from its form. */
public final class Addresses {
    private Addresses() {
    }

    /**
     * @throws dev.cordon.core.CordonException with {@code USAGE} for a malformed address or a bad
     *                                         checksum (base58/bech32, or EIP-55 for a mixed-case 0x address)
     */
    public static Address parse(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return EthAddresses.parse(t);
        }
        return BitcoinAddresses.parse(t);
    }
}
