package dev.cordon.cli.intel;

import dev.cordon.cli.CommonOptions;
import dev.cordon.core.Actor;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.export.CsvExporter;
import dev.cordon.intel.export.LabelExporter;
import dev.cordon.intel.export.StixExporter;
import dev.cordon.intel.export.TagPackExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cordon intel export}: writes labels as a TagPack, CSV, or a STIX 2.1 bundle. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export labels as a GraphSense TagPack, CSV or STIX 2.1 bundle.")
public final class IntelExportCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Option(names = "--format", defaultValue = "csv", description = "tagpack, csv or stix (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--dataset", description = "Only this dataset (repeatable).")
    List<String> datasets;

    @Option(names = "--include-closed", description = "Also labels that no longer hold.")
    boolean includeClosed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public void run() {
        Instant now = Clock.system().now();
        List<Label> labels = new ArrayList<>();
        Map<String, Actor> actors = new HashMap<>();
        try (IntelStore store = IntelStore.open(common.dataDir())) {
            if (datasets != null) {
                for (String d : datasets) {
                    if (store.labels().dataset(d).isEmpty()) {
                        throw new CordonException(ErrorCode.NOT_FOUND, "no dataset '" + d + "' (see cordon intel list)");
                    }
                    labels.addAll(store.labels().labelsOf(d));
                }
            } else {
                store.labels().forEachLabel(labels::add);
            }
            labels.removeIf(l -> !includeClosed && !l.isActiveAt(now));
            for (Label l : labels) {
                l.actor().ifPresent(a -> actors.computeIfAbsent(a, id -> store.labels().actor(id).orElse(null)));
            }
        }
        actors.values().removeIf(Objects::isNull);
        LabelExporter exporter = switch (format) {
            case "csv" -> new CsvExporter();
            case "stix" -> new StixExporter();
            case "tagpack" -> new TagPackExporter("cordon export", "cordon");
            default -> throw new CordonException(ErrorCode.USAGE, "unknown export format '" + format + "' (tagpack, csv or stix)");
        };
        if (output == null) {
            exporter.write(labels, actors, System.out);
            System.out.flush();
            return;
        }
        try (OutputStream out = Files.newOutputStream(output)) {
            exporter.write(labels, actors, out);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write " + output + ": " + e.getMessage(), e);
        }
        System.err.println("cordon: wrote " + labels.size() + " labels to " + output);
    }
}
