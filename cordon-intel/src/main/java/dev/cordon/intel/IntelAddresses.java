package dev.cordon.intel;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.internal.AddressParser;
import java.util.Optional;

/** Addresses typed by users, for intelligence lookups: the chain is told by the form. */
public final class IntelAddresses {
    private IntelAddresses() {
    }

    /**
     * Reads {@code 0x…} as Ethereum (EIP-55 checked when mixed case), anything else as Bitcoin
     * (Base58Check, Bech32, Bech32m).
     *
     * @throws CordonException with {@link ErrorCode#USAGE} for a malformed address or bad checksum
     */
    public static Address parse(String text) {
        return AddressParser.parse(Optional.empty(), text);
    }
}
