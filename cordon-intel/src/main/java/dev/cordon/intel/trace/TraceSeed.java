package dev.cordon.intel.trace;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a trace starts: an output, every output of a transaction, or what an address received. */
public sealed interface TraceSeed {
    /** Output {@code vout} of {@code txid}. */
    record Output(TxId txid, int vout) implements TraceSeed {
        public Output {
            Objects.requireNonNull(txid, "txid");
            if (vout < 0) {
                throw new CordonException(ErrorCode.USAGE, "output index must be >= 0: " + vout);
            }
        }
    }

    /** Every output of a transaction. */
    record Tx(TxId txid) implements TraceSeed {
        public Tx {
            Objects.requireNonNull(txid, "txid");
        }
    }

    /** Every output the address received (since the request's start time, if any). */
    record Received(Address address) implements TraceSeed {
        public Received {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Reads {@code TXID}, {@code TXID:OUTPUT} (64 hex digits) or else an address.
     *
     * @param addresses parses and validates an address, throwing {@link CordonException} when invalid
     * @throws CordonException with {@link ErrorCode#USAGE} for malformed text
     */
    static TraceSeed parse(String text, Function<String, Address> addresses) {
        Matcher m = Holder.OUTPOINT.matcher(text.trim());
        if (m.matches()) {
            TxId txid = TxId.parse(m.group(1));
            if (m.group(2) == null) {
                return new Tx(txid);
            }
            try {
                return new Output(txid, Integer.parseInt(m.group(2)));
            } catch (NumberFormatException e) {
                throw new CordonException(ErrorCode.USAGE, "output index out of range in '" + text + "'");
            }
        }
        return new Received(addresses.apply(text.trim()));
    }

    /** Lazily compiled pattern. */
    final class Holder {
        static final Pattern OUTPOINT = Pattern.compile("(?:0x)?([0-9a-fA-F]{64})(?::(\\d{1,10}))?");

        private Holder() {
        }
    }
}
