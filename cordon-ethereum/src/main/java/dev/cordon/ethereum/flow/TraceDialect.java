package dev.cordon.ethereum.flow;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Locale;

/** Which trace API a node serves, if any; internal calls are visible only through traces. */
public enum TraceDialect {
    /** OpenEthereum/Erigon/Reth/Nethermind {@code trace_block}: a flat list with trace addresses. */
    PARITY("parity"),
    /** Geth {@code debug_traceBlockByNumber} with {@code callTracer}: one call tree per transaction. */
    GETH("geth"),
    /** No traces: only transaction values, fees and token events. Internal calls are not seen. */
    NONE("none");

    private final String code;

    TraceDialect(String code) {
        this.code = code;
    }

    /** The name used on the command line. */
    public String code() {
        return code;
    }

    /**
     * @throws CordonException with {@link ErrorCode#USAGE} unless {@code parity}, {@code geth} or {@code none}
     */
    public static TraceDialect parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (TraceDialect d : values()) {
            if (d.code.equals(t)) {
                return d;
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown trace dialect '" + text + "' (expected parity, geth or none)");
    }
}
