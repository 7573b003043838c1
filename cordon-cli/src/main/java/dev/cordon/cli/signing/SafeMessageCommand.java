package dev.cordon.cli.signing;

import dev.cordon.cli.ExitCodes;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.SigningHashes;
import dev.cordon.signing.TypedDataHasher;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon safe message}: the hashes of an off-chain Safe message, as Safe{Wallet} builds it:
 * a text message is EIP-191 hashed, typed data EIP-712 hashed, and that 32-byte hash is the
 * {@code bytes message} of the Safe's {@code SafeMessage}.
 */
@Command(name = "message", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute the hashes of an off-chain Safe message (text or EIP-712 typed data) to compare "
                + "with a signing device.")
public final class SafeMessageCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;
    @Option(names = "--safe", required = true, paramLabel = "ADDRESS", description = "The Safe (EIP-55 checksum checked when mixed case).")
    String safe;
    @Option(names = "--chain-id", required = true, paramLabel = "N", description = "Chain id.")
    BigInteger chainId;
    @Option(names = "--safe-version", required = true, paramLabel = "X.Y.Z", description = "Safe version 1.0.0..1.5.0.")
    String safeVersion;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--message", paramLabel = "TEXT", description = "A text message (hashed with EIP-191, as personal_sign).")
        String text;
        @Option(names = "--typed-data", paramLabel = "FILE", description = "EIP-712 typed data JSON (types, primaryType, domain, message).")
        Path typedData;
    }

    @Override
    public Integer call() {
        Address address = EthAddresses.parse(safe, "--safe");
        SafeVersion version = SafeVersion.parse(safeVersion);
        if (chainId.signum() < 0) {
            throw new CordonException(ErrorCode.USAGE, "--chain-id must not be negative: " + chainId);
        }
        String kind;
        Bytes32 inner;
        SigningHashes typed = null;
        if (input.text != null) {
            kind = "eip191";
            inner = SafeHasher.eip191Hash(input.text);
        } else {
            kind = "eip712";
            typed = TypedDataHasher.hash(read(input.typedData), input.typedData.toString());
            inner = typed.signedHash();
        }
        SigningHashes outer = SafeHasher.messageHash(address, chainId, version, HexData.of(inner.bytes()));
        if (json) {
            Json.print(System.out, json(address, version, kind, inner, typed, outer));
        } else {
            print(System.out, address, version, inner, typed, outer);
        }
        return ExitCodes.OK;
    }

    private void print(PrintStream out, Address address, SafeVersion version, Bytes32 inner, SigningHashes typed,
                       SigningHashes outer) {
        out.println("Safe " + EthAddresses.checksummed(address) + "  chain " + chainId + "  version " + version);
        out.println();
        if (typed != null) {
            out.println("Typed data (EIP-712):");
            Terminal.fields(out, List.of(new String[] {"  Domain hash", SigningHashes.deviceForm(typed.domainHash())},
                    new String[] {"  Message hash", SigningHashes.deviceForm(typed.messageHash())},
                    new String[] {"  EIP-712 hash", inner.prefixed()}));
        } else {
            Terminal.fields(out, List.<String[]>of(new String[] {"EIP-191 hash of the text", inner.prefixed()}));
        }
        out.println();
        out.println("SafeMessage (compare with the signing device; Safe{Wallet} shows the safeMessageHash):");
        Terminal.fields(out, List.of(new String[] {"  Domain hash", SigningHashes.deviceForm(outer.domainHash())},
                new String[] {"  Message hash", SigningHashes.deviceForm(outer.messageHash())},
                new String[] {"  safeMessageHash", outer.signedHash().prefixed()}));
        if (typed != null) {
            out.println();
            out.println("Check that the typed data's domain (verifyingContract, chainId) names the contract you mean to sign for.");
        }
    }

    private Map<String, Object> json(Address address, SafeVersion version, String kind, Bytes32 inner,
                                     SigningHashes typed, SigningHashes outer) {
        Map<String, Object> m = Json.object();
        m.put("safe", EthAddresses.checksummed(address));
        m.put("chainId", chainId.toString());
        m.put("safeVersion", version.text());
        m.put("messageKind", kind);
        if (typed != null) {
            Map<String, Object> t = Json.object();
            t.put("domainHash", typed.domainHash().prefixed());
            t.put("messageHash", typed.messageHash().prefixed());
            t.put("hash", typed.signedHash().prefixed());
            m.put("typedData", t);
        }
        m.put("message", inner.prefixed());
        Map<String, Object> h = Json.object();
        h.put("domainHash", outer.domainHash().prefixed());
        h.put("messageHash", outer.messageHash().prefixed());
        h.put("safeMessageHash", outer.signedHash().prefixed());
        m.put("hashes", h);
        return m;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
