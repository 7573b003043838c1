package dev.cordon.intel.importer;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The importers by format name, and format detection from a file name. */
public final class Importers {
    /** Format names accepted by {@link #of}. */
    public static final List<String> FORMATS = List.of("ofac-csv", "ofac-xml", "tagpack", "actorpack", "csv", "list", "etherscan-json");

    private Importers() {
    }

    /**
     * @param mapping column mapping for {@code csv}
     * @param sdnComments Treasury's {@code sdn_comments.csv} for {@code ofac-csv}
     * @throws CordonException with {@link ErrorCode#USAGE} for an unknown format
     */
    public static LabelImporter of(String format, CsvMapping mapping, Optional<Path> sdnComments) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "ofac-csv" -> new SdnCsvImporter(sdnComments);
            case "ofac-xml" -> new SdnXmlImporter();
            case "tagpack" -> new TagPackImporter();
            case "actorpack" -> new ActorPackImporter();
            case "csv" -> new CsvImporter(mapping);
            case "list" -> new AddressListImporter();
            case "etherscan-json" -> new EtherscanLabelsImporter();
            default -> throw new CordonException(ErrorCode.USAGE, "unknown import format '" + format + "' (known: "
                    + String.join(", ", FORMATS) + ")");
        };
    }

    /**
     * Guesses the format from the file name: {@code sdn*.csv} and {@code sdn*.xml} are OFAC's,
     * {@code *actorpack*.yaml} an ActorPack, other {@code .yaml} TagPacks, {@code .json} Etherscan
     * labels, {@code .csv} plain CSV, {@code .txt} an address list.
     *
     * @throws CordonException with {@link ErrorCode#USAGE} when the name says nothing
     */
    public static String detect(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith("sdn") && n.endsWith(".csv")) {
            return "ofac-csv";
        }
        if (n.startsWith("sdn") && n.endsWith(".xml")) {
            return "ofac-xml";
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return n.contains("actorpack") ? "actorpack" : "tagpack";
        }
        if (n.endsWith(".json")) {
            return "etherscan-json";
        }
        if (n.endsWith(".csv")) {
            return "csv";
        }
        if (n.endsWith(".txt") || n.endsWith(".list")) {
            return "list";
        }
        throw new CordonException(ErrorCode.USAGE, "cannot tell the format of " + file.getFileName() + "; give --format ("
                + String.join(", ", FORMATS) + ")");
    }
}
