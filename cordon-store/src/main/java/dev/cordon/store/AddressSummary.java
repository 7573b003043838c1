package dev.cordon.store;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import java.time.Instant;
import java.util.Objects;

/**
 * What the store knows of one address in its chain's native asset.
 *
 * @param id      the dense address id
 * @param txCount transactions that paid to or spent from the address
 */
public record AddressSummary(Address address, int id, Amount balance, Amount received, Amount sent, long txCount,
                             long firstSeenHeight, Instant firstSeen, long lastSeenHeight, Instant lastSeen) {
    public AddressSummary {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
