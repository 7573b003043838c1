package dev.cordon.intel.importer;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one intelligence file into labels. A bad row is reported with its file and line and
 * left out; every valid row of the same file is still returned. Nothing is written: the caller
 * applies the result to a store in one atomic batch.
 */
public interface LabelImporter {
    /** The format name used on the command line ({@code ofac-csv}, {@code tagpack}). */
    String format();

    /**
     * @param file the name used in messages and as the default source
     * @throws CordonException with {@link ErrorCode#DATA} when the file as a whole cannot be read
     *                         (not the format, broken syntax); the message names file and line
     */
    ParsedList read(InputStream in, String file, ImportContext ctx);

    /** Reads a file from disk. */
    default ParsedList read(Path file, ImportContext ctx) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), ctx);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
