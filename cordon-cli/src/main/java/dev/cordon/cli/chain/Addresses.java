package dev.cordon.cli.chain;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.core.Address;

/** Parses an address typed by a user, telling the chain from its form. */
final class Addresses {
    private Addresses() {
    }

    /**
     * @throws dev.cordon.core.CordonException with {@code USAGE} for a malformed address or a bad
     *                                         checksum
     */
    static Address parse(String text) {
        return BitcoinAddresses.parse(text.trim());
    }
}
