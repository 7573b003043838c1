package dev.cordon.signing.decode;

import dev.cordon.core.Hex;
import dev.cordon.ethereum.Bytes32;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions cordon decodes, by 4-byte selector. Selectors are derived from the signatures
 * (keccak256, first 4 bytes), never typed in. Sources: EIP-20, EIP-721, EIP-1155, EIP-2612,
 * OpenZeppelin's {@code increaseAllowance}, and the Safe contracts (OwnerManager, ModuleManager,
 * GuardManager, FallbackManager, MasterCopy, MultiSend, SignMessageLib, CreateCall, SafeMigration,
 * SafeToL2Migration).
 */
public final class FunctionTable {
    /** A known function. */
    public record Spec(String signature, CallKind kind, List<String> names, List<String> types, String selector) {
    }

    private static final Map<String, Spec> BY_SELECTOR = new HashMap<>();

    static {
        add("transfer(address,uint256)", CallKind.ERC20_TRANSFER, "to", "amount");
        add("transferFrom(address,address,uint256)", CallKind.TRANSFER_FROM, "from", "to", "amountOrTokenId");
        add("approve(address,uint256)", CallKind.APPROVE, "spender", "amountOrTokenId");
        add("increaseAllowance(address,uint256)", CallKind.INCREASE_ALLOWANCE, "spender", "addedValue");
        add("permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", CallKind.PERMIT,
                "owner", "spender", "value", "deadline", "v", "r", "s");
        add("safeTransferFrom(address,address,uint256)", CallKind.ERC721_SAFE_TRANSFER, "from", "to", "tokenId");
        add("safeTransferFrom(address,address,uint256,bytes)", CallKind.ERC721_SAFE_TRANSFER,
                "from", "to", "tokenId", "data");
        add("safeTransferFrom(address,address,uint256,uint256,bytes)", CallKind.ERC1155_TRANSFER,
                "from", "to", "id", "amount", "data");
        add("safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)", CallKind.ERC1155_BATCH_TRANSFER,
                "from", "to", "ids", "amounts", "data");
        add("setApprovalForAll(address,bool)", CallKind.SET_APPROVAL_FOR_ALL, "operator", "approved");
        add("addOwnerWithThreshold(address,uint256)", CallKind.ADD_OWNER, "owner", "threshold");
        add("removeOwner(address,address,uint256)", CallKind.REMOVE_OWNER, "prevOwner", "owner", "threshold");
        add("swapOwner(address,address,address)", CallKind.SWAP_OWNER, "prevOwner", "oldOwner", "newOwner");
        add("changeThreshold(uint256)", CallKind.CHANGE_THRESHOLD, "threshold");
        add("enableModule(address)", CallKind.ENABLE_MODULE, "module");
        add("disableModule(address,address)", CallKind.DISABLE_MODULE, "prevModule", "module");
        add("setGuard(address)", CallKind.SET_GUARD, "guard");
        add("setModuleGuard(address)", CallKind.SET_MODULE_GUARD, "moduleGuard");
        add("setFallbackHandler(address)", CallKind.SET_FALLBACK_HANDLER, "handler");
        add("changeMasterCopy(address)", CallKind.CHANGE_MASTER_COPY, "masterCopy");
        add("migrateSingleton()", CallKind.MIGRATION);
        add("migrateWithFallbackHandler()", CallKind.MIGRATION);
        add("migrateL2Singleton()", CallKind.MIGRATION);
        add("migrateL2WithFallbackHandler()", CallKind.MIGRATION);
        add("migrateToL2(address)", CallKind.MIGRATION, "l2Singleton");
        add("migrateFromV111(address,address)", CallKind.MIGRATION, "l2Singleton", "fallbackHandler");
        add("approveHash(bytes32)", CallKind.APPROVE_HASH, "hashToApprove");
        add("execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)",
                CallKind.NESTED_SAFE_TRANSACTION, "to", "value", "data", "operation", "safeTxGas", "baseGas",
                "gasPrice", "gasToken", "refundReceiver", "signatures");
        add("multiSend(bytes)", CallKind.MULTI_SEND, "transactions");
        add("signMessage(bytes)", CallKind.SIGN_MESSAGE, "data");
        add("performCreate(uint256,bytes)", CallKind.CREATE_CALL, "value", "deploymentData");
        add("performCreate2(uint256,bytes,bytes32)", CallKind.CREATE_CALL, "value", "deploymentData", "salt");
    }

    private FunctionTable() {
    }

    private static void add(String signature, CallKind kind, String... names) {
        String inside = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
        List<String> types = inside.isEmpty() ? List.of() : Arrays.asList(inside.split(","));
        if (types.size() != names.length) {
            throw new IllegalStateException("names do not match " + signature);
        }
        String sel = selectorOf(signature);
        BY_SELECTOR.put(sel, new Spec(signature, kind, List.of(names), List.copyOf(types), sel));
    }

    /** {@code 0x} + 8 hex digits: the first 4 bytes of keccak256(signature). */
    public static String selectorOf(String signature) {
        byte[] h = Bytes32.keccak(signature.getBytes(StandardCharsets.US_ASCII)).bytes();
        return "0x" + Hex.encode(h, 0, 4);
    }

    /** The known function with this selector ({@code 0x}-prefixed lowercase). */
    public static Optional<Spec> lookup(String selector) {
        return Optional.ofNullable(BY_SELECTOR.get(selector));
    }

    /** The selector of a known signature. */
    public static String selector(String signature) {
        return selectorOf(signature);
    }
}
