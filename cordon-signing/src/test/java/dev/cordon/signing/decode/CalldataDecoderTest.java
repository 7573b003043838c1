package dev.cordon.signing.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.deploy.SafeDeployments;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

class CalldataDecoderTest {
    static final Address SAFE = EthAddresses.parse("0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4");
    static final Address MULTISEND_130 = EthAddresses.parse("0xA238CBeb142c10Ef7Ad8442C6D1f9E89e07e7761");
    static final Address CALL_ONLY_130 = EthAddresses.parse("0x40A2aCCbd92BCA938b02010E17A5b8929b49130D");
    static final Address ALICE = EthAddresses.parse("0x00000000000000000000000000000000000a11ce");
    static final Address TOKEN = EthAddresses.parse("0xdAC17F958D2ee523a2206206994597C13D831ec7");
    final CalldataDecoder decoder = new CalldataDecoder(SafeDeployments.bundled());

    static String fn(String name, Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.value());
    }

    static SafeTransaction tx(Address to, String data, Operation op, SafeVersion v) {
        return SafeTransaction.call(SAFE, 1, v, to, BigInteger.ZERO, HexData.parse(data, "data"), op, BigInteger.ONE);
    }

    static byte[] entry(int op, Address to, BigInteger value, byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(op);
        o.writeBytes(EthAddresses.toBytes(to));
        o.writeBytes(word(value));
        o.writeBytes(word(BigInteger.valueOf(data.length)));
        o.writeBytes(data);
        return o.toByteArray();
    }

    static byte[] word(BigInteger v) {
        byte[] w = new byte[32];
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, w, 32 - n, n);
        return w;
    }

    static String multiSend(byte[]... entries) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            o.writeBytes(e);
        }
        return fn("multiSend", new DynamicBytes(o.toByteArray()));
    }

    @Test
    void decode_erc20Transfer_namesRecipientAndAmount() {
        DecodedCall c = decoder.decode(tx(TOKEN, fn("transfer", addr(ALICE), new Uint256(5)), Operation.CALL, SafeVersion.V1_3_0));
        assertThat(c.kind()).isEqualTo(CallKind.ERC20_TRANSFER);
        assertThat(c.address("to")).contains(ALICE);
        assertThat(c.uint("amount")).contains(BigInteger.valueOf(5));
        assertThat(c.selector()).isEqualTo("0xa9059cbb");
    }

    @Test
    void selectors_derivedFromSignatures_matchKnownValues() {
        assertThat(FunctionTable.selectorOf("transfer(address,uint256)")).isEqualTo("0xa9059cbb");
        assertThat(FunctionTable.selectorOf("approve(address,uint256)")).isEqualTo("0x095ea7b3");
        assertThat(FunctionTable.selectorOf("multiSend(bytes)")).isEqualTo("0x8d80ff0a");
        assertThat(FunctionTable.selectorOf("changeMasterCopy(address)")).isEqualTo("0x7de7edef");
        assertThat(FunctionTable.selectorOf("addOwnerWithThreshold(address,uint256)")).isEqualTo("0x0d582f13");
        assertThat(FunctionTable.selectorOf("setGuard(address)")).isEqualTo("0xe19a9dd9");
        assertThat(FunctionTable.selectorOf("approveHash(bytes32)")).isEqualTo("0xd4d9bdcd");
        assertThat(FunctionTable.selectorOf("setFallbackHandler(address)")).isEqualTo("0xf08a0323");
    }

    @Test
    void decode_multiSendBatch_decodesEachEntryAndMarksCanonicalLibrary() {
        byte[] t = Hex.decode(fn("transfer", addr(ALICE), new Uint256(7)), "t");
        byte[] own = Hex.decode(fn("changeThreshold", new Uint256(1)), "o");
        String data = multiSend(entry(0, TOKEN, BigInteger.ZERO, t), entry(0, SAFE, BigInteger.ZERO, own),
                entry(0, ALICE, BigInteger.TEN, new byte[0]));
        DecodedCall c = decoder.decode(tx(MULTISEND_130, data, Operation.DELEGATECALL, SafeVersion.V1_3_0));
        assertThat(c.kind()).isEqualTo(CallKind.MULTI_SEND);
        assertThat(c.knownAs()).hasValueSatisfying(k -> assertThat(k).contains("MultiSend 1.3.0"));
        assertThat(c.inner()).extracting(DecodedCall::kind)
                .containsExactly(CallKind.ERC20_TRANSFER, CallKind.CHANGE_THRESHOLD, CallKind.NATIVE_TRANSFER);
        assertThat(c.inner().get(1).selfCall()).isTrue();
        assertThat(c.inner().get(2).path()).isEqualTo("tx.batch[2]");
    }

    @Test
    void decode_nestedBatch_recurses() {
        byte[] inner = Hex.decode(multiSend(entry(0, ALICE, BigInteger.ONE, new byte[0])), "i");
        String outer = multiSend(entry(1, MULTISEND_130, BigInteger.ZERO, inner));
        DecodedCall c = decoder.decode(tx(MULTISEND_130, outer, Operation.DELEGATECALL, SafeVersion.V1_3_0));
        assertThat(c.flatten()).extracting(DecodedCall::kind)
                .containsExactly(CallKind.MULTI_SEND, CallKind.MULTI_SEND, CallKind.NATIVE_TRANSFER);
    }

    @Test
    void decode_zeroToInBatch_isTheSafeOnlyFromMultiSend150() {
        byte[] own = Hex.decode(fn("changeThreshold", new Uint256(2)), "o");
        String data = multiSend(entry(0, EthAddresses.ZERO, BigInteger.ZERO, own));
        DecodedCall old = decoder.decode(tx(MULTISEND_130, data, Operation.DELEGATECALL, SafeVersion.V1_3_0));
        assertThat(old.inner().get(0).to()).isEqualTo(EthAddresses.ZERO);
        var ms150 = SafeDeployments.bundled().all().stream()
                .filter(d -> d.key().equals("multi_send") && d.version().equals("1.5.0") && d.onChain(1)).findFirst();
        assertThat(ms150).isPresent();
        DecodedCall v150 = decoder.decode(tx(ms150.get().address(), data, Operation.DELEGATECALL, SafeVersion.V1_5_0));
        assertThat(v150.inner().get(0).to()).isEqualTo(SAFE);
        assertThat(v150.inner().get(0).selfCall()).isTrue();
    }

    @Test
    void decode_callOnlyWithDelegatecallEntry_isNoted() {
        String data = multiSend(entry(1, ALICE, BigInteger.ZERO, new byte[0]));
        DecodedCall c = decoder.decode(tx(CALL_ONLY_130, data, Operation.DELEGATECALL, SafeVersion.V1_3_0));
        assertThat(c.inner().get(0).notes()).anyMatch(n -> n.contains("MultiSendCallOnly reverts"));
    }

    @Test
    void decode_batchWhoseLengthLies_failsNamingTheEntryAndField() {
        byte[] e = entry(0, ALICE, BigInteger.ZERO, new byte[4]);
        e[53 + 31] = 100; // claims 100 bytes of data, has 4
        String data = multiSend(e);
        assertThatThrownBy(() -> decoder.decode(tx(MULTISEND_130, data, Operation.DELEGATECALL, SafeVersion.V1_3_0)))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("tx.batch[0].dataLength")
                .hasMessageContaining("runs past the end of the batch");
    }

    @Test
    void decode_dirtyAddressPadding_isRejected() {
        String data = "0xa9059cbb" + "ff" + "0".repeat(22) + ALICE.value().substring(2) + "0".repeat(64);
        assertThatThrownBy(() -> decoder.decode(tx(TOKEN, data, Operation.CALL, SafeVersion.V1_3_0)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("to is not a valid address");
    }

    @Test
    void decode_unknownSelector_keptRaw() {
        DecodedCall c = decoder.decode(tx(TOKEN, "0xdeadbeef00", Operation.CALL, SafeVersion.V1_3_0));
        assertThat(c.kind()).isEqualTo(CallKind.UNKNOWN);
        assertThat(c.summary()).contains("0xdeadbeef");
    }

    @Test
    void decode_fuzzedCalldata_onlyThrowsDecodeException() {
        long seed = System.nanoTime();
        System.out.println("CalldataDecoderTest fuzz seed " + seed);
        Random rnd = new Random(seed);
        byte[] t = Hex.decode(fn("transfer", addr(ALICE), new Uint256(7)), "t");
        byte[] valid = Hex.decode(multiSend(entry(0, TOKEN, BigInteger.ZERO, t), entry(1, MULTISEND_130, BigInteger.ZERO,
                Hex.decode(multiSend(entry(0, ALICE, BigInteger.ONE, new byte[0])), "n"))), "v");
        String[] seeds = {
            Hex.encode(valid),
            fn("safeBatchTransferFrom", addr(SAFE), addr(ALICE), new org.web3j.abi.datatypes.DynamicArray<>(Uint256.class,
                    List.of(new Uint256(1))), new org.web3j.abi.datatypes.DynamicArray<>(Uint256.class, List.of(new Uint256(2))),
                    new DynamicBytes(new byte[3])).substring(2),
        };
        for (int i = 0; i < 20_000; i++) {
            byte[] d = Hex.decode(seeds[i % seeds.length], "seed");
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                switch (rnd.nextInt(4)) {
                    case 0 -> d[rnd.nextInt(d.length)] = (byte) rnd.nextInt(256);
                    case 1 -> d = java.util.Arrays.copyOf(d, rnd.nextInt(d.length + 1));
                    case 2 -> d[rnd.nextInt(d.length)] = (byte) 0xff;
                    default -> d = java.util.Arrays.copyOf(d, d.length + rnd.nextInt(40));
                }
                if (d.length == 0) {
                    break;
                }
            }
            try {
                decoder.decode(tx(MULTISEND_130, "0x" + Hex.encode(d), Operation.DELEGATECALL, SafeVersion.V1_5_0));
            } catch (DecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
