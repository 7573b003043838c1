package dev.cordon.signing.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.deploy.SafeDeployments;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

class SigningPolicyTest {
    static final Address SAFE = EthAddresses.parse("0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4");
    static final Address TROJAN = EthAddresses.parse("0x96221423681A6d52E184D440a8eFCEbB105C7242");
    static final Address BACKDOOR = EthAddresses.parse("0xbDd077f651EBe7f7b3cE16fe5F2b025BE2969516");
    static final Address ALICE = EthAddresses.parse("0x00000000000000000000000000000000000a11ce");
    static final Address TOKEN = EthAddresses.parse("0xdAC17F958D2ee523a2206206994597C13D831ec7");

    static String fn(String name, Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    static org.web3j.abi.datatypes.Address a(Address x) {
        return new org.web3j.abi.datatypes.Address(x.value());
    }

    static SafeTransaction tx(Address to, BigInteger value, String data, Operation op, long nonce) {
        return SafeTransaction.call(SAFE, 1, SafeVersion.V1_1_1, to, value, HexData.parse(data, "data"), op,
                BigInteger.valueOf(nonce));
    }

    static SigningPolicy policy(PolicySettings s, CounterpartyRisk r) {
        return new SigningPolicy(s, SafeDeployments.bundled(), r);
    }

    final SigningPolicy defaults = policy(PolicySettings.defaults(), CounterpartyRisk.none());

    @Test
    void evaluate_bybitTransaction_blockedAsCritical() {
        PolicyResult r = defaults.evaluate(tx(TROJAN, BigInteger.ZERO, fn("transfer", a(BACKDOOR), new Uint256(0)),
                Operation.DELEGATECALL, 71), WalletContext.offline());
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.reasons().get(0).check()).isEqualTo(Check.DELEGATECALL);
        assertThat(r.reasons().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.reasons().get(0).message()).contains("Bybit attack shape");
    }

    @Test
    void evaluate_plainEthTransfer_allowed() {
        PolicyResult r = defaults.evaluate(tx(ALICE, BigInteger.TEN, "0x", Operation.CALL, 71), WalletContext.offline());
        assertThat(r.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void evaluate_delegatecallToCanonicalMultiSend_allowedButInnerCallsChecked() {
        Address ms = EthAddresses.parse("0x8D29bE29923b68abfDD21e541b9374737B49cdAD"); // MultiSend 1.1.1
        byte[] entry = new byte[85];
        System.arraycopy(EthAddresses.toBytes(SAFE), 0, entry, 1, 20);
        String inner = fn("changeThreshold", new Uint256(1)).substring(2);
        byte[] data = dev.cordon.core.Hex.decode(inner, "x");
        entry[84] = (byte) data.length;
        byte[] all = new byte[85 + data.length];
        System.arraycopy(entry, 0, all, 0, 85);
        System.arraycopy(data, 0, all, 85, data.length);
        String batch = fn("multiSend", new org.web3j.abi.datatypes.DynamicBytes(all));
        PolicyResult r = defaults.evaluate(tx(ms, BigInteger.ZERO, batch, Operation.DELEGATECALL, 71), WalletContext.offline());
        assertThat(r.has(Check.DELEGATECALL)).isFalse();
        assertThat(r.has(Check.THRESHOLD_CHANGE)).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void evaluate_configChanges_flagged() {
        assertThat(defaults.evaluate(tx(SAFE, BigInteger.ZERO, fn("addOwnerWithThreshold", a(ALICE), new Uint256(2)),
                Operation.CALL, 1), WalletContext.offline()).has(Check.OWNER_CHANGE)).isTrue();
        assertThat(defaults.evaluate(tx(SAFE, BigInteger.ZERO, fn("enableModule", a(ALICE)), Operation.CALL, 1),
                WalletContext.offline()).has(Check.MODULE_CHANGE)).isTrue();
        assertThat(defaults.evaluate(tx(SAFE, BigInteger.ZERO, fn("setFallbackHandler", a(ALICE)), Operation.CALL, 1),
                WalletContext.offline()).has(Check.FALLBACK_HANDLER_CHANGE)).isTrue();
        PolicyResult mc = defaults.evaluate(tx(SAFE, BigInteger.ZERO, fn("changeMasterCopy", a(BACKDOOR)),
                Operation.CALL, 1), WalletContext.offline());
        assertThat(mc.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(mc.has(Check.UNKNOWN_MASTER_COPY)).isTrue();
        PolicyResult canonical = defaults.evaluate(tx(SAFE, BigInteger.ZERO,
                fn("changeMasterCopy", a(EthAddresses.parse("0xd9Db270c1B5E3Bd161E8c8503c55cEABeE709552"))),
                Operation.CALL, 1), WalletContext.offline());
        assertThat(canonical.has(Check.MASTER_COPY_CHANGE)).isTrue();
        assertThat(canonical.verdict()).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void evaluate_refundNonceBookApprovalAndRisk_flagged() {
        SafeTransaction refund = new SafeTransaction(SAFE, BigInteger.ONE, SafeVersion.V1_3_0, ALICE, BigInteger.ONE,
                HexData.EMPTY, Operation.CALL, BigInteger.ZERO, BigInteger.valueOf(500_000), BigInteger.ONE, TOKEN, ALICE,
                BigInteger.valueOf(5));
        assertThat(defaults.evaluate(refund, WalletContext.offline()).reasons())
                .filteredOn(r -> r.check() == Check.GAS_REFUND).hasSize(4);
        WalletContext chain = new WalletContext(Optional.of(BigInteger.valueOf(3)), Set.of(), OptionalInt.empty(),
                List.of(), List.of(), Optional.empty());
        assertThat(defaults.evaluate(tx(ALICE, BigInteger.ONE, "0x", Operation.CALL, 2), chain).reasons())
                .anyMatch(r -> r.message().contains("lags behind"));
        assertThat(defaults.evaluate(tx(ALICE, BigInteger.ONE, "0x", Operation.CALL, 9), chain).reasons())
                .anyMatch(r -> r.message().contains("skips ahead"));
        PolicySettings book = PolicyLoader.parse("address_book: [\"" + TOKEN.value() + "\"]", Path.of("."));
        PolicyResult approval = policy(book, CounterpartyRisk.none()).evaluate(tx(TOKEN, BigInteger.ZERO,
                fn("approve", a(ALICE), new Uint256(SafeTransaction.UINT256_MAX)), Operation.CALL, 1), WalletContext.offline());
        assertThat(approval.has(Check.ADDRESS_BOOK)).isTrue();
        assertThat(approval.has(Check.UNLIMITED_APPROVAL)).isTrue();
        CounterpartyRisk risk = AddressListRisk.parse(List.of("# test", ALICE.value() + ", Lazarus test label"), "list.txt");
        PolicyResult risky = policy(PolicySettings.defaults(), risk).evaluate(tx(TOKEN, BigInteger.ZERO,
                fn("transfer", a(ALICE), new Uint256(1)), Operation.CALL, 1), WalletContext.offline());
        assertThat(risky.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(risky.reasons().get(0).message()).contains("Lazarus test label");
    }

    @Test
    void evaluate_shapeNeverSeenInHistory_flagged() {
        List<SafeTransaction> history = List.of(tx(ALICE, BigInteger.ONE, "0x", Operation.CALL, 1),
                tx(TOKEN, BigInteger.ZERO, fn("transfer", a(ALICE), new Uint256(1)), Operation.CALL, 2),
                tx(ALICE, BigInteger.TEN, "0x", Operation.CALL, 3));
        WalletContext ctx = WalletContext.offline().withHistory(history, List.of());
        PolicyResult plain = defaults.evaluate(tx(ALICE, BigInteger.TWO, "0x", Operation.CALL, 4), ctx);
        assertThat(plain.has(Check.UNUSUAL_SHAPE)).isFalse();
        PolicyResult bybit = defaults.evaluate(tx(TROJAN, BigInteger.ZERO, fn("transfer", a(BACKDOOR), new Uint256(0)),
                Operation.DELEGATECALL, 4), ctx);
        assertThat(bybit.has(Check.UNUSUAL_SHAPE)).isTrue();
    }

    @Test
    void policyLoader_validatesKeysAndValues() {
        assertThatThrownBy(() -> PolicyLoader.parse("adress_book: []", null)).isInstanceOf(CordonException.class)
                .hasMessageContaining("unknown setting 'adress_book'");
        assertThatThrownBy(() -> PolicyLoader.parse("checks: {owner_change: maybe}", null))
                .hasMessageContaining("checks.owner_change");
        assertThatThrownBy(() -> PolicyLoader.parse("max_base_gas: -1", null)).hasMessageContaining("max_base_gas");
        assertThatThrownBy(() -> PolicyLoader.parse("safe: \"0x1db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4\"", null))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> PolicyLoader.parse("safe: 0x1db92e2eebc8e0c075a02bea49a2935bcd2dfcf4", null))
                .hasMessageContaining("write it in quotes");
        PolicySettings s = PolicyLoader.parse("checks: {owner_change: block}\nmax_base_gas: 0", null);
        assertThat(s.verdictOf(Check.OWNER_CHANGE)).isEqualTo(Verdict.BLOCK);
        assertThat(s.verdictOf(Check.DELEGATECALL)).isEqualTo(Verdict.BLOCK);
        assertThat(PolicyLoader.parse("", null)).isEqualTo(PolicySettings.defaults());
    }

    @Test
    void evaluate_policyForAnotherSafe_refused() {
        PolicySettings other = PolicyLoader.parse("safe: \"" + ALICE.value() + "\"", null);
        assertThatThrownBy(() -> policy(other, CounterpartyRisk.none()).evaluate(tx(ALICE, BigInteger.ONE, "0x",
                Operation.CALL, 1), WalletContext.offline())).hasMessageContaining("the policy is for Safe");
    }
}
