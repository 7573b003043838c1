package dev.cordon.intel.heist;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One major theft.
 *
 * @param id                stable id ({@code bybit-2025})
 * @param date              day of the theft (UTC)
 * @param victim            who was robbed
 * @param kind              what the victim is (exchange, bridge, wallet...)
 * @param chains            chains the funds were taken on, as far as cordon handles them
 * @param usd               amount stolen in US dollars at the time, as reported by the source
 * @param attribution       actor id ({@code lazarusgroup}) or {@code unknown}
 * @param attributionBasis  who attributed it and how firmly ({@code FBI}, {@code on-chain analysts (suspected)})
 * @param seeds             addresses known to have received the stolen funds
 * @param seedDatasets      label datasets whose addresses are seeds too ({@code fbi-bybit})
 * @param source            where the figures come from
 * @param attributionSource where the attribution comes from; empty when unattributed
 * @param notes             free text
 */
public record Heist(String id, LocalDate date, String victim, String kind, List<Chain> chains, long usd, String attribution,
                    String attributionBasis, List<Address> seeds, List<String> seedDatasets, String source,
                    String attributionSource, String notes) {
    public Heist {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(source, "source");
        chains = List.copyOf(chains);
        seeds = List.copyOf(seeds);
        seedDatasets = List.copyOf(seedDatasets);
        if (usd < 0) {
            throw new IllegalArgumentException("negative amount for " + id);
        }
    }
}
