package dev.cordon.signing.sig;

import dev.cordon.core.Address;
import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a Safe {@code signatures} byte string into its signatures. The static part is a run of
 * 65-byte entries; contract signatures point (offset in {@code s}) into a dynamic part after it,
 * as {@code length (32 bytes) ‖ bytes}. Offsets and lengths are checked against the data;
 * anything malformed is a {@link DecodeException} naming the entry and byte offset.
 */
public final class SignatureParser {
    private SignatureParser() {
    }

    /** @param field named in errors ({@code --signatures}, {@code confirmations[1].signature}) */
    public static List<SafeSignature> parse(HexData signatures, String field) {
        byte[] b = signatures.bytes();
        if (b.length == 0) {
            return List.of();
        }
        if (b.length < 65) {
            throw new DecodeException(field, 0, "a signature is 65 bytes, got " + b.length);
        }
        List<SafeSignature> out = new ArrayList<>();
        long staticEnd = b.length;
        for (int i = 0; (long) (i + 1) * 65 <= staticEnd; i++) {
            int at = i * 65;
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(b, at, at + 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(b, at + 32, at + 64));
            int v = b[at + 64] & 0xff;
            String entry = field + "[" + i + "]";
            switch (v) {
                case 0 -> {
                    Address owner = owner(r, entry, at);
                    out.add(new SafeSignature.Contract(i, owner, dynamic(b, s, entry, at)));
                    staticEnd = Math.min(staticEnd, s.longValueExact());
                }
                case 1 -> out.add(new SafeSignature.ApprovedHash(i, owner(r, entry, at)));
                case 27, 28 -> out.add(new SafeSignature.Ecdsa(i, false, r, s, v));
                case 31, 32 -> out.add(new SafeSignature.Ecdsa(i, true, r, s, v - 4));
                default -> throw new DecodeException(entry + ".v", at + 64, "v is " + v
                        + "; a Safe accepts 0 (contract), 1 (approved hash), 27/28 (EIP-712) or 31/32 (eth_sign)");
            }
        }
        if (staticEnd == b.length && b.length % 65 != 0) {
            throw new DecodeException(field, (b.length / 65) * 65L, (b.length % 65)
                    + " bytes left after the last 65-byte signature");
        }
        return out;
    }

    private static Address owner(BigInteger r, String entry, int at) {
        if (r.bitLength() > 160) {
            throw new DecodeException(entry + ".r", at, "r must hold the owner's address (20 bytes), it has dirty high bytes");
        }
        byte[] a = new byte[20];
        byte[] rb = r.toByteArray();
        int n = Math.min(rb.length, 20);
        System.arraycopy(rb, rb.length - n, a, 20 - n, n);
        return EthAddresses.fromBytes(a);
    }

    private static HexData dynamic(byte[] b, BigInteger offset, String entry, int at) {
        if (offset.compareTo(BigInteger.valueOf(b.length - 32L)) > 0) {
            throw new DecodeException(entry + ".s", at + 32, "contract signature offset " + offset
                    + " points outside the " + b.length + " bytes of signatures");
        }
        int off = offset.intValueExact();
        if (off < 65) {
            throw new DecodeException(entry + ".s", at + 32, "contract signature offset " + off
                    + " points into the first signature's static part");
        }
        BigInteger len = new BigInteger(1, Arrays.copyOfRange(b, off, off + 32));
        if (len.compareTo(BigInteger.valueOf(b.length - off - 32L)) > 0) {
            throw new DecodeException(entry + ".length", off, "contract signature length " + len
                    + " runs past the end of the signatures");
        }
        return HexData.of(Arrays.copyOfRange(b, off + 32, off + 32 + len.intValueExact()));
    }
}
