package dev.cordon.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command accepts: where the data lives and how to print. */
public final class CommonOptions {
    /** Environment variable that sets the data folder when {@code --data} is absent. */
    public static final String DATA_ENV = "CORDON_DATA";
    static final String DEFAULT_DATA = "cordon-data";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: $" + DATA_ENV + ", else ./" + DEFAULT_DATA + ").")
    Path data;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of a table.")
    boolean json;

    /** The data folder: {@code --data}, else {@code $CORDON_DATA}, else {@code ./cordon-data}. */
    public Path dataDir() {
        if (data != null) {
            return data;
        }
        String env = System.getenv(DATA_ENV);
        return Path.of(env != null && !env.isBlank() ? env : DEFAULT_DATA);
    }

    public boolean json() {
        return json;
    }
}
