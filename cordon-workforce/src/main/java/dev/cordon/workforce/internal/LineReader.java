package dev.cordon.workforce.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them. A line longer than the limit is
 * consumed and returned as {@link #TOO_LONG} so that the caller can report it and go on.
 */
public final class LineReader {
    /** Returned by {@link #next()} for a line over the limit. */
    public static final int TOO_LONG = -2;
    /** Returned by {@link #next()} at the end of input. */
    public static final int EOF = -1;

    private final InputStream in;
    private final int maxLine;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[1024];
    private long lineNo;

    public LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Bytes of the current line (valid up to the length {@link #next()} returned). */
    public byte[] buffer() {
        return line;
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNo;
    }

    /** Reads the next line, without its terminator; returns its length, {@link #EOF} or {@link #TOO_LONG}. */
    public int next() throws IOException {
        int len = 0;
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    if (!any) {
                        return EOF;
                    }
                    break;
                }
            }
            any = true;
            int start = chunkPos;
            int end = start;
            while (end < chunkLen && chunk[end] != '\n') {
                end++;
            }
            int n = end - start;
            if (!tooLong) {
                if (len + n > maxLine) {
                    tooLong = true;
                } else {
                    ensure(len + n);
                    System.arraycopy(chunk, start, line, len, n);
                    len += n;
                }
            }
            chunkPos = end;
            if (end < chunkLen) {
                chunkPos++;
                break;
            }
        }
        lineNo++;
        if (tooLong) {
            return TOO_LONG;
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return len;
    }

    private void ensure(int n) {
        if (n > line.length) {
            line = Arrays.copyOf(line, Math.max(n, Math.min(maxLine, line.length * 2)));
        }
    }
}
