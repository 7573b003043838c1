package dev.cordon.ethereum.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A streaming parser that hides the object members named in a set: the member's name and its
 * whole value are passed over by the underlying parser, which skips string contents without
 * decoding them and nested values without building them. A tree read through it holds only the
 * other members. A plain name ({@code "input"}) is hidden at any depth; {@code "logs[].blockHash"}
 * hides {@code blockHash} only in the objects that are elements of an array member named
 * {@code logs}. Covers both ways Jackson's tree reader advances ({@link #nextToken()} and
 * {@link #nextFieldName()}).
 */
final class SkippingParser extends JsonParserDelegate {
    private final Set<String> skipped;
    /** Array member name to the names hidden in its element objects. */
    private final Map<String, Set<String>> skippedInArrays;

    SkippingParser(JsonParser parser, Set<String> skipped) {
        super(parser);
        Set<String> anywhere = new HashSet<>();
        Map<String, Set<String>> inArrays = new HashMap<>();
        for (String s : skipped) {
            int at = s.indexOf("[].");
            if (at < 0) {
                anywhere.add(s);
            } else {
                inArrays.computeIfAbsent(s.substring(0, at), k -> new HashSet<>()).add(s.substring(at + 3));
            }
        }
        this.skipped = anywhere;
        this.skippedInArrays = inArrays;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        while (t == JsonToken.FIELD_NAME && hidden(delegate.currentName())) {
            skipValue();
            t = delegate.nextToken();
        }
        return t;
    }

    @Override
    public String nextFieldName() throws IOException {
        String name = delegate.nextFieldName();
        while (name != null && hidden(name)) {
            skipValue();
            name = delegate.nextFieldName();
        }
        return name;
    }

    @Override
    public boolean nextFieldName(SerializableString str) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(delegate.currentName());
    }

    /** Whether the member {@code name} of the current object is hidden. */
    private boolean hidden(String name) {
        if (skipped.contains(name)) {
            return true;
        }
        if (skippedInArrays.isEmpty()) {
            return false;
        }
        JsonStreamContext array = delegate.getParsingContext().getParent();
        if (array == null || !array.inArray() || array.getParent() == null) {
            return false;
        }
        Set<String> names = skippedInArrays.get(array.getParent().getCurrentName());
        return names != null && names.contains(name);
    }

    /** Positioned on a skipped member's name: moves past its value. */
    private void skipValue() throws IOException {
        delegate.nextToken();
        delegate.skipChildren();
    }
}
