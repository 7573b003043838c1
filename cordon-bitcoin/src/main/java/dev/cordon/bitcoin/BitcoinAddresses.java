package dev.cordon.bitcoin;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import java.util.Locale;

/**
 * Bitcoin addresses typed by users: validated and normalised once, at the edge. Legacy P2PKH and
 * P2SH addresses are Base58Check with the network's version byte and a 20-byte hash; segwit
 * addresses are Bech32 (version 0, BIP173) or Bech32m (versions 1..16, BIP350) and are normalised
 * to lowercase.
 */
public final class BitcoinAddresses {
    private BitcoinAddresses() {
    }

    /**
     * Parses a mainnet address.
     *
     * @throws CordonException with {@link ErrorCode#USAGE} saying why the text is not a valid address
     */
    public static Address parse(String text) {
        return parse(text, BitcoinNetwork.MAINNET);
    }

    /**
     * Parses an address of {@code network}; surrounding whitespace is ignored.
     *
     * @return the address in canonical form (segwit lowercase)
     * @throws CordonException with {@link ErrorCode#USAGE} saying why the text is not a valid address
     *                         of that network
     */
    public static Address parse(String text, BitcoinNetwork network) {
        String t = text.trim();
        try {
            return new Address(Chain.BITCOIN, canonical(t, network));
        } catch (DecodeException e) {
            throw new CordonException(ErrorCode.USAGE,
                    "invalid " + network.name().toLowerCase(Locale.ROOT) + " bitcoin address '" + t + "': "
                            + e.getMessage().replaceFirst("^(bech32|base58): ", "") + hint(t, network));
        }
    }

    /** P2PKH address of a 20-byte public key hash. */
    public static String p2pkh(byte[] hash, int off, BitcoinNetwork network) {
        return Base58.encodeChecked(network.p2pkhVersion(), hash, off, 20);
    }

    /** P2SH address of a 20-byte script hash. */
    public static String p2sh(byte[] hash, int off, BitcoinNetwork network) {
        return Base58.encodeChecked(network.p2shVersion(), hash, off, 20);
    }

    /** Segwit address of a witness program (Bech32 for version 0, Bech32m otherwise). */
    public static String segwit(int version, byte[] program, int off, int len, BitcoinNetwork network) {
        return Bech32.encodeSegwit(network.hrp(), version, program, off, len);
    }

    private static String canonical(String t, BitcoinNetwork network) {
        if (t.isEmpty()) {
            throw new DecodeException("", -1, "empty");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith(network.hrp() + "1")) {
            Bech32.decodeSegwit(network.hrp(), t);
            return lower;
        }
        byte[] payload = Base58.decodeChecked(t);
        if (payload.length != 21) {
            throw new DecodeException("base58", -1, "payload of " + (payload.length - 1) + " bytes (must be 20)");
        }
        int version = payload[0] & 0xff;
        if (version != network.p2pkhVersion() && version != network.p2shVersion()) {
            throw new DecodeException("base58", -1, String.format("version byte 0x%02x is not P2PKH or P2SH", version));
        }
        return t;
    }

    private static String hint(String t, BitcoinNetwork expected) {
        for (BitcoinNetwork other : BitcoinNetwork.values()) {
            if (other == expected || other.hrp().equals(expected.hrp())) {
                continue;
            }
            try {
                canonical(t, other);
                return " (it is a " + other.name().toLowerCase(Locale.ROOT) + " address)";
            } catch (DecodeException e) {
                // not that network either
            }
        }
        return "";
    }
}
