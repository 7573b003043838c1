package dev.cordon.cli.trace;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.Clock;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.LabelEndpointResolver;
import dev.cordon.intel.trace.MapEndpointResolver;
import dev.cordon.store.ChainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The endpoints of a trace on one chain: the open labels of the intel store in the data folder (services
 * forward, every label backward), with the endpoints of a {@code --labels} file added and
 * overriding them at the same address. Without an intel store, the file's endpoints alone.
 */
final class StoreEndpoints {
    private StoreEndpoints() {
    }

    static EndpointResolver resolve(Path dataDir, ChainStore store, Chain chain, Map<Address, Endpoint> fromFile,
                                    boolean backward) {
        if (!Files.isDirectory(dataDir.resolve(IntelStore.FOLDER))) {
            return fromFile.isEmpty() ? EndpointResolver.none() : MapEndpointResolver.of(fromFile, store);
        }
        try (IntelStore intel = IntelStore.open(dataDir)) {
            return LabelEndpointResolver.of(intel.labels(), store, chain, Clock.system().now(),
                    backward ? LabelEndpointResolver.Use.SOURCES : LabelEndpointResolver.Use.ENDPOINTS, fromFile);
        }
    }
}
