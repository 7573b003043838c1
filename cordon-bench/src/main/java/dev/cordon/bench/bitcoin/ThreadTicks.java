package dev.cordon.bench.bitcoin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads, native ones included (RocksDB's flush and compaction
 * threads, the garbage collector's), read from Linux's {@code /proc/self/task}; elsewhere the
 * snapshots are empty.
 */
final class ThreadTicks {
    /** Clock ticks per second of {@code /proc/.../stat}, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** A thread's name and its user plus system clock ticks. */
    record Ticks(String name, long ticks) {
    }

    private ThreadTicks() {
    }

    /** Every live thread's ticks, by thread id. */
    static Map<Integer, Ticks> snapshot() {
        Map<Integer, Ticks> out = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> s = Files.list(tasks)) {
            for (Path t : s.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[#0-9 ]+$", "");
                    String[] f = stat.substring(close + 2).split(" ");
                    out.put(Integer.parseInt(t.getFileName().toString()),
                            new Ticks(name, Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * Seconds of CPU since {@code before}, summed by thread name with trailing digits dropped;
     * names that used under 0.05 s are left out. A thread that has ended counts with its ticks in
     * {@code lastSeen}, a snapshot taken while it ran (empty if none).
     */
    static Map<String, Double> secondsSince(Map<Integer, Ticks> before, Map<Integer, Ticks> lastSeen) {
        Map<Integer, Ticks> now = new HashMap<>(lastSeen);
        now.putAll(snapshot());
        Map<String, Long> byName = new TreeMap<>();
        now.forEach((tid, t) -> {
            Ticks b = before.get(tid);
            byName.merge(t.name(), t.ticks() - (b == null ? 0 : b.ticks()), Long::sum);
        });
        Map<String, Double> out = new TreeMap<>();
        byName.forEach((name, ticks) -> {
            double s = ticks / TICKS_PER_SECOND;
            if (s >= 0.05) {
                out.put(name, Math.round(s * 100) / 100.0);
            }
        });
        return out;
    }
}
