package dev.cordon.intel.importer;

import dev.cordon.core.Actor;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.internal.CsvReader;
import dev.cordon.intel.internal.TextDecoding;
import dev.cordon.intel.store.DatasetInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Treasury's SDN list in its CSV form ({@code sdn.csv}): no header; columns ent_num, SDN_Name,
 * SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
 * {@code -0-} means empty. Digital currency addresses sit in the remarks as
 * {@code Digital Currency Address - XBT 1abc...;} (also after {@code alt.}). Treasury publishes
 * the file in Windows-1252/latin-1; a UTF-8 copy is detected and read as UTF-8 with a warning.
 *
 * <p>Treasury cuts remarks at about 1000 characters and puts the rest in {@code sdn_comments.csv}
 * (ent_num, remarks continuation). Give that file to read every address; without it an
 * address cut in half fails its checksum and is reported, never imported.
 *
 * <p>Each address becomes a {@code sanction} label named after the SDN entry, with the entry as
 * actor ({@code ofac-sdn-<ent_num>}), its programmes in the note, and Treasury's record page as
 * source, at {@code authority_data} confidence.
 */
public final class SdnCsvImporter implements LabelImporter {
    public static final String DATASET = "ofac-sdn";
    static final String MARK = "Digital Currency Address - ";
    private final Optional<Path> comments;

    public SdnCsvImporter() {
        this(Optional.empty());
    }

    /** @param comments Treasury's {@code sdn_comments.csv}, read alongside when present */
    public SdnCsvImporter(Optional<Path> comments) {
        this.comments = comments;
    }

    @Override
    public String format() {
        return "ofac-csv";
    }

    @Override
    public ParsedList read(InputStream in, String file, ImportContext ctx) {
        RowCollector rc = new RowCollector(file);
        TextDecoding.Decoded text = TextDecoding.latin1OrUtf8(in, file);
        if (text.utf8()) {
            rc.warn(0, "the file is UTF-8; Treasury publishes sdn.csv in latin-1 (read as UTF-8)");
        }
        Map<String, String> more = readComments();
        try (CsvReader csv = new CsvReader(new StringReader(text.text()), file)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                rc.row();
                readRow(row, more, rc, ctx);
            }
        }
        DatasetInfo ds = DatasetInfo.of(ctx.dataset().orElse(DATASET),
                ctx.title().orElse("OFAC Specially Designated Nationals list"),
                ctx.source().orElse(file), ctx.licence().isEmpty() ? "public domain (US Government work)" : ctx.licence(),
                "", ctx.now());
        return rc.finish(ds, ctx.complete());
    }

    private void readRow(CsvReader.Row row, Map<String, String> more, RowCollector rc, ImportContext ctx) {
        if (row.fields().size() < 12) {
            rc.reject(row.line(), "expected 12 columns, found " + row.fields().size());
            return;
        }
        String ent = row.get(0).strip();
        String remarks = nullable(row.get(11)) + more.getOrDefault(ent, "");
        if (!remarks.contains(MARK)) {
            return;
        }
        if (!ent.chars().allMatch(Character::isDigit) || ent.isEmpty()) {
            rc.reject(row.line(), "ent_num '" + ent + "' is not a number");
            return;
        }
        String name = nullable(row.get(1)).strip();
        List<String> programmes = Arrays.stream(nullable(row.get(3)).split("\\]\\s*\\[")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        String page = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + ent;
        String actorId = "ofac-sdn-" + ent;
        String source = ctx.source().orElse(page);
        rc.guard(row.line(), () -> rc.actor(new Actor(actorId, name, List.of(Category.SANCTION), List.of(),
                Optional.of(page), List.of(), "OFAC SDN list")));
        for (RemarkAddress ra : RemarkAddress.find(remarks)) {
            Optional<Address> a = rc.address(row.line(), Optional.of(ra.currency()), ra.address());
            if (a.isEmpty()) {
                if (!ra.terminated()) {
                    rc.warn(row.line(), "the remarks of entry " + ent + " end inside an address: Treasury cuts sdn.csv "
                            + "remarks at about 1000 characters; import sdn_comments.csv with it to read the rest");
                }
                continue;
            }
            String note = "OFAC SDN entry " + ent + "; programmes " + String.join(", ", programmes)
                    + ("XBT".equals(ra.currency()) || "ETH".equals(ra.currency()) ? "" : "; listed as " + ra.currency());
            rc.guard(row.line(), () -> rc.add(row.line(), new Label(LabelSubject.of(a.get()), name, Category.SANCTION,
                    Optional.empty(), Optional.of(actorId), source, Confidence.AUTHORITY_DATA, ctx.now(), Optional.empty(),
                    ctx.addedBy().orElse("OFAC"), ctx.now(), ctx.dataset().orElse(DATASET), note)));
        }
    }

    private Map<String, String> readComments() {
        Map<String, String> out = new HashMap<>();
        if (comments.isEmpty()) {
            return out;
        }
        Path p = comments.get();
        try (InputStream in = Files.newInputStream(p);
             CsvReader csv = new CsvReader(new StringReader(TextDecoding.latin1OrUtf8(in, p.toString()).text()), p.toString())) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                out.merge(row.get(0).strip(), nullable(row.get(1)), String::concat);
            }
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + p + ": " + e.getMessage(), e);
        }
        return out;
    }

    static String nullable(String field) {
        return "-0-".equals(field.strip()) ? "" : field;
    }
}
