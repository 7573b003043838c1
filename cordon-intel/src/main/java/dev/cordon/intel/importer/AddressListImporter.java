package dev.cordon.intel.importer;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.DatasetInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A list of addresses with one source: one address per line; blank lines and lines starting
 * with {@code #} are skipped; anything after the address on a line is ignored. Name, category
 * and source are the same for every address and come from the {@link ImportContext} (name and
 * category are required; the source defaults to the file; confidence to {@code authority_data}
 * unless given). The FBI's list of Bybit theft addresses is such a file.
 */
public final class AddressListImporter implements LabelImporter {
    @Override
    public String format() {
        return "list";
    }

    @Override
    public ParsedList read(InputStream in, String file, ImportContext ctx) {
        String name = ctx.name().orElseThrow(() -> new CordonException(ErrorCode.USAGE,
                "an address list needs a label name for its addresses (--label)"));
        Category category = ctx.category().orElseThrow(() -> new CordonException(ErrorCode.USAGE,
                "an address list needs a category for its addresses (--category)"));
        Confidence confidence = ctx.confidence().orElse(Confidence.AUTHORITY_DATA);
        String source = ctx.source().orElse(file);
        String dataset = ctx.dataset().orElse("list:" + TagPackImporter.baseName(file));
        RowCollector rc = new RowCollector(file);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String t = line.replace("\ufeff", "").strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                rc.row();
                String token = t.split("[\\s,;]+", 2)[0];
                int at = lineNo;
                Optional<Address> a = rc.address(at, ctx.currency(), token);
                a.ifPresent(addr -> rc.guard(at, () -> rc.add(at, new Label(LabelSubject.of(addr), name, category, Optional.empty(),
                        ctx.actor(), source, confidence, ctx.now(), Optional.empty(), ctx.addedBy().orElse(""), ctx.now(),
                        dataset, ""))));
            }
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        DatasetInfo ds = DatasetInfo.of(dataset, ctx.title().orElse(file), source, ctx.licence(), "", ctx.now());
        return rc.finish(ds, ctx.complete());
    }
}
