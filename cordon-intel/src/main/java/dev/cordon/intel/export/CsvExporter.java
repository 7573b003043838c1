package dev.cordon.intel.export;

import dev.cordon.core.Actor;
import dev.cordon.core.Category;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.importer.CsvImporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Labels as CSV (UTF-8, RFC 4180) with {@link CsvImporter}'s canonical header: export then import round-trips. */
public final class CsvExporter implements LabelExporter {
    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void write(List<Label> labels, Map<String, Actor> actors, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(String.join(",", CsvImporter.canonicalHeader()));
            w.write("\r\n");
            for (Label l : labels) {
                boolean tx = l.subject() instanceof LabelSubject.OfTx;
                List<String> cells = List.of(l.subject().chain().code(), tx ? "" : l.subject().text(), tx ? l.subject().text() : "",
                        l.name(), l.category().code(), l.abuse().map(Category::code).orElse(""), l.risk().code(),
                        l.actor().orElse(""), l.source(), l.confidence().code(), iso(l.validFrom()),
                        l.validTo().map(CsvExporter::iso).orElse(""), l.addedBy(), l.dataset(), l.note());
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(quote(cells.get(i)));
                }
                w.write("\r\n");
            }
            w.flush();
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write CSV: " + e.getMessage(), e);
        }
    }

    static String iso(Instant t) {
        return t.toString();
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
