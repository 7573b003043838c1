package dev.cordon.intel.store.internal;

import dev.cordon.core.Actor;
import dev.cordon.core.Category;
import dev.cordon.core.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Actor values, version 1: {@code u8 version=1, str id, str label, varint n, n x u8 category id,
 * varint n, n x str jurisdiction, u8 has_uri, [str uri], varint n, n x str alias, str source}.
 */
public final class ActorCodec {
    public static final int VERSION = 1;

    private ActorCodec() {
    }

    public static byte[] encode(Actor a) {
        ByteWriter w = new ByteWriter(64).u8(VERSION).str(a.id()).str(a.label()).varint(a.categories().size());
        a.categories().forEach(c -> w.u8(c.id()));
        w.varint(a.jurisdictions().size());
        a.jurisdictions().forEach(w::str);
        w.u8(a.uri().isPresent() ? 1 : 0);
        a.uri().ifPresent(w::str);
        w.varint(a.aliases().size());
        a.aliases().forEach(w::str);
        return w.str(a.source()).toBytes();
    }

    /** @throws DecodeException for another version or a damaged record */
    public static Actor decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes, "actor record");
        int version = r.u8();
        if (version != VERSION) {
            throw new DecodeException("actor record", 0, "codec version " + version + " (this build reads " + VERSION + ")");
        }
        String id = r.str();
        String label = r.str();
        List<Category> cats = new ArrayList<>();
        for (int i = r.varint(); i > 0; i--) {
            cats.add(Category.ofId(r.u8()));
        }
        List<String> juris = new ArrayList<>();
        for (int i = r.varint(); i > 0; i--) {
            juris.add(r.str());
        }
        Optional<String> uri = r.u8() == 1 ? Optional.of(r.str()) : Optional.empty();
        List<String> aliases = new ArrayList<>();
        for (int i = r.varint(); i > 0; i--) {
            aliases.add(r.str());
        }
        String source = r.str();
        r.end();
        return new Actor(id, label, cats, juris, uri, aliases, source);
    }
}
