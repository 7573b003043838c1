package dev.cordon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What the benchmark ran on, printed with every result. */
public final class Machine {
    private Machine() {
    }

    public static Map<String, Object> describe() {
        Runtime rt = Runtime.getRuntime();
        return Map.of(
                "cpu", cpuModel().orElse(System.getProperty("os.arch")),
                "cores", rt.availableProcessors(),
                "max_heap_mb", rt.maxMemory() >> 20,
                "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
