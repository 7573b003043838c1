package dev.cordon.workforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.CsvReader;
import dev.cordon.workforce.internal.JsonInput;
import dev.cordon.workforce.internal.Nodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The LOLRMM catalogue of remote-management and remote-desktop tools (bundled
 * {@code lolrmm/rmm_tools.csv} and {@code rmm_domains.csv}, Apache-2.0, see PROVENANCE.txt):
 * executable names (PE file names, installation paths, disk artefacts), Windows service names
 * and network domains, each mapped to the tool and its category ({@code RMM} or {@code RAT}).
 *
 * <p>Executable names too generic to identify a tool ({@code connect.exe}, {@code setup.exe})
 * are left out. Immutable and thread-safe.
 */
public final class RmmCatalogue {
    private static final String BASE = "/dev/cordon/workforce/lolrmm/";
    private static final Set<String> GENERIC = Set.of("connect.exe", "rdp.exe", "setup.exe", "install.exe", "update.exe",
            "agent.exe", "client.exe", "service.exe", "launcher.exe", "level.exe", "installshield setup.exe",
            "supporttool.exe", "start.exe", "run.exe", "helper.exe", "server.exe", "app.exe", "main.exe");
    private static volatile RmmCatalogue bundled;

    /** One catalogue tool. */
    public record Tool(String name, String category) {
        public Tool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(category, "category");
        }

        /** RATs are remote-access tools more often abused than IT-managed RMM suites. */
        public boolean rat() {
            return category.equalsIgnoreCase("RAT");
        }
    }

    private record DomainPattern(Pattern pattern, Tool tool) {
    }

    private final Map<String, Tool> executables = new HashMap<>();
    private final Map<String, Tool> services = new HashMap<>();
    private final Map<String, Tool> byName = new HashMap<>();
    private final Map<String, List<DomainPattern>> domainsBySuffix = new HashMap<>();
    private final List<DomainPattern> domainsAny = new ArrayList<>();

    private RmmCatalogue() {
    }

    /** The bundled catalogue (loaded once). */
    public static RmmCatalogue bundled() {
        RmmCatalogue c = bundled;
        if (c == null) {
            synchronized (RmmCatalogue.class) {
                c = bundled;
                if (c == null) {
                    c = new RmmCatalogue();
                    c.loadTools();
                    c.loadDomains();
                    bundled = c;
                }
            }
        }
        return c;
    }

    public int toolCount() {
        return byName.size();
    }

    /** The tool with this (normalised) name, if catalogued. */
    public Optional<Tool> tool(String name) {
        return Optional.ofNullable(byName.get(norm(name)));
    }

    /** Tool whose executable is this file name or path (case-insensitive; {@code .exe} optional for long names). */
    public Optional<Tool> byExecutable(String nameOrPath) {
        String base = basename(nameOrPath).toLowerCase(Locale.ROOT);
        Tool t = executables.get(base);
        if (t == null && !base.endsWith(".exe")) {
            t = executables.get(base + ".exe");
            if (t != null && base.length() < 6) {
                t = null;
            }
        }
        return Optional.ofNullable(t);
    }

    public Optional<Tool> byService(String service) {
        Tool t = services.get(service.trim().toLowerCase(Locale.ROOT));
        return t != null ? Optional.of(t) : byExecutable(service);
    }

    /** Tool whose display name starts an installed program's name ({@code "AnyDesk 8.0"}). */
    public Optional<Tool> bySoftware(String software) {
        String n = norm(software);
        Tool best = null;
        int bestLen = 0;
        for (Map.Entry<String, Tool> e : byName.entrySet()) {
            String k = e.getKey();
            if (k.length() >= 4 && k.length() > bestLen && n.startsWith(k)) {
                best = e.getValue();
                bestLen = k.length();
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<Tool> byDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        for (DomainPattern p : domainsBySuffix.getOrDefault(suffix(d), List.of())) {
            if (p.pattern().matcher(d).matches()) {
                return Optional.of(p.tool());
            }
        }
        for (DomainPattern p : domainsAny) {
            if (p.pattern().matcher(d).matches()) {
                return Optional.of(p.tool());
            }
        }
        return Optional.empty();
    }

    static String norm(String s) {
        int paren = s.indexOf('(');
        String t = paren > 0 ? s.substring(0, paren) : s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static String basename(String p) {
        String t = p.trim();
        int i = Math.max(t.lastIndexOf('\\'), t.lastIndexOf('/'));
        return i >= 0 ? t.substring(i + 1) : t;
    }

    private static String suffix(String domain) {
        String[] labels = domain.split("\\.");
        return labels.length < 2 ? domain : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    private void loadTools() {
        for (List<String> row : rows("rmm_tools.csv", 22)) {
            Tool tool = new Tool(row.get(0).trim(), row.get(1).trim());
            byName.putIfAbsent(norm(tool.name()), tool);
            addExecutable(row.get(7), tool);
            addExecutable(row.get(8), tool);
            for (String p : row.get(17).split(",")) {
                addExecutable(p, tool);
            }
            artifacts(row.get(18), tool);
        }
    }

    private void addExecutable(String pathOrName, Tool tool) {
        String p = pathOrName.trim();
        String base = basename(p).toLowerCase(Locale.ROOT);
        if (base.isEmpty() || base.contains("*") || GENERIC.contains(base)) {
            return;
        }
        if (base.endsWith(".exe") || base.endsWith(".app")) {
            executables.putIfAbsent(base.endsWith(".app") ? base.substring(0, base.length() - 4) + ".exe" : base, tool);
        } else if (p.equals(base) && base.matches("[a-z0-9_-]{5,}")) {
            executables.putIfAbsent(base + ".exe", tool);
        }
    }

    private void artifacts(String json, Tool tool) {
        if (json.isBlank()) {
            return;
        }
        JsonNode a;
        try {
            a = JsonInput.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return;
        }
        for (JsonNode disk : Nodes.at(a, "Disk")) {
            String f = Nodes.text(disk.get("File"));
            if (f.toLowerCase(Locale.ROOT).endsWith(".exe")) {
                addExecutable(f, tool);
            }
        }
        for (JsonNode ev : Nodes.at(a, "EventLog")) {
            String svc = Nodes.text(ev.get("ServiceName")).trim().toLowerCase(Locale.ROOT);
            if (!svc.isEmpty() && !svc.contains("*")) {
                services.putIfAbsent(svc, tool);
            }
        }
        for (JsonNode net : Nodes.at(a, "Network")) {
            for (JsonNode d : Nodes.at(net, "Domains")) {
                addDomain(Nodes.text(d), tool);
            }
        }
    }

    private void loadDomains() {
        Map<String, Tool> byDisplay = new HashMap<>();
        byName.values().forEach(t -> byDisplay.putIfAbsent(t.name(), t));
        for (List<String> row : rows("rmm_domains.csv", 2)) {
            Tool t = byDisplay.getOrDefault(row.get(1).trim(), new Tool(row.get(1).trim(), "RMM"));
            addDomain(row.get(0), t);
        }
    }

    private void addDomain(String raw, Tool tool) {
        String d = raw.trim().toLowerCase(Locale.ROOT);
        int colon = d.lastIndexOf(':');
        if (colon > 0 && d.substring(colon + 1).matches("\\d+")) {
            d = d.substring(0, colon);
        }
        if (d.isEmpty() || !d.contains(".") || d.contains(" ") || d.contains("/")) {
            return;
        }
        Pattern p;
        try {
            boolean regex = d.contains("[") || d.contains("{") || d.contains("(");
            p = Pattern.compile(regex ? d : glob(d));
        } catch (PatternSyntaxException e) {
            return;
        }
        String s = suffix(d);
        DomainPattern dp = new DomainPattern(p, tool);
        if (s.matches("[a-z0-9-]+\\.[a-z0-9-]+")) {
            domainsBySuffix.computeIfAbsent(s, k -> new ArrayList<>()).add(dp);
        } else {
            domainsAny.add(dp);
        }
    }

    /** {@code *.x.com} matches x.com and its subdomains; any other {@code *} matches any text. */
    private static String glob(String d) {
        String prefix = "";
        String rest = d;
        if (d.startsWith("*.")) {
            prefix = "(?:.*\\.)?";
            rest = d.substring(2);
        }
        StringBuilder sb = new StringBuilder(prefix);
        String[] parts = rest.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(".*");
            }
            if (!parts[i].isEmpty()) {
                sb.append(Pattern.quote(parts[i]));
            }
        }
        return sb.toString();
    }

    private static List<List<String>> rows(String resource, int columns) {
        InputStream in = RmmCatalogue.class.getResourceAsStream(BASE + resource);
        Objects.requireNonNull(in, () -> "bundled LOLRMM file missing: " + resource);
        List<List<String>> out = new ArrayList<>();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(r);
            CsvReader.Row header = csv.next();
            Objects.requireNonNull(header, "empty " + resource);
            CsvReader.Row row;
            while ((row = csv.next()) != null) {
                if (row.ok() && row.fields().size() >= columns) {
                    out.add(row.fields());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bundled LOLRMM file unreadable: " + resource, e);
        }
        return out;
    }

    /** Tool names, for documentation and allow-list validation. */
    public Set<String> toolNames() {
        Set<String> s = new LinkedHashSet<>();
        byName.values().forEach(t -> s.add(t.name()));
        return s;
    }
}
