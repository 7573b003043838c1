package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Terminal;
import dev.cordon.cli.trace.ExposureUpkeep;
import dev.cordon.core.Category;
import dev.cordon.core.Clock;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.importer.CsvMapping;
import dev.cordon.intel.importer.ImportContext;
import dev.cordon.intel.importer.Importers;
import dev.cordon.intel.importer.LabelImporter;
import dev.cordon.intel.importer.ParsedList;
import dev.cordon.intel.store.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cordon intel import FILE}: reads one list into the label store in one atomic write.
 * Bad rows are reported on stderr with file and line; every valid row is imported. Re-importing
 * a newer version of a list closes the labels it no longer has. Exits 1 when rows were rejected.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a list: OFAC sdn.csv / sdn_advanced.xml, GraphSense TagPack or ActorPack, CSV, address list, Etherscan labels JSON.")
public final class IntelImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--format", description = "One of ${COMPLETION-CANDIDATES}; default: from the file name.",
            completionCandidates = Formats.class)
    String format;

    @Option(names = "--dataset", description = "Dataset id (default from the format and file name); re-import under the same id to update.")
    String dataset;

    @Option(names = "--label", description = "Label name for rows without one (required for address lists).")
    String label;

    @Option(names = "--category", description = "Category for rows without one (required for address lists).")
    String category;

    @Option(names = "--confidence", description = "GraphSense confidence for rows without one.")
    String confidence;

    @Option(names = "--source", description = "Source URI written on every label.")
    String source;

    @Option(names = "--actor", description = "Actor id for rows without one.")
    String actor;

    @Option(names = "--currency", description = "Currency or network for rows without one (BTC, ETH).")
    String currency;

    @Option(names = "--added-by", description = "Who adds the labels.")
    String addedBy;

    @Option(names = "--licence", description = "Licence of the data.")
    String licence;

    @Option(names = "--addition", description = "The file adds to its dataset: close nothing that it lacks.")
    boolean addition;

    @Option(names = "--sdn-comments", paramLabel = "FILE", description = "Treasury's sdn_comments.csv, for remarks cut in sdn.csv.")
    Path sdnComments;

    @Option(names = "--column", paramLabel = "FIELD=HEADER", description = "CSV: read FIELD from column HEADER.")
    Map<String, String> columns = new HashMap<>();

    @Option(names = "--category-value", paramLabel = "WORD=CATEGORY", description = "CSV: translate the file's category WORD.")
    Map<String, String> categoryValues = new HashMap<>();

    @Option(names = "--max-problems", defaultValue = "50", description = "Problems shown on stderr (default ${DEFAULT-VALUE}).")
    int maxProblems;

    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Importers.FORMATS.iterator();
        }
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new CordonException(ErrorCode.USAGE, "no such file: " + file);
        }
        Map<String, Category> values = new HashMap<>();
        categoryValues.forEach((k, v) -> values.put(k, Category.parse(v)));
        LabelImporter importer = Importers.of(format != null ? format : Importers.detect(file), new CsvMapping(columns, values),
                Optional.ofNullable(sdnComments));
        ParsedList parsed = importer.read(file, context());
        ImportResult result;
        try (IntelStore store = IntelStore.open(common.dataDir())) {
            result = store.labels().apply(parsed.batch());
        }
        ExposureUpkeep.afterLabelChange(common.dataDir()).ifPresent(System.err::println);
        if (common.json()) {
            Json.print(System.out, ImportReports.json(parsed, result));
        } else {
            ImportReports.problems(System.err, parsed.problems(), maxProblems);
            List<List<String>> rows = ImportReports.header();
            rows.add(ImportReports.row(parsed, result));
            Terminal.table(System.out, rows);
            if (!result.overlaps().isEmpty()) {
                System.out.println(result.overlaps().size() + " new labels are on subjects other datasets also label (all kept); e.g. "
                        + result.overlaps().get(0).subject() + " also in " + result.overlaps().get(0).otherDatasets());
            }
        }
        return parsed.rejected() > 0 ? 1 : 0;
    }

    private ImportContext context() {
        ImportContext c = ImportContext.at(Clock.system().now()).withLicence(licence == null ? "" : licence);
        c = dataset == null ? c : c.withDataset(dataset);
        c = label == null ? c : c.withName(label);
        c = category == null ? c : c.withCategory(Category.parse(category));
        c = confidence == null ? c : c.withConfidence(Confidence.parse(confidence));
        c = source == null ? c : c.withSource(source);
        c = actor == null ? c : c.withActor(actor);
        c = currency == null ? c : c.withCurrency(currency);
        c = addedBy == null ? c : c.withAddedBy(addedBy);
        return addition ? c.asAddition() : c;
    }
}
