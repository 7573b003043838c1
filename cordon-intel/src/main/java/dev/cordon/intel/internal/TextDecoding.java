package dev.cordon.intel.internal;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding of text files whose encoding is stated by convention but not always honoured. */
public final class TextDecoding {
    private TextDecoding() {
    }

    /** Decoded text and whether it was read as UTF-8. */
    public record Decoded(String text, boolean utf8) {
    }

    /**
     * Reads latin-1 text, unless the bytes are valid UTF-8 holding at least one multi-byte
     * sequence (a re-encoded copy), which is then read as UTF-8. A UTF-8 byte order mark is
     * dropped.
     */
    public static Decoded latin1OrUtf8(InputStream in, String file) {
        byte[] b;
        try {
            b = in.readAllBytes();
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        int off = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
        boolean high = false;
        for (int i = off; i < b.length; i++) {
            if (b[i] < 0) {
                high = true;
                break;
            }
        }
        if (high || off > 0) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
                return new Decoded(s, true);
            } catch (CharacterCodingException e) {
                // not UTF-8: latin-1 as published
            }
        }
        return new Decoded(new String(b, off, b.length - off, StandardCharsets.ISO_8859_1), false);
    }
}
