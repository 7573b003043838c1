package dev.cordon.workforce.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * The field names a reader of one JSON object acts on, with the order in which the input has been
 * writing them, so that each name is matched by comparing bytes with
 * {@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)} instead of being
 * hashed through the parser's symbol table.
 *
 * <p>Design notes: the guess for the next name is the known name that followed the previous known
 * name last time (initially the order given), so one writer's order is learnt after a record. A
 * guess that fails costs little: the parser has then read the token as {@link JsonParser#nextToken()}
 * would and the name is looked up as usual. Any order, unknown and repeated names therefore read
 * exactly as without this class. One instance per object reader; not thread-safe.
 */
public final class FieldOrder {
    private final SerializedString[] names;
    /** Index of the name expected after name i; the last slot is the first name of an object. */
    private final int[] successor;
    private int prev;

    public FieldOrder(String... names) {
        this.names = new SerializedString[names.length];
        this.successor = new int[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            this.names[i] = new SerializedString(names[i]);
            successor[i] = i + 1;
        }
        successor[names.length] = 0;
    }

    /** Call when the reader enters the object (after its {@code START_OBJECT}). */
    public void start() {
        prev = names.length;
    }

    /**
     * Advances the parser by one token.
     *
     * @return the field name when the token is {@code FIELD_NAME}, otherwise null (end of object)
     */
    public String nextName(JsonParser p) throws IOException {
        int guess = successor[prev];
        if (guess < names.length) {
            if (p.nextFieldName(names[guess])) {
                prev = guess;
                return names[guess].getValue();
            }
        } else {
            p.nextToken();
        }
        if (p.currentToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String f = p.currentName();
        for (int i = 0; i < names.length; i++) {
            if (names[i].getValue().equals(f)) {
                successor[prev] = i;
                prev = i;
                return f;
            }
        }
        return f;
    }
}
