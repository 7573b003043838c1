package dev.cordon.signing.sig;

import dev.cordon.core.Address;
import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Checks collected signatures against the recomputed {@code safeTxHash}, as the Safe's
 * {@code checkSignatures} would: ECDSA signatures are recovered (web3j {@link Sign}); contract
 * signatures and approved hashes are asked of the chain when it can be read. A signature that
 * recovers to someone who is not its claimed owner (or not an owner at all) was made over
 * another hash; when the caller knows the hash a proposer claimed, the signature is also tried
 * against it to say which transaction it was made for.
 */
public final class SignatureVerifier {
    private static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);

    private final SafeTransaction tx;
    private final Bytes32 hash;
    private final Set<Address> owners;
    private final Optional<OnChainSignatures> chain;
    private final Optional<Bytes32> claimedHash;

    /**
     * @param owners      the Safe's owners; empty when unknown
     * @param claimedHash the hash a proposer or service claimed, when it differs from the recomputed one
     */
    public SignatureVerifier(SafeTransaction tx, Set<Address> owners, Optional<OnChainSignatures> chain,
                             Optional<Bytes32> claimedHash) {
        this.tx = tx;
        this.hash = SafeHasher.hash(tx).signedHash();
        this.owners = Set.copyOf(owners);
        this.chain = chain;
        this.claimedHash = claimedHash.filter(h -> !h.equals(hash));
    }

    /** Checks a concatenated {@code signatures} byte string (signers unnamed). */
    public List<SignatureCheck> verifyConcatenated(HexData signatures, String field) {
        List<SignatureCheck> out = new ArrayList<>();
        List<SafeSignature> parsed;
        try {
            parsed = SignatureParser.parse(signatures, field);
        } catch (DecodeException e) {
            return List.of(new SignatureCheck(field, "malformed", Optional.empty(), SignatureStatus.INVALID, e.getMessage()));
        }
        BigInteger last = BigInteger.valueOf(-1);
        for (SafeSignature s : parsed) {
            SignatureCheck c = verify(s, Optional.empty(), field + "[" + s.index() + "]");
            if (c.signer().isPresent()) {
                BigInteger who = new BigInteger(1, EthAddresses.toBytes(c.signer().get()));
                if (who.compareTo(last) <= 0 && c.status() == SignatureStatus.VALID) {
                    c = new SignatureCheck(c.source(), c.type(), c.signer(), SignatureStatus.INVALID,
                            "signers must be in strictly ascending address order and distinct; the Safe would reject"
                                    + " this set at " + EthAddresses.checksummed(c.signer().get()));
                }
                last = last.max(who);
            }
            out.add(c);
        }
        return out;
    }

    /** Checks one signature claimed to be {@code owner}'s (a Transaction Service confirmation). */
    public SignatureCheck verifyClaimed(Address owner, HexData signature, String source) {
        List<SafeSignature> parsed;
        try {
            parsed = SignatureParser.parse(signature, source);
        } catch (DecodeException e) {
            return new SignatureCheck(source, "malformed", Optional.of(owner), SignatureStatus.INVALID, e.getMessage());
        }
        if (parsed.size() != 1) {
            return new SignatureCheck(source, "malformed", Optional.of(owner), SignatureStatus.INVALID,
                    "a confirmation holds one signature, found " + parsed.size());
        }
        return verify(parsed.get(0), Optional.of(owner), source);
    }

    private SignatureCheck verify(SafeSignature s, Optional<Address> claimed, String source) {
        if (s instanceof SafeSignature.Ecdsa e) {
            return ecdsa(e, claimed, source);
        }
        if (s instanceof SafeSignature.Contract c) {
            return contract(c, claimed, source);
        }
        return approved((SafeSignature.ApprovedHash) s, claimed, source);
    }

    private SignatureCheck ecdsa(SafeSignature.Ecdsa e, Optional<Address> claimed, String source) {
        String type = e.ethSign() ? "eth_sign" : "eip712";
        Optional<Address> signer = recover(e, hash);
        if (signer.isEmpty()) {
            return new SignatureCheck(source, type, claimed, SignatureStatus.INVALID,
                    "not a valid ECDSA signature (r or s out of range, or no public key recovers)");
        }
        Address who = signer.get();
        String high = e.s().compareTo(HALF_N) > 0 ? " (high-s form: malleable, accepted by the Safe)" : "";
        boolean matchesClaim = claimed.map(who::equals).orElse(true);
        boolean isOwner = owners.isEmpty() || owners.contains(who);
        if (matchesClaim && isOwner) {
            return new SignatureCheck(source, type, Optional.of(who), owners.isEmpty() && claimed.isEmpty()
                    ? SignatureStatus.UNVERIFIED : SignatureStatus.VALID,
                    (owners.isEmpty() && claimed.isEmpty() ? "recovers to " + EthAddresses.checksummed(who)
                            + "; owners unknown, give --rpc to check ownership" : "signed by "
                            + EthAddresses.checksummed(who) + " for this transaction") + high);
        }
        Optional<Address> expected = claimed.isPresent() ? claimed : Optional.empty();
        if (claimedHash.isPresent()) {
            Optional<Address> alt = recover(e, claimedHash.get());
            if (alt.isPresent() && (expected.map(alt.get()::equals).orElse(owners.contains(alt.get())))) {
                return new SignatureCheck(source, type, alt, SignatureStatus.WRONG_TRANSACTION, "signed by "
                        + EthAddresses.checksummed(alt.get()) + " for the claimed hash " + claimedHash.get().prefixed()
                        + ", not for this transaction's recomputed hash " + hash.prefixed());
            }
        }
        if (!matchesClaim || !owners.isEmpty() && !isOwner && claimed.isEmpty()) {
            return new SignatureCheck(source, type, claimed.isPresent() ? claimed : Optional.of(who),
                    SignatureStatus.WRONG_TRANSACTION, "recovers to " + EthAddresses.checksummed(who)
                            + (claimed.isPresent() ? " instead of " + EthAddresses.checksummed(claimed.get()) : ", not an owner")
                            + ": the signature was made for a different transaction (or with a changed field)");
        }
        return new SignatureCheck(source, type, Optional.of(who), SignatureStatus.NOT_OWNER,
                "signed by " + EthAddresses.checksummed(who) + ", who is not an owner of the Safe");
    }

    private SignatureCheck contract(SafeSignature.Contract c, Optional<Address> claimed, String source) {
        if (claimed.isPresent() && !claimed.get().equals(c.owner())) {
            return new SignatureCheck(source, "contract", claimed, SignatureStatus.INVALID, "names contract "
                    + EthAddresses.checksummed(c.owner()) + " as signer, not " + EthAddresses.checksummed(claimed.get()));
        }
        if (!owners.isEmpty() && !owners.contains(c.owner())) {
            return new SignatureCheck(source, "contract", Optional.of(c.owner()), SignatureStatus.NOT_OWNER,
                    "contract " + EthAddresses.checksummed(c.owner()) + " is not an owner");
        }
        if (chain.isEmpty()) {
            return new SignatureCheck(source, "contract", Optional.of(c.owner()), SignatureStatus.UNVERIFIED,
                    "contract signature of " + EthAddresses.checksummed(c.owner()) + "; give --rpc to ask it (isValidSignature)");
        }
        // Ask the owner exactly what the Safe will ask it (checkNSignatures of each release): a
        // signature valid only under the other form would pass cordon and fail on chain.
        boolean ok = tx.version().atLeast(SafeVersion.V1_5_0)
                ? chain.get().isValidSignatureForHash(c.owner(), hash, c.signature())
                : chain.get().isValidSignatureForData(c.owner(), SafeHasher.transactionData(tx), c.signature());
        return new SignatureCheck(source, "contract", Optional.of(c.owner()),
                ok ? SignatureStatus.VALID : SignatureStatus.WRONG_TRANSACTION, ok
                        ? "contract " + EthAddresses.checksummed(c.owner()) + " accepts this transaction (isValidSignature)"
                        : "contract " + EthAddresses.checksummed(c.owner()) + " rejects this signature for this"
                        + " transaction: it was made for a different one, or is invalid");
    }

    private SignatureCheck approved(SafeSignature.ApprovedHash a, Optional<Address> claimed, String source) {
        if (!owners.isEmpty() && !owners.contains(a.owner())) {
            return new SignatureCheck(source, "approved_hash", Optional.of(a.owner()), SignatureStatus.NOT_OWNER,
                    EthAddresses.checksummed(a.owner()) + " is not an owner");
        }
        if (chain.isEmpty()) {
            return new SignatureCheck(source, "approved_hash", Optional.of(a.owner()), SignatureStatus.UNVERIFIED,
                    "pre-approved hash of " + EthAddresses.checksummed(a.owner()) + "; give --rpc to check approvedHashes");
        }
        boolean ok = chain.get().isHashApproved(tx.safe(), a.owner(), hash);
        return new SignatureCheck(source, "approved_hash", Optional.of(a.owner()),
                ok ? SignatureStatus.VALID : SignatureStatus.UNVERIFIED, ok
                        ? EthAddresses.checksummed(a.owner()) + " approved this hash on chain (approveHash)"
                        : EthAddresses.checksummed(a.owner()) + " has not approved this hash on chain; valid only if"
                        + " that owner executes the transaction");
    }

    /** The address whose key made this signature over {@code digest}, if any. */
    static Optional<Address> recover(SafeSignature.Ecdsa e, Bytes32 digest) {
        Bytes32 signed = e.ethSign() ? SafeHasher.eip191Hash(digest.bytes()) : digest;
        if (e.r().signum() == 0 || e.s().signum() == 0 || e.r().bitLength() > 256 || e.s().bitLength() > 256
                || e.r().compareTo(Sign.CURVE_PARAMS.getN()) >= 0 || e.s().compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
            return Optional.empty();
        }
        Sign.SignatureData sd = new Sign.SignatureData((byte) e.v(), word(e.r()), word(e.s()));
        try {
            BigInteger key = Sign.signedMessageHashToKey(signed.bytes(), sd);
            return Optional.of(EthAddresses.parse("0x" + Keys.getAddress(key), "recovered signer"));
        } catch (SignatureException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static byte[] word(BigInteger v) {
        byte[] out = new byte[32];
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }
}
