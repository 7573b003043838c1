package dev.cordon.ethereum.flow.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;

/**
 * The asset of a token contract as decoding sees it: identified by the contract, its symbol the
 * token standard and its decimals 0 (amounts in base units), because symbol and decimals are not
 * on chain in the event. A token registry may later name them.
 */
public final class TokenAssets {
    public static final String ERC20 = "ERC20";
    public static final String ERC721 = "ERC721";
    public static final String ERC1155 = "ERC1155";

    private TokenAssets() {
    }

    public static Asset erc20(Address contract) {
        return Asset.token(contract, ERC20, 0);
    }

    public static Asset erc721(Address contract) {
        return Asset.token(contract, ERC721, 0);
    }

    public static Asset erc1155(Address contract) {
        return Asset.token(contract, ERC1155, 0);
    }
}
