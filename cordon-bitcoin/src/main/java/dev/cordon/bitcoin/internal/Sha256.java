package dev.cordon.bitcoin.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 and Bitcoin's double SHA-256 over byte slices, without allocation. Wraps one
 * {@link MessageDigest} (the JDK's SHA-256 is a HotSpot intrinsic); an instance is not
 * thread-safe, so hot paths own one each and other code uses {@link #get()}.
 */
public final class Sha256 {
    private static final ThreadLocal<Sha256> PER_THREAD = ThreadLocal.withInitial(Sha256::new);

    private final MessageDigest md;
    private final byte[] mid = new byte[32];

    public Sha256() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** The calling thread's instance. */
    public static Sha256 get() {
        return PER_THREAD.get();
    }

    /** Feeds a slice into the running (first) hash. */
    public void update(byte[] in, int off, int len) {
        md.update(in, off, len);
    }

    /** Finishes the running hash as single SHA-256 into {@code out[outOff..outOff+32)}. */
    public void finish(byte[] out, int outOff) {
        try {
            md.digest(out, outOff, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("output slice too small", e);
        }
    }

    /** Finishes the running hash as double SHA-256 into {@code out[outOff..outOff+32)} (wire order). */
    public void finishDouble(byte[] out, int outOff) {
        finish(mid, 0);
        md.update(mid, 0, 32);
        finish(out, outOff);
    }

    /** Double SHA-256 of one slice into {@code out[outOff..outOff+32)} (wire order). */
    public void hashDouble(byte[] in, int off, int len, byte[] out, int outOff) {
        md.update(in, off, len);
        finishDouble(out, outOff);
    }

    /** Single SHA-256 of one slice into {@code out[outOff..outOff+32)}. */
    public void hash(byte[] in, int off, int len, byte[] out, int outOff) {
        md.update(in, off, len);
        finish(out, outOff);
    }
}
