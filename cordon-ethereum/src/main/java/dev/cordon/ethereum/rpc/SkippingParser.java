package dev.cordon.ethereum.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Set;

/**
 * A streaming parser that hides the object members named in a set, at any depth: the member's
 * name and its whole value are passed over by the underlying parser, which skips string contents
 * without decoding them and nested values without building them. A tree read through it holds
 * only the other members. Covers both ways Jackson's tree reader advances ({@link #nextToken()}
 * and {@link #nextFieldName()}).
 */
final class SkippingParser extends JsonParserDelegate {
    private final Set<String> skipped;

    SkippingParser(JsonParser parser, Set<String> skipped) {
        super(parser);
        this.skipped = skipped;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        while (t == JsonToken.FIELD_NAME && skipped.contains(delegate.currentName())) {
            skipValue();
            t = delegate.nextToken();
        }
        return t;
    }

    @Override
    public String nextFieldName() throws IOException {
        String name = delegate.nextFieldName();
        while (name != null && skipped.contains(name)) {
            skipValue();
            name = delegate.nextFieldName();
        }
        return name;
    }

    @Override
    public boolean nextFieldName(SerializableString str) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(delegate.currentName());
    }

    /** Positioned on a skipped member's name: moves past its value. */
    private void skipValue() throws IOException {
        delegate.nextToken();
        delegate.skipChildren();
    }
}
