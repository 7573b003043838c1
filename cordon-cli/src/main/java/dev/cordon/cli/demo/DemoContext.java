package dev.cordon.cli.demo;

import dev.cordon.core.Clock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a demo section gets.
 *
 * @param workDir a fresh folder for this section's stores and files
 * @param out     where human-readable output goes (a sink when {@code --json})
 * @param report  the section's part of the JSON report; put plain maps, lists, strings, numbers
 */
public record DemoContext(Path workDir, PrintStream out, boolean json, Map<String, Object> report, Clock clock) {
}
