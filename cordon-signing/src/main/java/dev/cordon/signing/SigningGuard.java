package dev.cordon.signing;

import dev.cordon.core.DecodeException;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.chain.SafeState;
import dev.cordon.signing.decode.DecodedCall;
import dev.cordon.signing.policy.Check;
import dev.cordon.signing.policy.PolicyResult;
import dev.cordon.signing.policy.Reason;
import dev.cordon.signing.policy.SigningPolicy;
import dev.cordon.signing.policy.WalletContext;
import dev.cordon.signing.sig.OnChainSignatures;
import dev.cordon.signing.sig.SignatureCheck;
import dev.cordon.signing.sig.SignatureStatus;
import dev.cordon.signing.sig.SignatureVerifier;
import dev.cordon.signing.txservice.Confirmation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signing guard in one step: recompute the hashes, decode, judge, and check the collected
 * signatures; the transaction's context (chain id, version, claimed hash) is cross-checked too.
 */
public final class SigningGuard {
    private final SigningPolicy policy;

    public SigningGuard(SigningPolicy policy) {
        this.policy = policy;
    }

    /** What is known besides the transaction; every part optional. */
    public record Evidence(WalletContext wallet, Optional<SafeState> state, Optional<Bytes32> claimedSafeTxHash,
                           Optional<HexData> signatures, List<Confirmation> confirmations,
                           Optional<OnChainSignatures> chain) {
        public Evidence {
            confirmations = List.copyOf(confirmations);
        }

        public static Evidence none() {
            return new Evidence(WalletContext.offline(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(), Optional.empty());
        }
    }

    public Review review(SafeTransaction tx, Evidence ev) {
        SigningHashes hashes = SafeHasher.hash(tx);
        Optional<DecodedCall> decoded = Optional.empty();
        Optional<DecodeException> error = Optional.empty();
        try {
            decoded = Optional.of(policy.decoder().decode(tx));
        } catch (DecodeException e) {
            error = Optional.of(e);
        }
        PolicyResult result = policy.evaluate(tx, decoded, error, ev.wallet());
        List<Reason> more = new ArrayList<>(context(tx, hashes, ev));
        List<SignatureCheck> sigs = signatures(tx, ev);
        for (SignatureCheck c : sigs) {
            if (c.status() == SignatureStatus.WRONG_TRANSACTION || c.status() == SignatureStatus.INVALID
                    || c.status() == SignatureStatus.NOT_OWNER) {
                more.add(new Reason(Check.SIGNATURE, policy.settings().verdictOf(Check.SIGNATURE),
                        c.status() == SignatureStatus.WRONG_TRANSACTION ? Severity.CRITICAL : Severity.HIGH,
                        c.source(), c.message()));
            }
        }
        return new Review(tx, hashes, decoded, error.map(Throwable::getMessage), result.plus(more), sigs);
    }

    private List<Reason> context(SafeTransaction tx, SigningHashes hashes, Evidence ev) {
        List<Reason> out = new ArrayList<>();
        ev.claimedSafeTxHash().filter(h -> !h.equals(hashes.signedHash())).ifPresent(h -> out.add(mismatch(
                "the proposer claims safeTxHash " + h.prefixed() + " but the fields hash to "
                        + hashes.signedHash().prefixed() + ": a field differs from what was proposed and signed")));
        if (ev.state().isPresent()) {
            SafeState s = ev.state().get();
            if (!BigInteger.valueOf(s.chainId()).equals(tx.chainId())) {
                out.add(mismatch("the node is on chain " + s.chainId() + " but the transaction is for chain " + tx.chainId()));
            }
            if (!s.safe().equals(tx.safe())) {
                out.add(mismatch("the chain state read is for " + EthAddresses.checksummed(s.safe())));
            }
            s.version().filter(v -> v != tx.version()).ifPresent(v -> out.add(mismatch("the Safe on chain is version "
                    + v + " but the hash was computed for " + tx.version() + ": the device would show other hashes")));
        }
        return out;
    }

    private Reason mismatch(String message) {
        return new Reason(Check.CONTEXT_MISMATCH, policy.settings().verdictOf(Check.CONTEXT_MISMATCH),
                Severity.CRITICAL, "tx", message);
    }

    private static List<SignatureCheck> signatures(SafeTransaction tx, Evidence ev) {
        SignatureVerifier v = new SignatureVerifier(tx, ev.wallet().owners(), ev.chain(), ev.claimedSafeTxHash());
        List<SignatureCheck> out = new ArrayList<>();
        ev.signatures().filter(s -> !s.isEmpty()).ifPresent(s -> out.addAll(v.verifyConcatenated(s, "signatures")));
        for (int i = 0; i < ev.confirmations().size(); i++) {
            Confirmation c = ev.confirmations().get(i);
            out.add(v.verifyClaimed(c.owner(), c.signature(), "confirmations[" + i + "]"));
        }
        return out;
    }
}
