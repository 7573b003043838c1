package dev.cordon.signing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.ethereum.rpc.BlockTag;
import dev.cordon.ethereum.rpc.CallRequest;
import dev.cordon.ethereum.rpc.Quantities;
import dev.cordon.ethereum.rpc.Receipt;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Deploys and drives real Safe contracts (the npm artifacts installed by {@code .ci/install-tools})
 * on an {@link AnvilNode}: singletons and proxies of each version, {@code setup}, signing with
 * owner keys, {@code execTransaction}. Shared by the integration tests of cordon-signing and
 * cordon-cli through this module's test-jar.
 */
public final class SafeFixtures {
    public static final String V100 = "gnosis-safe-contracts-1.0.0/build/contracts/";
    public static final String V111 = "gnosis-safe-contracts-1.1.1/build/contracts/";
    public static final String V120 = "gnosis-safe-contracts-1.2.0/build/contracts/";
    public static final String V130 = "gnosis-safe-contracts-1.3.0/build/artifacts/contracts/";
    public static final String V141 = "@safe-global/safe-contracts/build/artifacts/contracts/";
    public static final String V150 = "@safe-global/safe-smart-account/build/artifacts/contracts/";
    /** Safe 1.3.0's fallback handler, which answers EIP-1271 {@code isValidSignature} for the Safe. */
    public static final String HANDLER_130 = V130 + "handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json";
    /** The canonical mainnet singleton of Safe 1.1.1. */
    public static final Address CANONICAL_111 = EthAddresses.parse("0x34CfAC646f301356fAa8B21e94227e3583Fe3F5F");

    private final AnvilNode node;
    private final Address sender;
    private final List<ECKeyPair> owners;

    /**
     * @param owners number of owner keys, drawn from {@code rnd} and sorted by address (as the Safe
     *               wants signatures ordered)
     */
    public SafeFixtures(AnvilNode node, Random rnd, int owners) {
        this.node = node;
        this.sender = Quantities.address(node.rpc().client().call("eth_accounts").get(0), "eth_accounts[0]");
        List<ECKeyPair> keys = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            keys.add(ECKeyPair.create(new BigInteger(250, rnd).add(BigInteger.ONE)));
        }
        keys.sort(Comparator.comparing(Keys::getAddress));
        this.owners = List.copyOf(keys);
    }

    public AnvilNode node() {
        return node;
    }

    public List<ECKeyPair> keys() {
        return owners;
    }

    public ECKeyPair key(int i) {
        return owners.get(i);
    }

    public List<Address> ownerAddresses() {
        return owners.stream().map(SafeFixtures::address).toList();
    }

    public static Address address(ECKeyPair key) {
        return EthAddresses.parse("0x" + Keys.getAddress(key));
    }

    /** The singleton artifact of a version cordon can deploy from npm. */
    public static String singletonArtifact(SafeVersion v) {
        return switch (v) {
            case V1_0_0 -> V100 + "GnosisSafe.json";
            case V1_1_1 -> V111 + "GnosisSafe.json";
            case V1_2_0 -> V120 + "GnosisSafe.json";
            case V1_3_0 -> V130 + "GnosisSafe.sol/GnosisSafe.json";
            case V1_4_1 -> V141 + "Safe.sol/Safe.json";
            case V1_5_0 -> V150 + "Safe.sol/Safe.json";
            default -> throw new IllegalArgumentException("no npm artifact of Safe " + v);
        };
    }

    public static String proxyArtifact(SafeVersion v) {
        return switch (v) {
            case V1_0_0 -> V100 + "Proxy.json";
            case V1_1_1 -> V111 + "Proxy.json";
            case V1_2_0 -> V120 + "GnosisSafeProxy.json";
            case V1_3_0 -> V130 + "proxies/GnosisSafeProxy.sol/GnosisSafeProxy.json";
            case V1_4_1 -> V141 + "proxies/SafeProxy.sol/SafeProxy.json";
            case V1_5_0 -> V150 + "proxies/SafeProxy.sol/SafeProxy.json";
            default -> throw new IllegalArgumentException("no npm artifact of Safe " + v);
        };
    }

    /** A new Safe of version {@code v} owned by all fixture keys. */
    public Address newSafe(SafeVersion v, int threshold) throws IOException {
        return newSafe(v, ownerAddresses(), threshold, EthAddresses.ZERO);
    }

    /** A new Safe (fresh singleton and proxy) with the given owners and fallback handler. */
    public Address newSafe(SafeVersion v, List<Address> safeOwners, int threshold, Address fallbackHandler)
            throws IOException {
        Address master = deploy(TestTools.bytecode(singletonArtifact(v)));
        Address safe = proxy(proxyArtifact(v), master);
        setup(safe, v, safeOwners, threshold, fallbackHandler);
        return safe;
    }

    /**
     * A funded (10 ETH) 2-of-3 Safe 1.1.1 whose proxy points at the canonical mainnet singleton
     * address, where the npm artifact's runtime code is placed; the node must run with chain id 1.
     * The Bybit cold wallet's shape.
     */
    public Address canonical111Safe() throws IOException {
        byte[] runtime = TestTools.deployedBytecode(singletonArtifact(SafeVersion.V1_1_1));
        node.rpc().client().call("anvil_setCode", CANONICAL_111.value(), HexData.of(runtime).hex());
        Address safe = proxy(proxyArtifact(SafeVersion.V1_1_1), CANONICAL_111);
        setup(safe, SafeVersion.V1_1_1, ownerAddresses().subList(0, 3), 2, EthAddresses.ZERO);
        send(Optional.of(safe), HexData.EMPTY, BigInteger.TEN.pow(19));
        return safe;
    }

    public Address proxy(String artifact, Address master) throws IOException {
        byte[] code = TestTools.bytecode(artifact);
        String arg = TypeEncoder.encode(new org.web3j.abi.datatypes.Address(master.value()));
        return deploy(concat(code, Hex.decode(arg, "arg")));
    }

    /** Calls {@code setup} (1.0.0 has no fallback handler parameter). */
    public void setup(Address safe, SafeVersion v, List<Address> safeOwners, int threshold, Address fallbackHandler) {
        List<Type> args = new ArrayList<>();
        args.add(new DynamicArray<>(org.web3j.abi.datatypes.Address.class,
                safeOwners.stream().map(a -> new org.web3j.abi.datatypes.Address(a.value())).toList()));
        args.add(new Uint256(threshold));
        args.add(abiAddress(EthAddresses.ZERO));
        args.add(new DynamicBytes(new byte[0]));
        if (v.atLeast(SafeVersion.V1_1_0)) {
            args.add(abiAddress(fallbackHandler));
        }
        args.add(abiAddress(EthAddresses.ZERO));
        args.add(new Uint256(0));
        args.add(abiAddress(EthAddresses.ZERO));
        Receipt r = send(Optional.of(safe), HexData.parse(FunctionEncoder.encode(new Function("setup", args, List.of())),
                "setup"), BigInteger.ZERO);
        assertThat(r.success()).as("setup of " + safe).isTrue();
    }

    /** Sends {@code execTransaction} from the node's first account. */
    public Receipt execute(SafeTransaction tx, byte[] sigs) {
        Function f = new Function("execTransaction", List.<Type>of(abiAddress(tx.to()),
                new Uint256(tx.value()), new DynamicBytes(tx.data().bytes()), new Uint8(tx.operation().code()),
                new Uint256(tx.safeTxGas()), new Uint256(tx.baseGas()), new Uint256(tx.gasPrice()),
                abiAddress(tx.gasToken()), abiAddress(tx.refundReceiver()), new DynamicBytes(sigs)), List.of());
        return send(Optional.of(tx.safe()), HexData.parse(FunctionEncoder.encode(f), "exec"), BigInteger.ZERO);
    }

    /** EIP-712 ECDSA signatures of the transaction's safeTxHash, concatenated in the given key order. */
    public static byte[] sign(SafeTransaction tx, ECKeyPair... keys) {
        return signHash(SafeHasher.hash(tx).signedHash(), keys);
    }

    /** ECDSA signatures (65 bytes each, r ‖ s ‖ v) of a 32-byte digest. */
    public static byte[] signHash(Bytes32 h, ECKeyPair... keys) {
        byte[] out = new byte[0];
        for (ECKeyPair k : keys) {
            Sign.SignatureData sd = Sign.signMessage(h.bytes(), k, false);
            out = concat(out, concat(concat(sd.getR(), sd.getS()), sd.getV()));
        }
        return out;
    }

    /** One owner's entry in a Safe {@code signatures} byte string. */
    public record SigPart(Address owner, byte[] fixed, byte[] dynamic) {
        /** An EIP-712 ECDSA signature of {@code hash} by {@code key}. */
        public static SigPart ecdsa(ECKeyPair key, Bytes32 hash) {
            return new SigPart(address(key), signHash(hash, key), null);
        }

        /** A pre-approved hash ({@code v = 1}, {@code r} = owner): the owner called {@code approveHash}. */
        public static SigPart approved(Address owner) {
            byte[] b = new byte[65];
            System.arraycopy(EthAddresses.toBytes(owner), 0, b, 12, 20);
            b[64] = 1;
            return new SigPart(owner, b, null);
        }

        /** An EIP-1271 contract signature ({@code v = 0}): {@code data} is passed to the owner's isValidSignature. */
        public static SigPart contract(Address owner, byte[] data) {
            return new SigPart(owner, null, data);
        }
    }

    /** Lays out signatures as {@code checkSignatures} reads them: sorted by owner, dynamic parts after the 65-byte slots. */
    public static byte[] pack(List<SigPart> parts) {
        List<SigPart> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparing(p -> new BigInteger(1, EthAddresses.toBytes(p.owner()))));
        byte[] fixed = new byte[0];
        byte[] dynamic = new byte[0];
        for (SigPart p : sorted) {
            if (p.fixed() != null) {
                fixed = concat(fixed, p.fixed());
                continue;
            }
            byte[] slot = new byte[65];
            System.arraycopy(EthAddresses.toBytes(p.owner()), 0, slot, 12, 20);
            byte[] offset = Hex.decode(TypeEncoder.encode(new Uint256(65L * sorted.size() + dynamic.length)), "offset");
            System.arraycopy(offset, 0, slot, 32, 32);
            fixed = concat(fixed, slot);
            byte[] len = Hex.decode(TypeEncoder.encode(new Uint256(p.dynamic().length)), "length");
            dynamic = concat(dynamic, concat(len, p.dynamic()));
        }
        return concat(fixed, dynamic);
    }

    public Address deploy(byte[] code) {
        Receipt r = send(Optional.empty(), HexData.of(code), BigInteger.ZERO);
        assertThat(r.success()).as("deployment").isTrue();
        return r.contractAddress().orElseThrow();
    }

    /** Sends a transaction from the node's first (unlocked) account and waits for its receipt. */
    public Receipt send(Optional<Address> to, HexData data, BigInteger value) {
        Bytes32 h = node.rpc().sendTransaction(CallRequest.send(sender, to, value, data)
                .withGas(BigInteger.valueOf(15_000_000)));
        for (int i = 0; i < 200; i++) {
            Optional<Receipt> r = node.rpc().getTransactionReceipt(h);
            if (r.isPresent()) {
                return r.get();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no receipt for " + h.prefixed());
    }

    /** An eth_call returning raw bytes. */
    public HexData call(Address to, Function f) {
        return node.rpc().call(CallRequest.call(to, HexData.parse(FunctionEncoder.encode(f), "call")), BlockTag.LATEST);
    }

    public BigInteger balance(Address a) {
        return Quantities.quantity(node.rpc().client().call("eth_getBalance", a.value(), BlockTag.LATEST.value()), "balance");
    }

    public static org.web3j.abi.datatypes.Address abiAddress(Address a) {
        return new org.web3j.abi.datatypes.Address(a.value());
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
