package dev.cordon.cli;

import dev.cordon.cli.demo.DemoContext;
import dev.cordon.cli.demo.DemoSection;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cordon demo}: a tour of cordon on bundled real data, in a fresh folder under the data
 * directory ({@code <data>/demo}), which it replaces on every run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the guided tour on bundled real data (replaces <data>/demo).")
public final class DemoCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Option(names = "--only", paramLabel = "SECTION", split = ",",
            description = "Run only these sections (keys: ${COMPLETION-CANDIDATES}).")
    List<String> only;

    /** The tour, in order. */
    static List<DemoSection> sections() {
        return List.of(
                new dev.cordon.cli.demo.BitcoinDemo(),
                new dev.cordon.cli.demo.EthereumDemo(),
                new dev.cordon.cli.demo.IntelDemo(),
                new dev.cordon.cli.trace.TraceDemo(),
                new dev.cordon.cli.demo.SigningDemo(),
                new dev.cordon.cli.demo.WorkforceDemo());
    }

    @Override
    public void run() {
        Path root = common.dataDir().resolve("demo");
        wipe(root);
        PrintStream out = common.json() ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
        Map<String, Object> report = Json.object();
        for (DemoSection s : sections()) {
            if (only != null && !only.contains(s.key())) {
                continue;
            }
            out.println();
            out.println("== " + s.title() + " ==");
            Map<String, Object> part = Json.object();
            s.run(new DemoContext(mkdirs(root.resolve(s.key())), out, common.json(), part, Clock.system()));
            report.put(s.key(), part);
        }
        if (common.json()) {
            Json.print(System.out, report);
        }
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot create " + p + ": " + e.getMessage(), e);
        }
    }

    private static void wipe(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot clear demo folder " + root + ": " + e.getMessage(), e);
        }
    }
}
