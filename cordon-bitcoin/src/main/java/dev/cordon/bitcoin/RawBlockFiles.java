package dev.cordon.bitcoin;

import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Single serialized blocks stored one per file, either as raw bytes or as hex text (what
 * {@code bitcoin-cli getblock <hash> 0} prints). Hex may be in either case and broken by
 * whitespace and newlines; anything else is an error naming the file, the byte offset, and the
 * line and column.
 */
public final class RawBlockFiles {
    private static final int SNIFF = 2 * BlockCursor.HEADER_SIZE;

    private RawBlockFiles() {
    }

    /**
     * Reads a block file, telling hex text from binary by its start: if the first 160
     * non-whitespace bytes (a hex header) are all hex digits the file is hex, otherwise binary.
     * A binary header cannot look like that: its hash fields are random bytes.
     *
     * @throws DecodeException for hex text with a non-hex character or an odd digit count
     * @throws CordonException with {@link ErrorCode#IO} when the file cannot be read
     */
    public static byte[] read(Path file) {
        byte[] data = bytes(file);
        return looksLikeHex(data) ? parseHex(data, file.toString()) : data;
    }

    /** Reads a binary block file as is. */
    public static byte[] readBinary(Path file) {
        return bytes(file);
    }

    /**
     * Reads a hex text block file.
     *
     * @throws DecodeException for a non-hex, non-whitespace character or an odd digit count
     */
    public static byte[] readHex(Path file) {
        return parseHex(bytes(file), file.toString());
    }

    /**
     * Decodes hex digits from ASCII text, skipping spaces, tabs, CR and LF, and an optional
     * leading {@code 0x}.
     *
     * @param source named in error messages
     * @throws DecodeException naming the byte offset, line and column of the first bad character
     */
    public static byte[] parseHex(byte[] text, String source) {
        byte[] out = new byte[text.length / 2];
        int n = 0;
        int pending = -1;
        int line = 1;
        int lineStart = 0;
        int i = skipPrefix(text);
        for (; i < text.length; i++) {
            int c = text[i] & 0xff;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                continue;
            }
            int d = digit(c);
            if (d < 0) {
                throw new DecodeException(source, i, "not a hex digit: " + describe(c) + " (line " + line
                        + ", column " + (i - lineStart + 1) + ")");
            }
            if (pending < 0) {
                pending = d;
            } else {
                out[n++] = (byte) (pending << 4 | d);
                pending = -1;
            }
        }
        if (pending >= 0) {
            throw new DecodeException(source, text.length, "odd number of hex digits");
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int skipPrefix(byte[] t) {
        int i = 0;
        while (i < t.length && isSpace(t[i])) {
            i++;
        }
        return i + 1 < t.length && t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X') ? i + 2 : 0;
    }

    private static boolean looksLikeHex(byte[] data) {
        int seen = 0;
        for (int i = skipPrefix(data); i < data.length && seen < SNIFF; i++) {
            if (isSpace(data[i])) {
                continue;
            }
            if (digit(data[i] & 0xff) < 0) {
                return false;
            }
            seen++;
        }
        return seen > 0;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static String describe(int c) {
        return c >= 0x21 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e, e);
        }
    }
}
