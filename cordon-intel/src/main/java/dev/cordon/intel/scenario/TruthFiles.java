package dev.cordon.intel.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads the ground-truth JSON files the scenario generators put beside their data. */
public final class TruthFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TruthFiles() {
    }

    /**
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public static void write(Path file, Object truth) {
        try {
            MAPPER.writeValue(file.toFile(), truth);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws CordonException with {@link ErrorCode#IO} when the file cannot be read or parsed
     */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
