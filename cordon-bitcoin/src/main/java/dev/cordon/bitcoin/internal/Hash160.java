package dev.cordon.bitcoin.internal;

/**
 * HASH160(x) = RIPEMD-160(SHA-256(x)), the hash inside P2PKH and P2SH addresses. Uses the
 * calling thread's digests; allocates only the returned array.
 */
public final class Hash160 {
    private static final ThreadLocal<State> PER_THREAD = ThreadLocal.withInitial(State::new);

    private Hash160() {
    }

    /** HASH160 of {@code len} bytes of {@code in} from {@code off}; 20 bytes. */
    public static byte[] of(byte[] in, int off, int len) {
        State s = PER_THREAD.get();
        Sha256.get().hash(in, off, len, s.sha, 0);
        return s.ripemd.digest(s.sha, 0, 32);
    }

    private static final class State {
        final byte[] sha = new byte[32];
        final Ripemd160 ripemd = new Ripemd160();
    }
}
