package dev.cordon.signing;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Safe (formerly Gnosis Safe) contract versions whose hashing rules cordon knows. What
 * changes between them, as far as a signer's hash is concerned:
 * <ul>
 *   <li>0.1.0 names the refund gas field {@code dataGas}; later versions call it {@code baseGas}.</li>
 *   <li>Up to 1.2.0 the EIP-712 domain is {@code EIP712Domain(address verifyingContract)}; from
 *       1.3.0 it is {@code EIP712Domain(uint256 chainId,address verifyingContract)}.</li>
 *   <li>1.3.0 introduced transaction guards; 1.5.0 module guards.</li>
 * </ul>
 * Sources: the {@code GnosisSafe.sol}/{@code Safe.sol} of each tagged release of
 * safe-global/safe-smart-account.
 */
public enum SafeVersion {
    V0_1_0(0, 1, 0),
    V1_0_0(1, 0, 0),
    V1_1_0(1, 1, 0),
    V1_1_1(1, 1, 1),
    V1_2_0(1, 2, 0),
    V1_3_0(1, 3, 0),
    V1_4_0(1, 4, 0),
    V1_4_1(1, 4, 1),
    V1_5_0(1, 5, 0);

    private final int major;
    private final int minor;
    private final int patch;

    SafeVersion(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /**
     * Parses a version as the contract's {@code VERSION()} or the Transaction Service reports it:
     * {@code 1.3.0}, {@code v1.3.0}, {@code 1.3.0+L2}.
     *
     * @throws CordonException with USAGE for a version cordon does not know (never guessed)
     */
    public static SafeVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CordonException(ErrorCode.USAGE, "Safe version is missing (known: " + known() + ")");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("v")) {
            t = t.substring(1);
        }
        if (t.endsWith("+l2")) {
            t = t.substring(0, t.length() - 3);
        }
        for (SafeVersion v : values()) {
            if (v.text().equals(t)) {
                return v;
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown Safe version '" + text.trim()
                + "': its hashing rules are not known to cordon (known: " + known() + ")");
    }

    private static String known() {
        return Arrays.stream(values()).map(SafeVersion::text).collect(Collectors.joining(", "));
    }

    /** {@code 1.3.0}. */
    public String text() {
        return major + "." + minor + "." + patch;
    }

    /** Whether the EIP-712 domain includes the chain id (1.3.0 and later). */
    public boolean domainHasChainId() {
        return atLeast(V1_3_0);
    }

    /** Whether the refund gas field is called {@code dataGas} (0.1.0 only). */
    public boolean usesDataGas() {
        return this == V0_1_0;
    }

    /** Whether the Safe supports a transaction guard ({@code setGuard}, 1.3.0 and later). */
    public boolean supportsGuard() {
        return atLeast(V1_3_0);
    }

    /** Whether the Safe supports a module guard ({@code setModuleGuard}, 1.5.0 and later). */
    public boolean supportsModuleGuard() {
        return atLeast(V1_5_0);
    }

    /** Whether {@code changeMasterCopy(address)} exists (removed in 1.3.0). */
    public boolean hasChangeMasterCopy() {
        return !atLeast(V1_3_0);
    }

    public boolean atLeast(SafeVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return text();
    }
}
