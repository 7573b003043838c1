package dev.cordon.store;

import dev.cordon.core.Amount;
import dev.cordon.core.TxId;
import java.time.Instant;
import java.util.Objects;

/**
 * One transaction in an address's history.
 *
 * @param received what the transaction's outputs paid to the address
 * @param sent     what its inputs spent from the address
 */
public record HistoryEntry(long height, Instant time, TxId txid, long txNum, Amount received, Amount sent) {
    public HistoryEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(sent, "sent");
    }

    /** Net change of the balance: received minus sent. */
    public Amount delta() {
        return received.minus(sent);
    }
}
