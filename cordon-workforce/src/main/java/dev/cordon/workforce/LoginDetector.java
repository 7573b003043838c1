package dev.cordon.workforce;

import dev.cordon.core.Finding;
import java.util.function.Consumer;

/**
 * A streaming detector over logins. It keeps bounded state per account (indexed by the dense id
 * from {@link Accounts}), emits findings as soon as it can, and evaluates profiles on
 * {@link #flush}. Event time drives windows; the engine's injected clock says "now" for profiles.
 * Implementations are not thread-safe: partition by account to scale out.
 */
public interface LoginDetector {
    /** Stable name used as {@link Finding#detector()}. */
    String name();

    void onLogin(int account, EnrichedLogin login, Consumer<Finding> out);

    /**
     * Reads, without changing anything, the state that {@link #onLogin} will read first for this
     * login, and returns any value read. The engine calls it on every detector before the first
     * {@code onLogin} of a login, so that the cache misses of all detectors overlap instead of
     * coming one after another; the result has no meaning.
     */
    default int touch(int account, EnrichedLogin login) {
        return 0;
    }

    /** Evaluates what can only be judged over time (profiles); may be called repeatedly. */
    default void flush(Consumer<Finding> out) {
    }

    /** Approximate bytes of state held, for capacity planning and the benchmark. */
    long stateBytes();
}
