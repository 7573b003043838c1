package dev.cordon.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Something of value on a chain: its native coin, or a token identified by its contract.
 *
 * @param decimals how many base units make one displayed unit (8 for BTC, 18 for ETH)
 */
public record Asset(Chain chain, String symbol, int decimals, Optional<Address> contract) {
    public Asset {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(contract, "contract");
        if (decimals < 0 || decimals > 77) {
            throw new CordonException(ErrorCode.DATA, "decimals out of range: " + decimals);
        }
        contract.ifPresent(c -> {
            if (c.chain() != chain) {
                throw new CordonException(ErrorCode.DATA, "token contract on another chain: " + c);
            }
        });
    }

    public static Asset nativeOf(Chain chain) {
        return new Asset(chain, chain.nativeSymbol(), chain.nativeDecimals(), Optional.empty());
    }

    public static Asset token(Address contract, String symbol, int decimals) {
        return new Asset(contract.chain(), symbol, decimals, Optional.of(contract));
    }

    public boolean isNative() {
        return contract.isEmpty();
    }
}
