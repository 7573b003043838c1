package dev.cordon.intel.internal;

import dev.cordon.core.DecodeException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML read as a node tree that keeps line numbers, so that a bad field is reported where it is.
 * Scalars stay text (no implicit typing of dates or booleans). Aliases are limited against
 * expansion bombs.
 */
public final class Yaml {
    private Yaml() {
    }

    /**
     * @throws DecodeException naming file and line when the text is not YAML
     */
    public static Node parse(Reader in, String file) {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(50);
        o.setAllowDuplicateKeys(false);
        o.setCodePointLimit(64 * 1024 * 1024);
        try {
            Node n = new org.yaml.snakeyaml.Yaml(o).compose(in);
            if (n == null) {
                throw new DecodeException(file, -1, "the file is empty");
            }
            return n;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new DecodeException(file + " line " + line, -1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new DecodeException(file, -1, "not valid YAML: " + e.getMessage());
        }
    }

    /** 1-based line where the node starts. */
    public static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** The entries of a mapping node by key, in order; empty for any other node. */
    public static Map<String, Node> map(Node n) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.put(k.getValue(), t.getValueNode());
                }
            }
        }
        return out;
    }

    /** The items of a sequence node; empty for any other node. */
    public static List<Node> list(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** The text of a scalar, stripped; empty when absent, null-valued or not a scalar. */
    public static Optional<String> text(Node n) {
        if (n instanceof ScalarNode s && !"tag:yaml.org,2002:null".equals(s.getTag().getValue())) {
            String v = s.getValue().strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
        return Optional.empty();
    }

    /** Whether the node is a scalar (as opposed to a list or mapping). */
    public static boolean isScalar(Node n) {
        return n instanceof ScalarNode;
    }
}
