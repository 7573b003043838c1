package dev.cordon.signing.policy;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Locale;

/** What the guard says about a transaction, least severe first. */
public enum Verdict {
    /** Nothing found: sign if the hashes on the device match. */
    ALLOW,
    /** A person must look at the reasons before signing. */
    REVIEW,
    /** Do not sign. */
    BLOCK;

    public Verdict max(Verdict o) {
        return compareTo(o) >= 0 ? this : o;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws CordonException with USAGE naming {@code field} */
    public static Verdict parse(String text, String field) {
        for (Verdict v : values()) {
            if (v.key().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new CordonException(ErrorCode.USAGE, field + ": expected allow, review or block, got '" + text + "'");
    }
}
