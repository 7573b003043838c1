package dev.cordon.bitcoin;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Locale;

/**
 * A Bitcoin network: the magic that frames its messages and {@code blk*.dat} records, and its
 * address prefixes. Values from Bitcoin Core {@code src/kernel/chainparams.cpp}; bech32 human
 * readable parts from BIP173.
 */
public enum BitcoinNetwork {
    MAINNET("main", 0xf9beb4d9, 0x00, 0x05, "bc"),
    TESTNET("test", 0x0b110907, 0x6f, 0xc4, "tb"),
    SIGNET("signet", 0x0a03cf40, 0x6f, 0xc4, "tb"),
    REGTEST("regtest", 0xfabfb5da, 0x6f, 0xc4, "bcrt");

    private final String coreName;
    private final int magic;
    private final int p2pkhVersion;
    private final int p2shVersion;
    private final String hrp;

    BitcoinNetwork(String coreName, int magic, int p2pkhVersion, int p2shVersion, String hrp) {
        this.coreName = coreName;
        this.magic = magic;
        this.p2pkhVersion = p2pkhVersion;
        this.p2shVersion = p2shVersion;
        this.hrp = hrp;
    }

    /**
     * The four magic bytes as a big-endian int: the bytes appear in this order on disk, so
     * mainnet's {@code f9 be b4 d9} is {@code 0xf9beb4d9}.
     */
    public int magic() {
        return magic;
    }

    /** Base58Check version byte of P2PKH addresses (0x00 mainnet: {@code 1...}; 0x6f: {@code m/n...}). */
    public int p2pkhVersion() {
        return p2pkhVersion;
    }

    /** Base58Check version byte of P2SH addresses (0x05 mainnet: {@code 3...}; 0xc4: {@code 2...}). */
    public int p2shVersion() {
        return p2shVersion;
    }

    /** Human-readable part of segwit addresses ({@code bc}, {@code tb}, {@code bcrt}). */
    public String hrp() {
        return hrp;
    }

    /** The name Bitcoin Core reports as {@code chain} in {@code getblockchaininfo}. */
    public String coreName() {
        return coreName;
    }

    /**
     * Parses a network name ({@code mainnet}, {@code main}, {@code testnet}, {@code test},
     * {@code testnet3}, {@code signet}, {@code regtest}), ignoring case.
     *
     * @throws CordonException with {@link ErrorCode#USAGE} for any other name
     */
    public static BitcoinNetwork parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (BitcoinNetwork net : values()) {
            if (net.name().toLowerCase(Locale.ROOT).equals(n) || net.coreName.equals(n)) {
                return net;
            }
        }
        if (n.equals("testnet3")) {
            return TESTNET;
        }
        throw new CordonException(ErrorCode.USAGE,
                "unknown bitcoin network '" + name + "' (expected mainnet, testnet, signet or regtest)");
    }
}
