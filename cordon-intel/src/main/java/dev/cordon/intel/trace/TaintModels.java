package dev.cordon.intel.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.List;
import java.util.Locale;

/** The built-in taint models, by name. */
public final class TaintModels {
    private static final List<TaintModel> ALL = List.of(new PoisonTaint(), new HaircutTaint(), new FifoTaint(),
            new LifoTaint());

    private TaintModels() {
    }

    /** Every built-in model. */
    public static List<TaintModel> all() {
        return ALL;
    }

    /**
     * @throws CordonException with {@link ErrorCode#USAGE} for an unknown name
     */
    public static TaintModel named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (TaintModel m : ALL) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new CordonException(ErrorCode.USAGE, "unknown taint model '" + name + "' (expected haircut, fifo, lifo or poison)");
    }
}
