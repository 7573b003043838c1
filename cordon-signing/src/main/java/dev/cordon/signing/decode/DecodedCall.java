package dev.cordon.signing.decode;

import dev.cordon.core.Address;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A call made by a Safe transaction, decoded into what it does. A batch ({@link CallKind#MULTI_SEND})
 * holds its calls in {@code inner}; a nested Safe transaction holds the nested call there.
 *
 * @param path      where this call sits ({@code tx}, {@code tx.multiSend[2]})
 * @param signature the function signature, or empty when the selector is unknown or there is no data
 * @param knownAs   what the target is when it is a canonical Safe contract ({@code MultiSend 1.3.0 (canonical)})
 * @param selfCall  whether the target is the Safe itself
 * @param notes     facts a signer should see (trailing bytes, a call-only batch with a delegatecall, ...)
 */
public record DecodedCall(String path, Address to, BigInteger value, Operation operation, HexData data, CallKind kind,
                          String signature, List<Arg> args, Optional<String> knownAs, boolean selfCall,
                          List<DecodedCall> inner, List<String> notes) {
    public DecodedCall {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(knownAs, "knownAs");
        args = List.copyOf(args);
        inner = List.copyOf(inner);
        notes = List.copyOf(notes);
    }

    /** The named argument's value if it is an address. */
    public Optional<Address> address(String name) {
        return arg(name).map(Arg::value).filter(Address.class::isInstance).map(Address.class::cast);
    }

    /** The named argument's value if it is an unsigned integer. */
    public Optional<BigInteger> uint(String name) {
        return arg(name).map(Arg::value).filter(BigInteger.class::isInstance).map(BigInteger.class::cast);
    }

    public Optional<Arg> arg(String name) {
        return args.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The 4-byte selector as {@code 0x}-hex, or empty when the data is shorter than 4 bytes. */
    public String selector() {
        return data.length() >= 4 ? data.hex().substring(0, 10) : "";
    }

    /** This call and every call inside it, depth first. */
    public List<DecodedCall> flatten() {
        List<DecodedCall> out = new ArrayList<>();
        out.add(this);
        for (DecodedCall c : inner) {
            out.addAll(c.flatten());
        }
        return out;
    }

    /** One line: {@code DELEGATECALL 0x9622…7242 transfer(to=0xbDd0…, amount=0)}. */
    public String summary() {
        String target = EthAddresses.checksummed(to) + (selfCall ? " (this Safe)" : knownAs.map(k -> " (" + k + ")").orElse(""));
        String what;
        if (kind == CallKind.EMPTY) {
            what = "no data";
        } else if (kind == CallKind.NATIVE_TRANSFER) {
            what = "send " + value + " wei";
        } else if (kind == CallKind.UNKNOWN) {
            what = "unknown function " + (selector().isEmpty() ? data.hex() : selector()) + " with " + data.length() + " bytes of data";
        } else {
            String name = signature.substring(0, signature.indexOf('('));
            what = name + args.stream().filter(a -> !(a.value() instanceof HexData h && h.length() > 64))
                    .map(a -> a.name() + "=" + a.display()).collect(Collectors.joining(", ", "(", ")"));
        }
        String v = value.signum() != 0 && kind != CallKind.NATIVE_TRANSFER ? " with " + value + " wei" : "";
        return operation + " " + target + " " + what + v;
    }
}
