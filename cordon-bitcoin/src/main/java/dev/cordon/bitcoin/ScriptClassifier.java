package dev.cordon.bitcoin;

import dev.cordon.bitcoin.internal.Hash160;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.Hex;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies output scripts (scriptPubKey) the way Bitcoin Core's {@code Solver} does
 * ({@code src/script/solver.cpp}) and derives their address:
 *
 * <ul>
 *   <li>P2PK: {@code <33 or 65-byte pubkey> OP_CHECKSIG}, the key's first byte matching its size;
 *       addressed as the P2PKH of HASH160(pubkey), as explorers show it.
 *   <li>P2PKH {@code OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG}; P2SH (BIP16)
 *       {@code OP_HASH160 <20> OP_EQUAL}: Base58Check.
 *   <li>Witness programs (BIP141): {@code OP_n <2..40 bytes>}. Version 0 with 20 bytes is P2WPKH,
 *       with 32 bytes P2WSH (Bech32, BIP173), with any other length NONSTANDARD; version 1 with 32
 *       bytes is P2TR (BIP341); every other version/length is WITNESS_UNKNOWN. Versions 1..16
 *       use Bech32m (BIP350).
 *   <li>MULTISIG: {@code OP_m <pubkey>... OP_n OP_CHECKMULTISIG}, 1 &lt;= m &lt;= n &lt;= 16;
 *       no address, the script hex is kept.
 *   <li>OP_RETURN followed only by pushes: the pushed bytes, concatenated, are kept. A small
 *       integer opcode contributes the byte it pushes (OP_1NEGATE 0x81, OP_1..OP_16 0x01..0x10).
 *       OP_RETURN followed by anything else is NONSTANDARD, as in Core.
 *   <li>NONSTANDARD: everything else, script hex kept.
 * </ul>
 *
 * <p>{@link #kind} allocates nothing; {@link #classify} builds the {@link TxOut}. Classification
 * never throws for any byte content. Thread-safe.
 */
public final class ScriptClassifier {
    private static final int OP_0 = 0x00;
    private static final int OP_PUSHDATA1 = 0x4c;
    private static final int OP_PUSHDATA2 = 0x4d;
    private static final int OP_PUSHDATA4 = 0x4e;
    private static final int OP_1NEGATE = 0x4f;
    private static final int OP_1 = 0x51;
    private static final int OP_16 = 0x60;
    private static final int OP_RETURN = 0x6a;
    private static final int OP_DUP = 0x76;
    private static final int OP_EQUAL = 0x87;
    private static final int OP_EQUALVERIFY = 0x88;
    private static final int OP_HASH160 = 0xa9;
    private static final int OP_CHECKSIG = 0xac;
    private static final int OP_CHECKMULTISIG = 0xae;

    private final BitcoinNetwork network;

    public ScriptClassifier(BitcoinNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    public BitcoinNetwork network() {
        return network;
    }

    /** The kind of {@code s[off..off+len)}; allocation-free. */
    public static ScriptKind kind(byte[] s, int off, int len) {
        if (len == 25 && u(s, off) == OP_DUP && u(s, off + 1) == OP_HASH160 && u(s, off + 2) == 20
                && u(s, off + 23) == OP_EQUALVERIFY && u(s, off + 24) == OP_CHECKSIG) {
            return ScriptKind.P2PKH;
        }
        if (len == 23 && u(s, off) == OP_HASH160 && u(s, off + 1) == 20 && u(s, off + 22) == OP_EQUAL) {
            return ScriptKind.P2SH;
        }
        int version = witnessVersion(s, off, len);
        if (version == 0) {
            return len == 22 ? ScriptKind.P2WPKH : len == 34 ? ScriptKind.P2WSH : ScriptKind.NONSTANDARD;
        }
        if (version > 0) {
            return version == 1 && len == 34 ? ScriptKind.P2TR : ScriptKind.WITNESS_UNKNOWN;
        }
        if ((len == 35 || len == 67) && u(s, off) == len - 2 && u(s, off + len - 1) == OP_CHECKSIG
                && pubKeySize(u(s, off + 1)) == len - 2) {
            return ScriptKind.P2PK;
        }
        if (len >= 1 && u(s, off) == OP_RETURN) {
            return pushOnly(s, off + 1, off + len) ? ScriptKind.OP_RETURN : ScriptKind.NONSTANDARD;
        }
        return isMultisig(s, off, len) ? ScriptKind.MULTISIG : ScriptKind.NONSTANDARD;
    }

    /** The output with its kind, address and kept data (see {@link TxOut}). */
    public TxOut classify(long value, byte[] s, int off, int len) {
        ScriptKind kind = kind(s, off, len);
        switch (kind) {
            case P2PKH:
                return addressed(value, kind, BitcoinAddresses.p2pkh(s, off + 3, network));
            case P2SH:
                return addressed(value, kind, BitcoinAddresses.p2sh(s, off + 2, network));
            case P2WPKH:
            case P2WSH:
            case P2TR:
            case WITNESS_UNKNOWN:
                int version = witnessVersion(s, off, len);
                return addressed(value, kind, BitcoinAddresses.segwit(version, s, off + 2, len - 2, network));
            case P2PK:
                byte[] hash = Hash160.of(s, off + 1, len - 2);
                return addressed(value, kind, BitcoinAddresses.p2pkh(hash, 0, network));
            case OP_RETURN:
                return new TxOut(value, kind, Optional.empty(), pushedData(s, off + 1, off + len));
            default:
                return new TxOut(value, kind, Optional.empty(), Hex.encode(s, off, len));
        }
    }

    private static TxOut addressed(long value, ScriptKind kind, String address) {
        return new TxOut(value, kind, Optional.of(new Address(Chain.BITCOIN, address)), "");
    }

    /** Witness version 0..16 if the script is a witness program (BIP141), else -1. */
    private static int witnessVersion(byte[] s, int off, int len) {
        if (len < 4 || len > 42 || u(s, off + 1) != len - 2) {
            return -1;
        }
        int op = u(s, off);
        if (op == OP_0) {
            return 0;
        }
        return op >= OP_1 && op <= OP_16 ? op - OP_1 + 1 : -1;
    }

    /** Public key size implied by its first byte (Core {@code CPubKey::GetLen}), or 0. */
    private static int pubKeySize(int header) {
        if (header == 2 || header == 3) {
            return 33;
        }
        return header == 4 || header == 6 || header == 7 ? 65 : 0;
    }

    private static boolean isMultisig(byte[] s, int off, int len) {
        if (len < 3 || u(s, off + len - 1) != OP_CHECKMULTISIG) {
            return false;
        }
        int m = u(s, off);
        int n = u(s, off + len - 2);
        if (m < OP_1 || m > OP_16 || n < OP_1 || n > OP_16 || m > n) {
            return false;
        }
        int p = off + 1;
        int end = off + len - 2;
        int keys = 0;
        while (p < end) {
            int size = u(s, p);
            if ((size != 33 && size != 65) || p + 1 >= end || pubKeySize(u(s, p + 1)) != size || p + 1 + size > end) {
                return false;
            }
            p += 1 + size;
            keys++;
        }
        return keys == n - OP_1 + 1;
    }

    /** Core's {@code IsPushOnly}: every opcode up to OP_16, no truncated push. */
    private static boolean pushOnly(byte[] s, int p, int end) {
        while (p < end) {
            int op = u(s, p);
            if (op > OP_16) {
                return false;
            }
            long next = afterPush(s, p, end);
            if (next < 0) {
                return false;
            }
            p = (int) next;
        }
        return true;
    }

    /** Position after the opcode at {@code p} and its data, or -1 if the push runs past {@code end}. */
    private static long afterPush(byte[] s, int p, int end) {
        int op = u(s, p);
        long dataStart = p + 1;
        long size;
        if (op < OP_PUSHDATA1) {
            size = op;
        } else if (op == OP_PUSHDATA1) {
            size = end - p >= 2 ? u(s, p + 1) : -1;
            dataStart = p + 2;
        } else if (op == OP_PUSHDATA2) {
            size = end - p >= 3 ? u(s, p + 1) | u(s, p + 2) << 8 : -1;
            dataStart = p + 3;
        } else if (op == OP_PUSHDATA4) {
            size = end - p >= 5 ? (u(s, p + 1) | u(s, p + 2) << 8 | u(s, p + 3) << 16 | (long) u(s, p + 4) << 24) : -1;
            dataStart = p + 5;
        } else {
            size = 0;
        }
        if (size < 0 || dataStart + size > end) {
            return -1;
        }
        return dataStart + size;
    }

    private static String pushedData(byte[] s, int p, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - p);
        while (p < end) {
            int op = u(s, p);
            int next = (int) afterPush(s, p, end);
            if (op == OP_1NEGATE) {
                out.write(0x81);
            } else if (op >= OP_1 && op <= OP_16) {
                out.write(op - OP_1 + 1);
            } else if (op <= OP_PUSHDATA4) {
                int header = op < OP_PUSHDATA1 ? 1 : op == OP_PUSHDATA1 ? 2 : op == OP_PUSHDATA2 ? 3 : 5;
                out.write(s, p + header, next - p - header);
            }
            p = next;
        }
        return Hex.encode(out.toByteArray());
    }

    private static int u(byte[] s, int i) {
        return s[i] & 0xff;
    }
}
