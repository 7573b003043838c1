package dev.cordon.signing.policy;

import dev.cordon.core.Address;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.decode.Arg;
import dev.cordon.signing.decode.CallKind;
import dev.cordon.signing.decode.CalldataDecoder;
import dev.cordon.signing.decode.DecodedCall;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that look beyond the calldata: gas refunds, the nonce against the chain and the
 * queue, counterparties against the address book and intelligence, approval sizes, and the
 * transaction's shape against the wallet's history.
 */
final class ContextChecks {
    private final PolicySettings settings;
    private final CounterpartyRisk risk;
    private final CalldataDecoder decoder;

    ContextChecks(PolicySettings settings, CounterpartyRisk risk, CalldataDecoder decoder) {
        this.settings = settings;
        this.risk = risk;
        this.decoder = decoder;
    }

    void run(SafeTransaction tx, Optional<DecodedCall> decoded, WalletContext ctx, SigningPolicy.Emitter out) {
        refund(tx, out);
        nonce(tx, ctx, out);
        if (decoded.isPresent()) {
            for (DecodedCall c : decoded.get().flatten()) {
                counterparties(tx, c, out);
                approval(c, out);
            }
            shape(decoded.get(), ctx, out);
        } else {
            riskOf(tx.to(), "tx", "target", out);
        }
    }

    private void refund(SafeTransaction tx, SigningPolicy.Emitter out) {
        if (tx.gasPrice().signum() != 0) {
            out.add(Check.GAS_REFUND, Severity.MEDIUM, "tx", "gasPrice is " + tx.gasPrice()
                    + ": the Safe pays the executor a refund of up to (safeTxGas + baseGas) x gasPrice");
        }
        if (!EthAddresses.isZero(tx.gasToken())) {
            out.add(Check.GAS_REFUND, Severity.MEDIUM, "tx", "the refund is paid in token "
                    + EthAddresses.checksummed(tx.gasToken()));
        }
        if (!EthAddresses.isZero(tx.refundReceiver())) {
            out.add(Check.GAS_REFUND, Severity.MEDIUM, "tx", "the refund goes to "
                    + EthAddresses.checksummed(tx.refundReceiver()) + " instead of the executor");
        }
        if (tx.baseGas().compareTo(settings.maxBaseGas()) > 0) {
            out.add(Check.GAS_REFUND, tx.gasPrice().signum() != 0 ? Severity.HIGH : Severity.LOW, "tx",
                    (tx.version().usesDataGas() ? "dataGas " : "baseGas ") + tx.baseGas() + " is above the policy's "
                            + settings.maxBaseGas());
        }
    }

    private void nonce(SafeTransaction tx, WalletContext ctx, SigningPolicy.Emitter out) {
        BigInteger n = tx.nonce();
        Bytes32 self = SigningPolicy.safeTxHash(tx);
        for (WalletContext.Queued q : ctx.queued()) {
            if (q.nonce().equals(n) && !q.safeTxHash().equals(self)) {
                out.add(Check.NONCE, Severity.HIGH, "tx", "nonce " + n + " is also used by queued transaction "
                        + q.safeTxHash().prefixed() + ": only one of them can execute; is this a replacement?");
            }
        }
        if (ctx.onChainNonce().isEmpty()) {
            return;
        }
        BigInteger chain = ctx.onChainNonce().get();
        int cmp = n.compareTo(chain);
        if (cmp < 0) {
            out.add(Check.NONCE, Severity.HIGH, "tx", "nonce " + n + " lags behind the on-chain nonce " + chain
                    + ": it was already used, so this transaction can never execute; why is it being signed?");
        } else if (cmp > 0) {
            Set<BigInteger> queuedNonces = new TreeSet<>();
            ctx.queued().forEach(q -> queuedNonces.add(q.nonce()));
            Set<BigInteger> missing = new LinkedHashSet<>();
            for (BigInteger i = chain; i.compareTo(n) < 0 && missing.size() < 5; i = i.add(BigInteger.ONE)) {
                if (!queuedNonces.contains(i)) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                out.add(Check.NONCE, Severity.MEDIUM, "tx", "nonce " + n + " skips ahead of the on-chain nonce "
                        + chain + " with no queued transaction for nonce " + missing
                        + ": it can only execute after those; a pre-signed transaction waiting to be used");
            }
        }
    }

    private void counterparties(SafeTransaction tx, DecodedCall c, SigningPolicy.Emitter out) {
        riskOf(c.to(), c.path(), "target", out);
        for (Arg a : c.args()) {
            if (a.value() instanceof Address addr) {
                riskOf(addr, c.path(), a.name(), out);
            }
        }
        if (settings.addressBook().isEmpty()) {
            return;
        }
        Optional<Address> who = recipient(c);
        if (who.isPresent() && !who.get().equals(tx.safe()) && !settings.addressBook().containsKey(who.get())) {
            out.add(Check.ADDRESS_BOOK, Severity.MEDIUM, c.path(), (c.kind().group() == CallKind.Group.APPROVAL
                    ? "approves " : "sends to ") + EthAddresses.checksummed(who.get()) + ", which is not in the address book");
        }
    }

    private void riskOf(Address a, String path, String role, SigningPolicy.Emitter out) {
        risk.assess(a).ifPresent(l -> out.add(Check.RISKY_COUNTERPARTY, l.severity(), path,
                role + " " + EthAddresses.checksummed(a) + " is labelled '" + l.label() + "' (" + l.source() + ")"));
    }

    /** Who receives value or an allowance in this call. */
    static Optional<Address> recipient(DecodedCall c) {
        return switch (c.kind()) {
            case NATIVE_TRANSFER -> Optional.of(c.to());
            case ERC20_TRANSFER, TRANSFER_FROM, ERC721_SAFE_TRANSFER, ERC1155_TRANSFER, ERC1155_BATCH_TRANSFER ->
                    c.address("to");
            case APPROVE, INCREASE_ALLOWANCE, PERMIT -> c.address("spender");
            case SET_APPROVAL_FOR_ALL -> c.address("operator");
            default -> Optional.empty();
        };
    }

    private void approval(DecodedCall c, SigningPolicy.Emitter out) {
        Optional<BigInteger> amount = switch (c.kind()) {
            case APPROVE -> c.uint("amountOrTokenId");
            case INCREASE_ALLOWANCE -> c.uint("addedValue");
            case PERMIT -> c.uint("value");
            default -> Optional.empty();
        };
        if (amount.isPresent() && amount.get().compareTo(settings.unlimitedApprovalAt()) >= 0) {
            out.add(Check.UNLIMITED_APPROVAL, Severity.MEDIUM, c.path(), "unlimited approval ("
                    + amount.get() + " base units) of token " + EthAddresses.checksummed(c.to()) + " to "
                    + recipient(c).map(EthAddresses::checksummed).orElse("?"));
        }
        if (c.kind() == CallKind.SET_APPROVAL_FOR_ALL && Boolean.TRUE.equals(c.arg("approved").map(Arg::value).orElse(false))) {
            out.add(Check.UNLIMITED_APPROVAL, Severity.MEDIUM, c.path(), "approves "
                    + recipient(c).map(EthAddresses::checksummed).orElse("?") + " for every token of collection "
                    + EthAddresses.checksummed(c.to()));
        }
    }

    private void shape(DecodedCall root, WalletContext ctx, SigningPolicy.Emitter out) {
        if (ctx.history().size() < settings.historyMinTransactions()) {
            return;
        }
        Set<String> seen = new TreeSet<>();
        for (SafeTransaction h : ctx.history()) {
            try {
                seen.addAll(SigningPolicy.shapes(decoder.decode(h)));
            } catch (DecodeException e) {
                seen.add("MALFORMED");
            }
        }
        Set<String> fresh = new TreeSet<>(SigningPolicy.shapes(root));
        fresh.removeAll(seen);
        if (!fresh.isEmpty()) {
            out.add(Check.UNUSUAL_SHAPE, Severity.MEDIUM, "tx", "this wallet has never made " + String.join(", ", fresh)
                    + " in its " + ctx.history().size() + " past transactions (it made only " + String.join(", ", seen) + ")");
        }
    }

}
