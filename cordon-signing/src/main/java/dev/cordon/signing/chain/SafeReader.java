package dev.cordon.signing.chain;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.ethereum.rpc.BlockTag;
import dev.cordon.ethereum.rpc.CallRequest;
import dev.cordon.ethereum.rpc.EthRpc;
import dev.cordon.ethereum.rpc.JsonRpcException;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.decode.FunctionTable;
import dev.cordon.signing.internal.AbiReader;
import dev.cordon.signing.sig.OnChainSignatures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Reads a Safe's configuration and signature state over JSON-RPC. Storage slots are derived
 * from the Safe contracts' slot names ({@code keccak256("guard_manager.guard.address")} etc.).
 */
public final class SafeReader implements OnChainSignatures {
    /** Slot of the transaction guard (GuardManager, Safe 1.3.0+). */
    public static final Bytes32 GUARD_SLOT = slot("guard_manager.guard.address");
    /** Slot of the fallback handler (FallbackManager, Safe 1.1.0+). */
    public static final Bytes32 FALLBACK_HANDLER_SLOT = slot("fallback_manager.handler.address");
    /** Slot of the module guard (ModuleManager, Safe 1.5.0). */
    public static final Bytes32 MODULE_GUARD_SLOT = slot("module_manager.module_guard.address");
    private static final Address SENTINEL = EthAddresses.fromBytes(sentinel());
    private static final String EIP1271_MAGIC = "0x1626ba7e";
    private static final String LEGACY_EIP1271_MAGIC = "0x20c13b0b";

    private final EthRpc rpc;
    private final BlockTag block;

    public SafeReader(EthRpc rpc) {
        this(rpc, BlockTag.LATEST);
    }

    public SafeReader(EthRpc rpc, BlockTag block) {
        this.rpc = rpc;
        this.block = block;
    }

    public EthRpc rpc() {
        return rpc;
    }

    /**
     * Reads the configuration. Getter failures are recorded, not thrown: a Safe whose master copy
     * was replaced must still be auditable.
     *
     * @throws CordonException with USAGE when the address has no code (not a Safe), REMOTE when the node fails
     */
    public SafeState read(Address safe) {
        long chainId = rpc.chainId();
        if (rpc.getCode(safe, block).isEmpty()) {
            throw new CordonException(ErrorCode.USAGE, EthAddresses.checksummed(safe) + " has no code on chain "
                    + chainId + ": it is not a Safe (or the wrong chain)");
        }
        List<String> errors = new ArrayList<>();
        Address master = wordAddress(rpc.getStorageAt(safe, BigInteger.ZERO, block));
        Optional<String> versionText = attempt(errors, "VERSION()", () -> string(call(safe, "VERSION()")));
        Optional<SafeVersion> version = versionText.flatMap(t -> attempt(errors, "version", () -> SafeVersion.parse(t)));
        List<Address> owners = attempt(errors, "getOwners()", () -> addresses(call(safe, "getOwners()"), 0))
                .orElse(List.of());
        OptionalInt threshold = attempt(errors, "getThreshold()", () -> uint(call(safe, "getThreshold()")))
                .map(t -> OptionalInt.of(t.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue())).orElse(OptionalInt.empty());
        Optional<BigInteger> nonce = attempt(errors, "nonce()", () -> uint(call(safe, "nonce()")));
        List<Address> modules = attempt(errors, "modules", () -> modules(safe, version)).orElse(List.of());
        boolean guards = version.map(SafeVersion::supportsGuard).orElse(false);
        Optional<Address> guard = guards ? nonZero(rpc.getStorageAt(safe, slotNumber(GUARD_SLOT), block)) : Optional.empty();
        Optional<Address> moduleGuard = version.map(SafeVersion::supportsModuleGuard).orElse(false)
                ? nonZero(rpc.getStorageAt(safe, slotNumber(MODULE_GUARD_SLOT), block)) : Optional.empty();
        Optional<Address> handler = nonZero(rpc.getStorageAt(safe, slotNumber(FALLBACK_HANDLER_SLOT), block));
        Set<Address> contractOwners = new HashSet<>();
        for (Address o : owners) {
            if (!rpc.getCode(o, block).isEmpty()) {
                contractOwners.add(o);
            }
        }
        return new SafeState(safe, chainId, master, versionText, version, owners, threshold, nonce, modules, guard,
                moduleGuard, handler, contractOwners, errors);
    }

    /** The Safe's own {@code getTransactionHash} of a transaction (to cross-check cordon's computation). */
    public Bytes32 getTransactionHash(SafeTransaction tx) {
        Function f = new Function("getTransactionHash", List.<Type>of(
                new org.web3j.abi.datatypes.Address(tx.to().value()), new Uint256(tx.value()),
                new DynamicBytes(tx.data().bytes()), new Uint8(tx.operation().code()), new Uint256(tx.safeTxGas()),
                new Uint256(tx.baseGas()), new Uint256(tx.gasPrice()),
                new org.web3j.abi.datatypes.Address(tx.gasToken().value()),
                new org.web3j.abi.datatypes.Address(tx.refundReceiver().value()), new Uint256(tx.nonce())), List.of());
        HexData r = rpc.call(CallRequest.call(tx.safe(), HexData.parse(FunctionEncoder.encode(f), "call")), block);
        if (r.length() != 32) {
            throw new CordonException(ErrorCode.REMOTE, "getTransactionHash returned " + r.length() + " bytes, not 32");
        }
        return Bytes32.of(r.bytes());
    }

    /** The runtime code at an address. */
    public byte[] code(Address a) {
        return rpc.getCode(a, block).bytes();
    }

    @Override
    public boolean isValidSignatureForHash(Address owner, Bytes32 hash, HexData signature) {
        return magic(owner, new Function("isValidSignature", List.<Type>of(
                new org.web3j.abi.datatypes.generated.Bytes32(hash.bytes()), new DynamicBytes(signature.bytes())),
                List.of()), EIP1271_MAGIC);
    }

    @Override
    public boolean isValidSignatureForData(Address owner, byte[] data, HexData signature) {
        return magic(owner, new Function("isValidSignature", List.<Type>of(new DynamicBytes(data),
                new DynamicBytes(signature.bytes())), List.of()), LEGACY_EIP1271_MAGIC);
    }

    @Override
    public boolean isHashApproved(Address safe, Address owner, Bytes32 hash) {
        Function f = new Function("approvedHashes", List.<Type>of(new org.web3j.abi.datatypes.Address(owner.value()),
                new org.web3j.abi.datatypes.generated.Bytes32(hash.bytes())), List.of());
        HexData r = rpc.call(CallRequest.call(safe, HexData.parse(FunctionEncoder.encode(f), "call")), block);
        return uint(r).signum() != 0;
    }

    private boolean magic(Address owner, Function f, String expected) {
        try {
            HexData r = rpc.call(CallRequest.call(owner, HexData.parse(FunctionEncoder.encode(f), "call")), block);
            return r.length() >= 4 && r.hex().substring(0, 10).equals(expected);
        } catch (JsonRpcException e) {
            return false;
        }
    }

    /**
     * The enabled modules: {@code getModulesPaginated} (Safe 1.1.0 and later), or {@code getModules()}
     * on 1.0.0 and earlier, which lack the paginated getter (and answer it through their fallback
     * function with empty data). When the version is unknown the paginated getter is tried first.
     */
    private List<Address> modules(Address safe, Optional<SafeVersion> version) {
        if (version.isPresent() && !version.get().atLeast(SafeVersion.V1_1_0)) {
            return addresses(call(safe, "getModules()"), 0);
        }
        try {
            return modulesPaginated(safe);
        } catch (CordonException paginated) {
            if (version.isPresent()) {
                throw paginated;
            }
            try {
                return addresses(call(safe, "getModules()"), 0);
            } catch (CordonException legacy) {
                throw new CordonException(ErrorCode.REMOTE, "getModulesPaginated: " + paginated.getMessage()
                        + "; getModules(): " + legacy.getMessage());
            }
        }
    }

    private List<Address> modulesPaginated(Address safe) {
        List<Address> out = new ArrayList<>();
        Address start = SENTINEL;
        for (int page = 0; page < 100; page++) {
            Function f = new Function("getModulesPaginated", List.<Type>of(new org.web3j.abi.datatypes.Address(start.value()),
                    new Uint256(100)), List.of());
            HexData r = rpc.call(CallRequest.call(safe, HexData.parse(FunctionEncoder.encode(f), "call")), block);
            byte[] b = r.bytes();
            AbiReader reader = new AbiReader(b, 0, "getModulesPaginated result", 0);
            out.addAll(reader.addresses(0, "array"));
            Address next = reader.address(1, "next");
            if (next.equals(SENTINEL) || EthAddresses.isZero(next)) {
                return out;
            }
            start = next;
        }
        throw new CordonException(ErrorCode.REMOTE, "more than 10000 modules: refusing to read further");
    }

    private HexData call(Address to, String signature) {
        return rpc.call(CallRequest.call(to, HexData.parse(FunctionTable.selectorOf(signature), "call")), block);
    }

    private static <T> Optional<T> attempt(List<String> errors, String what, java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (CordonException e) {
            errors.add(what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String string(HexData d) {
        byte[] b = d.bytes();
        HexData s = new AbiReader(b, 0, "string result", 0).bytes(0, "string");
        return new String(s.bytes(), StandardCharsets.UTF_8);
    }

    private static List<Address> addresses(HexData d, int index) {
        byte[] b = d.bytes();
        return new AbiReader(b, 0, "address[] result", 0).addresses(index, "array");
    }

    private static BigInteger uint(HexData d) {
        if (d.length() != 32) {
            throw new DecodeException("uint256 result", 0, "expected 32 bytes, got " + d.length());
        }
        return new BigInteger(1, d.bytes());
    }

    private static Address wordAddress(Bytes32 w) {
        return EthAddresses.fromBytes(Arrays.copyOfRange(w.bytes(), 12, 32));
    }

    private static Optional<Address> nonZero(Bytes32 w) {
        Address a = wordAddress(w);
        return EthAddresses.isZero(a) ? Optional.empty() : Optional.of(a);
    }

    private static BigInteger slotNumber(Bytes32 s) {
        return new BigInteger(1, s.bytes());
    }

    private static Bytes32 slot(String name) {
        return Bytes32.keccak(name.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sentinel() {
        byte[] b = new byte[20];
        b[19] = 1;
        return b;
    }
}
