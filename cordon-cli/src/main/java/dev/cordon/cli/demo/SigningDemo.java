package dev.cordon.cli.demo;

import dev.cordon.cli.signing.ReviewView;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.Review;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.SigningGuard;
import dev.cordon.signing.deploy.SafeDeployments;
import dev.cordon.signing.policy.CounterpartyRisk;
import dev.cordon.signing.policy.PolicySettings;
import dev.cordon.signing.policy.SigningPolicy;
import java.math.BigInteger;
import java.util.Map;

/**
 * Replays, offline, the transaction Bybit's cold-wallet signers approved on 21 February 2025
 * (public facts: Safe 1.1.1 on Ethereum mainnet, nonce 71, a DELEGATECALL to the attacker's
 * contract disguised as an ERC-20 transfer) and shows the guard blocking it; then a plain
 * ETH transfer from the same Safe, which it allows.
 */
public final class SigningDemo implements DemoSection {
    static final String BYBIT_SAFE = "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4";
    static final String TROJAN = "0x96221423681A6d52E184D440a8eFCEbB105C7242";
    static final String BYBIT_DATA = "0xa9059cbb000000000000000000000000bdd077f651ebe7f7b3ce16fe5f2b025be2969516"
            + "0000000000000000000000000000000000000000000000000000000000000000";

    @Override
    public String key() {
        return "signing";
    }

    @Override
    public String title() {
        return "Signing guard: the Bybit transaction, replayed";
    }

    @Override
    public void run(DemoContext ctx) {
        SigningGuard guard = new SigningGuard(new SigningPolicy(PolicySettings.defaults(), SafeDeployments.bundled(),
                CounterpartyRisk.none()));
        Review attack = guard.review(bybit(), SigningGuard.Evidence.none());
        Review benign = guard.review(benign(), SigningGuard.Evidence.none());
        ctx.out().println("1) What Bybit's signers approved (their screens showed a routine transfer):");
        ctx.out().println();
        ReviewView.print(ctx.out(), attack);
        ctx.out().println();
        ctx.out().println("2) A plain 1 ETH transfer from the same Safe:");
        ctx.out().println();
        ReviewView.print(ctx.out(), benign);
        Map<String, Object> report = ctx.report();
        report.put("bybit", ReviewView.json(attack));
        report.put("benign", ReviewView.json(benign));
    }

    static SafeTransaction bybit() {
        return new SafeTransaction(EthAddresses.parse(BYBIT_SAFE), BigInteger.ONE, SafeVersion.V1_1_1,
                EthAddresses.parse(TROJAN), BigInteger.ZERO, HexData.parse(BYBIT_DATA, "data"), Operation.DELEGATECALL,
                BigInteger.valueOf(45746), BigInteger.ZERO, BigInteger.ZERO, EthAddresses.ZERO, EthAddresses.ZERO,
                BigInteger.valueOf(71));
    }

    static SafeTransaction benign() {
        return SafeTransaction.call(EthAddresses.parse(BYBIT_SAFE), 1, SafeVersion.V1_1_1,
                EthAddresses.parse("0xf89d7b9c864f589bbF53a82105107622B35EaA40"), BigInteger.TEN.pow(18),
                HexData.EMPTY, Operation.CALL, BigInteger.valueOf(71));
    }
}
