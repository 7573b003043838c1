package dev.cordon.intel.importer;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.core.TxId;
import dev.cordon.intel.internal.CsvReader;
import dev.cordon.intel.internal.Dates;
import dev.cordon.intel.store.DatasetInfo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Labels in a plain CSV file (UTF-8, RFC 4180, header row). Columns, by canonical name or as
 * renamed by a {@link CsvMapping}: {@code address} or {@code tx_hash}; {@code chain} or
 * {@code currency}; {@code label}; {@code category}; {@code abuse}; {@code actor};
 * {@code source}; {@code confidence}; {@code valid_from}; {@code valid_to}; {@code note};
 * {@code added_by}. Fields a file lacks come from the {@link ImportContext}; a row that still
 * lacks a label, category, source or confidence is rejected with its line. This is the format
 * {@code cordon intel export --format csv} writes.
 */
public final class CsvImporter implements LabelImporter {
    private final CsvMapping mapping;

    public CsvImporter() {
        this(CsvMapping.canonical());
    }

    public CsvImporter(CsvMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public ParsedList read(InputStream in, String file, ImportContext ctx) {
        RowCollector rc = new RowCollector(file);
        String dataset = ctx.dataset().orElse("csv:" + TagPackImporter.baseName(file));
        try (CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), file)) {
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw new CordonException(ErrorCode.DATA, file + ": empty file, expected a header row");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT).replace("\ufeff", ""), i);
            }
            if (!index.containsKey(mapping.header("address")) && !index.containsKey(mapping.header("tx_hash"))) {
                throw new CordonException(ErrorCode.DATA, file + " line " + header.line() + ": no '" + mapping.header("address")
                        + "' or '" + mapping.header("tx_hash") + "' column in the header");
            }
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.fields().size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                rc.row();
                CsvReader.Row r = row;
                rc.guard(row.line(), () -> row(r, index, dataset, ctx, rc));
            }
        }
        DatasetInfo ds = DatasetInfo.of(dataset, ctx.title().orElse(file), ctx.source().orElse(file), ctx.licence(), "", ctx.now());
        return rc.finish(ds, ctx.complete());
    }

    private void row(CsvReader.Row row, Map<String, Integer> index, String dataset, ImportContext ctx, RowCollector rc) {
        Map<String, String> f = new HashMap<>();
        for (String field : CsvMapping.FIELDS) {
            Integer i = index.get(mapping.header(field));
            if (i != null && !row.get(i).isBlank()) {
                f.put(field, row.get(i).strip());
            }
        }
        Optional<String> currency = Optional.ofNullable(f.get("chain")).or(() -> Optional.ofNullable(f.get("currency")))
                .or(ctx::currency);
        LabelSubject subject;
        if (f.containsKey("address")) {
            Optional<Address> a = rc.address(row.line(), currency, f.get("address"));
            if (a.isEmpty()) {
                return;
            }
            subject = LabelSubject.of(a.get());
        } else if (f.containsKey("tx_hash")) {
            Chain chain = currency.map(Chain::parse).orElseThrow(() -> missing("chain"));
            subject = LabelSubject.of(chain, TxId.parse(f.get("tx_hash")));
        } else {
            throw missing("address");
        }
        String name = Optional.ofNullable(f.get("label")).or(ctx::name).orElseThrow(() -> missing("label"));
        Category category = Optional.ofNullable(f.get("category")).flatMap(mapping::category).or(ctx::category)
                .orElseThrow(() -> missing("category"));
        Optional<Category> abuse = Optional.ofNullable(f.get("abuse")).flatMap(mapping::category).filter(a -> a != category);
        Confidence confidence = Optional.ofNullable(f.get("confidence")).map(Confidence::parse).or(ctx::confidence)
                .orElseThrow(() -> missing("confidence"));
        String source = Optional.ofNullable(f.get("source")).or(ctx::source).orElseThrow(() -> missing("source"));
        Instant from = Optional.ofNullable(f.get("valid_from")).map(v -> Dates.parseStart(v, "valid_from")).orElse(ctx.now());
        Optional<Instant> to = Optional.ofNullable(f.get("valid_to")).map(v -> Dates.parseStart(v, "valid_to"));
        Optional<String> actor = Optional.ofNullable(f.get("actor")).or(ctx::actor).map(s -> s.toLowerCase(Locale.ROOT));
        String addedBy = Optional.ofNullable(f.get("added_by")).or(ctx::addedBy).orElse("");
        rc.add(row.line(), new Label(subject, name, category, abuse, actor, source, confidence, from, to, addedBy, ctx.now(),
                dataset, f.getOrDefault("note", "")));
    }

    private static CordonException missing(String field) {
        return new CordonException(ErrorCode.DATA, "no " + field + " in the row and none given for the import");
    }

    /** The canonical header, in the order {@code export} writes it. */
    public static List<String> canonicalHeader() {
        return List.of("chain", "address", "tx_hash", "label", "category", "abuse", "risk", "actor", "source", "confidence",
                "valid_from", "valid_to", "added_by", "dataset", "note");
    }
}
