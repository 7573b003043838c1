package dev.cordon.intel.internal;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.EthAddresses;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads addresses from intelligence files, checksums included (Base58Check, Bech32/Bech32m,
 * EIP-55), into canonical {@link Address} values. A currency code names the chain:
 * {@code BTC}/{@code XBT} is Bitcoin; {@code ETH} and the EVM assets and networks that lists
 * name (USDT, USDC, ARB, BSC, ETC, MATIC, OP...) are read as Ethereum addresses when written in
 * EVM form, because the same key controls the address on every EVM network. Other chains are
 * not supported by cordon and are reported as skipped.
 */
public final class AddressParser {
    private static final Set<String> BITCOIN = Set.of("BTC", "XBT", "BITCOIN");
    private static final Set<String> EVM = Set.of("ETH", "ETHEREUM", "ETC", "USDT", "USDC", "ARB", "BSC", "BNB",
            "MATIC", "POLYGON", "OP", "AVAX", "FTM", "DAI", "WETH", "BUSD", "BASE");

    private AddressParser() {
    }

    /** Thrown for an address of a chain cordon does not handle; callers report and skip it. */
    public static final class UnsupportedChain extends CordonException {
        private static final long serialVersionUID = 1L;
        private final String currency;

        UnsupportedChain(String currency, String text) {
            super(ErrorCode.DATA, "chain " + currency + " is not supported (address " + text + ")");
            this.currency = currency;
        }

        public String currency() {
            return currency;
        }
    }

    /**
     * @param currency the currency or network code the source gives; empty to infer from the form
     * @throws UnsupportedChain for a currency cordon does not handle
     * @throws CordonException  with {@link ErrorCode#USAGE} for a malformed address or bad checksum
     */
    public static Address parse(Optional<String> currency, String text) {
        String t = text.strip();
        if (currency.isEmpty() || currency.get().isBlank()) {
            return t.startsWith("0x") || t.startsWith("0X") ? EthAddresses.parse(t) : BitcoinAddresses.parse(t);
        }
        String c = currency.get().strip().toUpperCase(Locale.ROOT);
        if (BITCOIN.contains(c)) {
            return BitcoinAddresses.parse(t);
        }
        if (EVM.contains(c) && (t.startsWith("0x") || t.startsWith("0X"))) {
            return EthAddresses.parse(t);
        }
        throw new UnsupportedChain(c, t);
    }

    /** Parses for a known chain. */
    public static Address parse(Chain chain, String text) {
        return chain == Chain.BITCOIN ? BitcoinAddresses.parse(text.strip()) : EthAddresses.parse(text.strip());
    }
}
