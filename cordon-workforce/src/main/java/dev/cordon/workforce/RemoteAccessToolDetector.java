package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Ev;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Remote-access and screen-sharing tools on endpoints, from the LOLRMM catalogue: processes and
 * services by executable or service name, installed software by product name, contacted domains
 * by the catalogue's domain patterns. Tools the company sanctions are allow-listed by name. One
 * finding per device and tool: MEDIUM for RMM suites, HIGH for tools LOLRMM classes as RAT.
 */
public final class RemoteAccessToolDetector implements EndpointDetector {
    public static final String NAME = "remote-access-tool";

    /** @param allowedTools catalogue tool names the company sanctions (default none); matched ignoring case and punctuation */
    public record Params(Set<String> allowedTools) {
        public Params {
            allowedTools = Set.copyOf(allowedTools);
        }

        public static Params defaults() {
            return new Params(Set.of());
        }
    }

    private final RmmCatalogue catalogue;
    private final Set<String> allowed = new HashSet<>();
    private final Set<String> reported = new HashSet<>();
    private long sanctioned;

    public RemoteAccessToolDetector(Params params, RmmCatalogue catalogue) {
        Objects.requireNonNull(params, "params");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        for (String t : params.allowedTools()) {
            allowed.add(RmmCatalogue.norm(t));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Observations of allow-listed tools seen so far. */
    public long sanctionedCount() {
        return sanctioned;
    }

    @Override
    public void onObservation(EndpointObservation o, Consumer<Finding> out) {
        Optional<RmmCatalogue.Tool> tool = match(o);
        if (tool.isEmpty()) {
            return;
        }
        RmmCatalogue.Tool t = tool.get();
        if (allowed.contains(RmmCatalogue.norm(t.name()))) {
            sanctioned++;
            return;
        }
        if (!reported.add(o.device() + "\u0000" + t.name())) {
            return;
        }
        String what = o.kind().name().toLowerCase(Locale.ROOT);
        out.accept(new Finding(NAME, t.rat() ? Severity.HIGH : Severity.MEDIUM, Subjects.device(o.device()),
                Instant.ofEpochMilli(o.epochMillis()), o.device() + ": " + t.name() + " (" + t.category() + ") " + what
                        + " " + (o.name().isEmpty() ? o.path() : o.name()),
                Ev.of("tool", t.name(), "category", t.category(), "observed", what, "name", o.name(), "path", o.path(),
                        "account", o.account(), "record", Ev.at(o.source(), o.line())),
                List.of(o.source(), "LOLRMM")));
    }

    private Optional<RmmCatalogue.Tool> match(EndpointObservation o) {
        return switch (o.kind()) {
            case PROCESS -> o.name().isEmpty() ? catalogue.byExecutable(o.path())
                    : catalogue.byExecutable(o.name()).or(() -> catalogue.byExecutable(o.path()));
            case SERVICE -> catalogue.byService(o.name()).or(() -> catalogue.byExecutable(o.path()));
            case SOFTWARE -> catalogue.bySoftware(o.name());
            case DOMAIN -> catalogue.byDomain(o.name());
            default -> Optional.empty();
        };
    }
}
