package dev.cordon.signing;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.HexData;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * EIP-712 hashing of Safe transactions and Safe messages, for every {@link SafeVersion}.
 *
 * <p>Follows EIP-712 ({@code hashStruct(s) = keccak256(typeHash ‖ encodeData(s))}, dynamic
 * {@code bytes} members hashed with keccak256) and each Safe release's {@code encodeTransactionData}
 * and {@code getMessageHash}. Each type hash is computed from its type string, never copied
 * as a constant. Runs in time linear in the data length.
 */
public final class SafeHasher {
    /** {@code EIP712Domain(address verifyingContract)}: Safe 0.1.0 to 1.2.0. */
    public static final String DOMAIN_TYPE_WITHOUT_CHAIN = "EIP712Domain(address verifyingContract)";
    /** {@code EIP712Domain(uint256 chainId,address verifyingContract)}: Safe 1.3.0 and later. */
    public static final String DOMAIN_TYPE_WITH_CHAIN = "EIP712Domain(uint256 chainId,address verifyingContract)";
    /** SafeTx in Safe 0.1.0, with {@code dataGas}. */
    public static final String SAFE_TX_TYPE_0_1_0 = "SafeTx(address to,uint256 value,bytes data,uint8 operation,"
            + "uint256 safeTxGas,uint256 dataGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)";
    /** SafeTx from Safe 1.0.0, with {@code baseGas}. */
    public static final String SAFE_TX_TYPE = "SafeTx(address to,uint256 value,bytes data,uint8 operation,"
            + "uint256 safeTxGas,uint256 baseGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)";
    /** Off-chain Safe messages (signed by owners, checked by {@code isValidSignature}). */
    public static final String SAFE_MESSAGE_TYPE = "SafeMessage(bytes message)";

    private static final Bytes32 DOMAIN_TYPEHASH_WITHOUT_CHAIN = typeHash(DOMAIN_TYPE_WITHOUT_CHAIN);
    private static final Bytes32 DOMAIN_TYPEHASH_WITH_CHAIN = typeHash(DOMAIN_TYPE_WITH_CHAIN);
    private static final Bytes32 SAFE_TX_TYPEHASH_0_1_0 = typeHash(SAFE_TX_TYPE_0_1_0);
    private static final Bytes32 SAFE_TX_TYPEHASH = typeHash(SAFE_TX_TYPE);
    private static final Bytes32 SAFE_MESSAGE_TYPEHASH = typeHash(SAFE_MESSAGE_TYPE);

    private SafeHasher() {
    }

    /** keccak256 of an EIP-712 type string. */
    public static Bytes32 typeHash(String typeString) {
        return Bytes32.keccak(typeString.getBytes(StandardCharsets.UTF_8));
    }

    /** The type string of {@code SafeTx} for this version. */
    public static String safeTxType(SafeVersion v) {
        return v.usesDataGas() ? SAFE_TX_TYPE_0_1_0 : SAFE_TX_TYPE;
    }

    /** The type string of the domain for this version. */
    public static String domainType(SafeVersion v) {
        return v.domainHasChainId() ? DOMAIN_TYPE_WITH_CHAIN : DOMAIN_TYPE_WITHOUT_CHAIN;
    }

    /** The domain separator of a Safe. */
    public static Bytes32 domainSeparator(Address safe, BigInteger chainId, SafeVersion v) {
        if (v.domainHasChainId()) {
            return keccak(word(DOMAIN_TYPEHASH_WITH_CHAIN), uint(chainId), address(safe));
        }
        return keccak(word(DOMAIN_TYPEHASH_WITHOUT_CHAIN), address(safe));
    }

    /** The {@code SafeTx} struct hash (the "message hash" of a hardware wallet screen). */
    public static Bytes32 structHash(SafeTransaction tx) {
        Bytes32 typeHash = tx.version().usesDataGas() ? SAFE_TX_TYPEHASH_0_1_0 : SAFE_TX_TYPEHASH;
        return keccak(word(typeHash), address(tx.to()), uint(tx.value()), word(Bytes32.keccak(tx.data().bytes())),
                TypeEncoder.encode(new Uint8(tx.operation().code())), uint(tx.safeTxGas()), uint(tx.baseGas()),
                uint(tx.gasPrice()), address(tx.gasToken()), address(tx.refundReceiver()), uint(tx.nonce()));
    }

    /** Domain hash, struct hash and {@code safeTxHash} of a transaction. */
    public static SigningHashes hash(SafeTransaction tx) {
        Bytes32 domain = domainSeparator(tx.safe(), tx.chainId(), tx.version());
        Bytes32 struct = structHash(tx);
        return new SigningHashes(domain, struct, eip712(domain, struct));
    }

    /**
     * The pre-image the Safe hashes ({@code encodeTransactionData}): {@code 0x19 0x01 ‖ domain ‖
     * structHash}. Legacy EIP-1271 contract signers receive these 66 bytes.
     */
    public static byte[] transactionData(SafeTransaction tx) {
        return preimage(domainSeparator(tx.safe(), tx.chainId(), tx.version()), structHash(tx));
    }

    /**
     * Hashes of an off-chain Safe message ({@code getMessageHash} of the Safe, or of its
     * {@code CompatibilityFallbackHandler} from 1.3.0).
     *
     * @param message the message bytes as the Safe receives them: for a text message Safe{Wallet}
     *                passes its EIP-191 hash ({@link #eip191Hash(String)}), for typed data its
     *                EIP-712 hash
     * @throws CordonException with USAGE for Safe 0.1.0, which has no message signing
     */
    public static SigningHashes messageHash(Address safe, BigInteger chainId, SafeVersion v, HexData message) {
        if (v == SafeVersion.V0_1_0) {
            throw new CordonException(ErrorCode.USAGE, "Safe 0.1.0 does not support off-chain messages");
        }
        Bytes32 domain = domainSeparator(safe, chainId, v);
        Bytes32 struct = keccak(word(SAFE_MESSAGE_TYPEHASH), word(Bytes32.keccak(message.bytes())));
        return new SigningHashes(domain, struct, eip712(domain, struct));
    }

    /** EIP-191 {@code personal_sign} hash of a text message: keccak256("\x19Ethereum Signed Message:\n" + len + text). */
    public static Bytes32 eip191Hash(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return eip191Hash(body);
    }

    /** EIP-191 {@code personal_sign} hash of raw bytes. */
    public static Bytes32 eip191Hash(byte[] body) {
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + body.length).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return Bytes32.keccak(all);
    }

    /** keccak256(0x19 0x01 ‖ domain ‖ struct). */
    public static Bytes32 eip712(Bytes32 domain, Bytes32 struct) {
        return Bytes32.keccak(preimage(domain, struct));
    }

    private static byte[] preimage(Bytes32 domain, Bytes32 struct) {
        byte[] buf = new byte[66];
        buf[0] = 0x19;
        buf[1] = 0x01;
        domain.copyTo(buf, 2);
        struct.copyTo(buf, 34);
        return buf;
    }

    private static String word(Bytes32 w) {
        return encode(new org.web3j.abi.datatypes.generated.Bytes32(w.bytes()));
    }

    private static String uint(BigInteger v) {
        return encode(new Uint256(v));
    }

    private static String address(Address a) {
        return encode(new org.web3j.abi.datatypes.Address(a.value()));
    }

    private static String encode(Type<?> t) {
        return TypeEncoder.encode(t);
    }

    private static Bytes32 keccak(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(words.length * 32);
        for (String w : List.of(words)) {
            out.writeBytes(Hex.decode(w, "abi word"));
        }
        return Bytes32.keccak(out.toByteArray());
    }

}
