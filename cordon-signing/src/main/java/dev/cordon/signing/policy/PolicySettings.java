package dev.cordon.signing.policy;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A wallet's signing policy. {@link #defaults()} is what applies without a policy file; see
 * {@link PolicyKey} for each setting's meaning and {@link PolicyLoader} for the YAML form.
 */
public record PolicySettings(Optional<Address> safe, OptionalLong chainId, Map<Address, String> addressBook,
                             boolean trustCanonicalLibraries, List<TrustedLibrary> trustedLibraries,
                             BigInteger maxBaseGas, BigInteger unlimitedApprovalAt, int historyMinTransactions,
                             List<Path> riskLists, Map<Check, Verdict> verdicts) {
    public static final BigInteger DEFAULT_MAX_BASE_GAS = BigInteger.valueOf(100_000);
    public static final BigInteger DEFAULT_UNLIMITED_APPROVAL_AT = BigInteger.ONE.shiftLeft(128);
    public static final int DEFAULT_HISTORY_MIN_TRANSACTIONS = 3;

    public PolicySettings {
        Objects.requireNonNull(safe, "safe");
        Objects.requireNonNull(chainId, "chainId");
        addressBook = Map.copyOf(addressBook);
        trustedLibraries = List.copyOf(trustedLibraries);
        riskLists = List.copyOf(riskLists);
        Objects.requireNonNull(maxBaseGas, "maxBaseGas");
        Objects.requireNonNull(unlimitedApprovalAt, "unlimitedApprovalAt");
        if (maxBaseGas.signum() < 0) {
            throw new CordonException(ErrorCode.USAGE, PolicyKey.MAX_BASE_GAS.key() + ": must not be negative");
        }
        if (unlimitedApprovalAt.signum() <= 0) {
            throw new CordonException(ErrorCode.USAGE, PolicyKey.UNLIMITED_APPROVAL_AT.key() + ": must be positive");
        }
        if (historyMinTransactions < 1) {
            throw new CordonException(ErrorCode.USAGE, PolicyKey.HISTORY_MIN_TRANSACTIONS.key() + ": must be at least 1");
        }
        EnumMap<Check, Verdict> v = new EnumMap<>(Check.class);
        for (Check c : Check.values()) {
            v.put(c, c.defaultVerdict());
        }
        v.putAll(verdicts);
        verdicts = Map.copyOf(v);
    }

    /** The policy without a file: every check at its default, no address book, canonical libraries trusted. */
    public static PolicySettings defaults() {
        return new PolicySettings(Optional.empty(), OptionalLong.empty(), Map.of(), true, List.of(),
                DEFAULT_MAX_BASE_GAS, DEFAULT_UNLIMITED_APPROVAL_AT, DEFAULT_HISTORY_MIN_TRANSACTIONS, List.of(), Map.of());
    }

    public Verdict verdictOf(Check c) {
        return verdicts.get(c);
    }
}
