package dev.cordon.core;

/**
 * Input that cannot be decoded. The message names the source (file, block hash or field) and
 * the byte offset or line where decoding stopped, when known.
 */
public class DecodeException extends CordonException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long position;

    /**
     * @param source   file name, block hash, or field that was being decoded; may be empty
     * @param position byte offset (or line number, as the message says) or -1 when unknown
     * @param problem  what is wrong, without the location
     */
    public DecodeException(String source, long position, String problem) {
        super(ErrorCode.DATA, format(source, position, problem));
        this.source = source;
        this.position = position;
    }

    public DecodeException(String source, long position, String problem, Throwable cause) {
        super(ErrorCode.DATA, format(source, position, problem), cause);
        this.source = source;
        this.position = position;
    }

    /** The file, block or field being decoded; empty when unknown. */
    public String source() {
        return source;
    }

    /** Byte offset (or line) where decoding stopped, or -1 when unknown. */
    public long position() {
        return position;
    }

    private static String format(String source, long position, String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(source);
            if (position >= 0) {
                sb.append(" at byte ").append(position);
            }
            sb.append(": ");
        } else if (position >= 0) {
            sb.append("at byte ").append(position).append(": ");
        }
        return sb.append(problem).toString();
    }
}
