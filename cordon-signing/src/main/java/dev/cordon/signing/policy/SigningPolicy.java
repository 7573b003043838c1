package dev.cordon.signing.policy;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.decode.CallKind;
import dev.cordon.signing.decode.CalldataDecoder;
import dev.cordon.signing.decode.DecodedCall;
import dev.cordon.signing.deploy.Deployment;
import dev.cordon.signing.deploy.SafeDeployments;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges a proposed Safe transaction: {@link Verdict#ALLOW}, {@link Verdict#REVIEW} or
 * {@link Verdict#BLOCK}, with a {@link Reason} per finding. The checks are those of {@link Check};
 * each call of a batch is checked as a call made by the Safe. Counterparty, refund, nonce and
 * history checks are in {@link ContextChecks}.
 *
 * <p>The rule that would have stopped the Bybit theft: a delegatecall runs the target's code
 * with the Safe's storage, so it may only go to a trusted library (Safe's canonical libraries
 * of this chain, or the wallet's own list), pinned by code hash when the chain can be read. A
 * delegatecall elsewhere is blocked, and marked critical when it carries a token-transfer or
 * approval selector, the disguise used against Bybit.
 */
public final class SigningPolicy {
    private final PolicySettings settings;
    private final SafeDeployments deployments;
    private final CalldataDecoder decoder;
    private final ContextChecks contextChecks;

    public SigningPolicy(PolicySettings settings, SafeDeployments deployments, CounterpartyRisk risk) {
        this.settings = settings;
        this.deployments = deployments;
        this.decoder = new CalldataDecoder(deployments);
        this.contextChecks = new ContextChecks(settings, risk, decoder);
    }

    public PolicySettings settings() {
        return settings;
    }

    /**
     * @param decoded the decoded calldata, or the error decoding it raised
     * @throws CordonException with USAGE when the policy file is for another Safe or chain
     */
    public PolicyResult evaluate(SafeTransaction tx, Optional<DecodedCall> decoded, Optional<DecodeException> decodeError,
                                 WalletContext ctx) {
        requireScope(tx);
        Emitter out = new Emitter(settings);
        decodeError.ifPresent(e -> out.add(Check.MALFORMED_CALLDATA, Severity.HIGH, "tx",
                "calldata cannot be decoded, so what it does cannot be shown: " + e.getMessage()));
        if (decoded.isPresent()) {
            for (DecodedCall c : decoded.get().flatten()) {
                checkCall(tx, c, ctx, out);
            }
        } else if (tx.operation() == Operation.DELEGATECALL) {
            checkDelegatecall(tx, tx.to(), false, "tx", ctx, out);
        }
        contextChecks.run(tx, decoded, ctx, out);
        return PolicyResult.of(out.reasons());
    }

    /** Decodes and evaluates. */
    public PolicyResult evaluate(SafeTransaction tx, WalletContext ctx) {
        try {
            return evaluate(tx, Optional.of(decoder.decode(tx)), Optional.empty(), ctx);
        } catch (DecodeException e) {
            return evaluate(tx, Optional.empty(), Optional.of(e), ctx);
        }
    }

    public CalldataDecoder decoder() {
        return decoder;
    }

    private void requireScope(SafeTransaction tx) {
        settings.safe().filter(s -> !s.equals(tx.safe())).ifPresent(s -> {
            throw new CordonException(ErrorCode.USAGE, "the policy is for Safe " + EthAddresses.checksummed(s)
                    + ", not " + EthAddresses.checksummed(tx.safe()));
        });
        if (settings.chainId().isPresent() && !BigInteger.valueOf(settings.chainId().getAsLong()).equals(tx.chainId())) {
            throw new CordonException(ErrorCode.USAGE, "the policy is for chain " + settings.chainId().getAsLong()
                    + ", not " + tx.chainId());
        }
    }

    private void checkCall(SafeTransaction tx, DecodedCall c, WalletContext ctx, Emitter out) {
        if (c.operation() == Operation.DELEGATECALL) {
            checkDelegatecall(tx, c.to(), c.kind().isTokenLike(), c.path(), ctx, out);
        }
        if (c.kind().group() == CallKind.Group.SAFE_CONFIG) {
            checkConfig(tx, c, ctx, out);
        }
        if (c.kind() == CallKind.UNKNOWN && !c.data().isEmpty() && c.operation() == Operation.CALL) {
            out.add(Check.UNKNOWN_FUNCTION, Severity.LOW, c.path(), "calls unknown function "
                    + (c.selector().isEmpty() ? c.data().hex() : c.selector()) + " on "
                    + EthAddresses.checksummed(c.to()) + ": check the raw data against the contract's source");
        }
    }

    private void checkDelegatecall(SafeTransaction tx, Address target, boolean tokenLike, String path,
                                   WalletContext ctx, Emitter out) {
        Optional<Bytes32> pinned = trustedCodeHash(tx, target);
        if (pinned == null) {
            if (tokenLike) {
                out.add(Check.DELEGATECALL, Severity.CRITICAL, path, "DELEGATECALL to untrusted contract "
                        + EthAddresses.checksummed(target) + " with a token-transfer/approval selector: this is the"
                        + " Bybit attack shape. The target's code would run as the Safe and can overwrite its"
                        + " master copy (storage slot 0) and take every asset");
            } else {
                out.add(Check.DELEGATECALL, Severity.HIGH, path, "DELEGATECALL to " + EthAddresses.checksummed(target)
                        + ", which is not a trusted library: its code would run with the Safe's storage and funds");
            }
            return;
        }
        if (ctx.code().isEmpty()) {
            return;
        }
        byte[] code = ctx.code().get().code(target);
        if (code.length == 0) {
            out.add(Check.LIBRARY_CODE, Severity.CRITICAL, path, "trusted library " + EthAddresses.checksummed(target)
                    + " has no code on this chain: anyone could deploy something else there");
        } else if (pinned.isPresent() && !Bytes32.keccak(code).equals(pinned.get())) {
            out.add(Check.LIBRARY_CODE, Severity.CRITICAL, path, "code at trusted library "
                    + EthAddresses.checksummed(target) + " hashes to " + Bytes32.keccak(code).prefixed()
                    + ", not the pinned " + pinned.get().prefixed());
        }
    }

    /** The pinned code hash of a trusted library (empty if trusted without one), or null if not trusted. */
    private Optional<Bytes32> trustedCodeHash(SafeTransaction tx, Address target) {
        for (TrustedLibrary l : settings.trustedLibraries()) {
            if (l.address().equals(target)) {
                return l.codeHash();
            }
        }
        if (settings.trustCanonicalLibraries() && tx.chainId().bitLength() < 63) {
            for (Deployment d : deployments.onChain(tx.chainId().longValue(), target)) {
                if (d.role().isDelegatecallLibrary()) {
                    return d.codeHash();
                }
            }
        }
        return null;
    }

    private void checkConfig(SafeTransaction tx, DecodedCall c, WalletContext ctx, Emitter out) {
        String where = c.selfCall() ? "this Safe" : "Safe " + EthAddresses.checksummed(c.to());
        switch (c.kind()) {
            case ADD_OWNER, REMOVE_OWNER, SWAP_OWNER -> out.add(Check.OWNER_CHANGE, Severity.HIGH, c.path(),
                    c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " on " + where + ": " + c.summary());
            case CHANGE_THRESHOLD -> {
                BigInteger t = c.uint("threshold").orElse(BigInteger.ZERO);
                boolean weak = t.compareTo(BigInteger.ONE) <= 0 || ctx.threshold().isPresent()
                        && t.compareTo(BigInteger.valueOf(ctx.threshold().getAsInt())) < 0;
                out.add(Check.THRESHOLD_CHANGE, weak ? Severity.HIGH : Severity.MEDIUM, c.path(),
                        "sets the threshold of " + where + " to " + t
                                + (ctx.threshold().isPresent() ? " (now " + ctx.threshold().getAsInt() + ")" : ""));
            }
            case ENABLE_MODULE -> out.add(Check.MODULE_CHANGE, Severity.HIGH, c.path(), "enables module "
                    + c.address("module").map(EthAddresses::checksummed).orElse("?") + " on " + where
                    + ": a module can execute transactions without any owner signature");
            case DISABLE_MODULE -> out.add(Check.MODULE_CHANGE, Severity.MEDIUM, c.path(), "disables module "
                    + c.address("module").map(EthAddresses::checksummed).orElse("?") + " on " + where);
            case SET_GUARD, SET_MODULE_GUARD -> {
                Address g = c.address(c.kind() == CallKind.SET_GUARD ? "guard" : "moduleGuard").orElse(EthAddresses.ZERO);
                out.add(Check.GUARD_CHANGE, EthAddresses.isZero(g) ? Severity.HIGH : Severity.MEDIUM, c.path(),
                        (EthAddresses.isZero(g) ? "removes the " : "sets the ")
                                + (c.kind() == CallKind.SET_GUARD ? "transaction guard" : "module guard") + " of " + where
                                + (EthAddresses.isZero(g) ? "" : " to " + EthAddresses.checksummed(g)));
            }
            case SET_FALLBACK_HANDLER -> {
                Address h = c.address("handler").orElse(EthAddresses.ZERO);
                boolean canonical = canonical(tx, h, d -> d.role() == dev.cordon.signing.deploy.DeploymentRole.FALLBACK_HANDLER);
                out.add(Check.FALLBACK_HANDLER_CHANGE, canonical ? Severity.MEDIUM : Severity.HIGH, c.path(),
                        "sets the fallback handler of " + where + " to " + EthAddresses.checksummed(h)
                                + (canonical ? " (a canonical handler)" : " (not a canonical Safe handler)"));
            }
            case CHANGE_MASTER_COPY -> {
                Address m = c.address("masterCopy").orElse(EthAddresses.ZERO);
                boolean canonical = canonical(tx, m, d -> d.role().isSingleton());
                out.add(canonical ? Check.MASTER_COPY_CHANGE : Check.UNKNOWN_MASTER_COPY,
                        canonical ? Severity.HIGH : Severity.CRITICAL, c.path(), "changes the master copy of " + where
                                + " to " + EthAddresses.checksummed(m)
                                + (canonical ? " (a canonical singleton)" : ", which is not a canonical Safe singleton"));
            }
            case MIGRATION -> out.add(Check.MASTER_COPY_CHANGE, Severity.HIGH, c.path(),
                    "migrates " + where + " to another singleton: " + c.summary());
            default -> {
            }
        }
    }

    private boolean canonical(SafeTransaction tx, Address a, java.util.function.Predicate<Deployment> role) {
        return tx.chainId().bitLength() < 63
                && deployments.onChain(tx.chainId().longValue(), a).stream().anyMatch(role);
    }

    /** The shapes of a decoded transaction: operation and kind of each call (selector for unknown ones). */
    public static Set<String> shapes(DecodedCall root) {
        Set<String> out = new TreeSet<>();
        for (DecodedCall c : root.flatten()) {
            out.add(c.operation() + " " + c.kind() + (c.kind() == CallKind.UNKNOWN ? " " + c.selector() : ""));
        }
        return out;
    }

    /** Computes a transaction's hash (used for queued-transaction comparison). */
    static Bytes32 safeTxHash(SafeTransaction tx) {
        return SafeHasher.hash(tx).signedHash();
    }

    /** Collects reasons with the verdict the settings give each check. */
    static final class Emitter {
        private final PolicySettings settings;
        private final List<Reason> reasons = new ArrayList<>();

        Emitter(PolicySettings settings) {
            this.settings = settings;
        }

        void add(Check check, Severity severity, String path, String message) {
            reasons.add(new Reason(check, settings.verdictOf(check), severity, path, message));
        }

        List<Reason> reasons() {
            return reasons;
        }
    }
}
