package dev.cordon.intel.export;

import dev.cordon.core.Actor;
import dev.cordon.core.CordonException;
import dev.cordon.core.Label;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Writes labels in a format other tools read. */
public interface LabelExporter {
    /** The format name used on the command line ({@code tagpack}, {@code csv}, {@code stix}). */
    String format();

    /**
     * @param actors the actors the labels name, by id (may miss some)
     * @throws CordonException with {@code IO} when writing fails
     */
    void write(List<Label> labels, Map<String, Actor> actors, OutputStream out);
}
