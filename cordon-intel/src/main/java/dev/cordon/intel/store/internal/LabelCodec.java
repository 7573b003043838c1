package dev.cordon.intel.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.core.TxId;
import java.time.Instant;
import java.util.Optional;

/**
 * Label values, version 1:
 *
 * <pre>
 * u8 version=1, u8 chain id, u8 subject kind (0 address, 1 transaction),
 * address: str text | transaction: 32 bytes display order,
 * str name, u8 category id, u8 abuse id (0xff: none), u8 flags (bit 0 actor, bit 1 valid_to),
 * [str actor], str source, u8 confidence id, i64 valid_from ms, [i64 valid_to ms],
 * str added_by, i64 added_at ms, str dataset, str note
 * </pre>
 *
 * Strings are a varint byte length then UTF-8; integers big-endian. Instants keep milliseconds.
 */
public final class LabelCodec {
    public static final int VERSION = 1;
    private static final int NONE = 0xff;

    private LabelCodec() {
    }

    public static byte[] encode(Label l) {
        ByteWriter w = new ByteWriter(128).u8(VERSION).u8(l.subject().chain().id());
        if (l.subject() instanceof LabelSubject.OfTx tx) {
            w.u8(1).raw(tx.tx().bytes());
        } else {
            w.u8(0).str(l.subject().text());
        }
        w.str(l.name()).u8(l.category().id()).u8(l.abuse().map(Category::id).orElse(NONE));
        int flags = (l.actor().isPresent() ? 1 : 0) | (l.validTo().isPresent() ? 2 : 0);
        w.u8(flags);
        l.actor().ifPresent(w::str);
        w.str(l.source()).u8(l.confidence().id()).i64(l.validFrom().toEpochMilli());
        l.validTo().ifPresent(t -> w.i64(t.toEpochMilli()));
        return w.str(l.addedBy()).i64(l.addedAt().toEpochMilli()).str(l.dataset()).str(l.note()).toBytes();
    }

    /** @throws DecodeException for another version or a damaged record */
    public static Label decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes, "label record");
        int version = r.u8();
        if (version != VERSION) {
            throw new DecodeException("label record", 0, "codec version " + version + " (this build reads " + VERSION + ")");
        }
        Chain chain = Chain.ofId(r.u8());
        int kind = r.u8();
        LabelSubject subject = switch (kind) {
            case 0 -> LabelSubject.of(new Address(chain, r.str()));
            case 1 -> LabelSubject.of(chain, new TxId(r.raw(32)));
            default -> throw new DecodeException("label record", 2, "unknown subject kind " + kind);
        };
        String name = r.str();
        Category category = Category.ofId(r.u8());
        int abuseId = r.u8();
        Optional<Category> abuse = abuseId == NONE ? Optional.empty() : Optional.of(Category.ofId(abuseId));
        int flags = r.u8();
        Optional<String> actor = (flags & 1) != 0 ? Optional.of(r.str()) : Optional.empty();
        String source = r.str();
        Confidence confidence = Confidence.ofId(r.u8());
        Instant from = Instant.ofEpochMilli(r.i64());
        Optional<Instant> to = (flags & 2) != 0 ? Optional.of(Instant.ofEpochMilli(r.i64())) : Optional.empty();
        String addedBy = r.str();
        Instant addedAt = Instant.ofEpochMilli(r.i64());
        String dataset = r.str();
        String note = r.str();
        r.end();
        return new Label(subject, name, category, abuse, actor, source, confidence, from, to, addedBy, addedAt, dataset, note);
    }
}
