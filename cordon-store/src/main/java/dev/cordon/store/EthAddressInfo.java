package dev.cordon.store;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Transfer;
import dev.cordon.core.account.ContractCreation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Ethereum address as the store knows it: totals per asset (ETH first, then tokens by asset
 * id), first and last block it appeared in, the contract creation that made it (if it is a
 * contract created within the stored blocks) and its latest transfers, newest first.
 *
 * @param transferCount transfers it took part in, all assets
 */
public record EthAddressInfo(Address address, int addressId, List<AssetTotals> assets, long firstSeenHeight,
                             long lastSeenHeight, long transferCount, Optional<ContractCreation> createdBy,
                             List<Transfer> latest) {
    public EthAddressInfo {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(createdBy, "createdBy");
        assets = List.copyOf(assets);
        latest = List.copyOf(latest);
    }

    /**
     * One asset's totals; a balance may be negative when ingest began after the address's first
     * transfers.
     */
    public record AssetTotals(Amount balance, Amount received, Amount sent, int transfers, long firstHeight,
                              long lastHeight) {
        public AssetTotals {
            Objects.requireNonNull(balance, "balance");
            Objects.requireNonNull(received, "received");
            Objects.requireNonNull(sent, "sent");
        }
    }
}
