package dev.cordon.signing.policy;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.EthAddresses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CounterpartyRisk} from a text file a user supplies: one Ethereum address per line,
 * optionally followed by a comma and a label; blank lines and lines starting with {@code #}
 * are ignored. Every listed address is {@link Severity#CRITICAL}.
 * <pre>
 * # Bybit exploit, February 2025 (FBI PSA I-022625-PSA)
 * 0x47666fab8bd0ac7003bce3f5c3585383f09486e2, Bybit exploiter
 * </pre>
 */
public final class AddressListRisk implements CounterpartyRisk {
    private final Map<Address, RiskLabel> labels;

    private AddressListRisk(Map<Address, RiskLabel> labels) {
        this.labels = Map.copyOf(labels);
    }

    /**
     * @throws DecodeException naming the file and line for a malformed or checksum-invalid address
     * @throws CordonException with IO when the file cannot be read
     */
    public static AddressListRisk load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read address list " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    /** Parses the lines of a list; {@code source} names it in labels and errors. */
    public static AddressListRisk parse(List<String> lines, String source) {
        Map<Address, RiskLabel> m = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String addr = comma < 0 ? line : line.substring(0, comma).strip();
            String label = comma < 0 ? "listed in " + source : line.substring(comma + 1).strip();
            Address a;
            try {
                a = EthAddresses.parse(addr, "address");
            } catch (CordonException e) {
                throw new DecodeException(source + " line " + (i + 1), -1, e.getMessage());
            }
            m.put(a, new RiskLabel(label.isEmpty() ? "listed in " + source : label, Severity.CRITICAL, source));
        }
        return new AddressListRisk(m);
    }

    public int size() {
        return labels.size();
    }

    @Override
    public Optional<RiskLabel> assess(Address address) {
        return Optional.ofNullable(labels.get(address));
    }
}
