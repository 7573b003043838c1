package dev.cordon.ethereum.rpc;

import dev.cordon.core.Address;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message call or transaction for {@code eth_call}, {@code eth_estimateGas} or
 * {@code eth_sendTransaction}.
 *
 * @param to empty for a contract creation
 */
public record CallRequest(Optional<Address> from, Optional<Address> to, BigInteger value, HexData data,
                          Optional<BigInteger> gas) {
    public CallRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(gas, "gas");
    }

    /** A read-only call of {@code to} with {@code data}. */
    public static CallRequest call(Address to, HexData data) {
        return new CallRequest(Optional.empty(), Optional.of(to), BigInteger.ZERO, data, Optional.empty());
    }

    /** A transaction from an account the node holds the key of. */
    public static CallRequest send(Address from, Optional<Address> to, BigInteger value, HexData data) {
        return new CallRequest(Optional.of(from), to, value, data, Optional.empty());
    }

    public CallRequest withGas(BigInteger g) {
        return new CallRequest(from, to, value, data, Optional.of(g));
    }

    /** The JSON object the node expects. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        from.ifPresent(f -> m.put("from", f.value()));
        to.ifPresent(t -> m.put("to", t.value()));
        if (value.signum() != 0) {
            m.put("value", Quantities.hex(value));
        }
        gas.ifPresent(g -> m.put("gas", Quantities.hex(g)));
        m.put("data", data.hex());
        return m;
    }
}
