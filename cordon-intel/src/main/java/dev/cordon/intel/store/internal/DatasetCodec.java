package dev.cordon.intel.store.internal;

import dev.cordon.core.DecodeException;
import dev.cordon.intel.store.DatasetInfo;
import java.time.Instant;

/**
 * Dataset values, version 1: {@code u8 version=1, str id, str title, str source, str licence,
 * str version, i64 imported_at ms, i64 open, i64 closed}.
 */
public final class DatasetCodec {
    public static final int VERSION = 1;

    private DatasetCodec() {
    }

    public static byte[] encode(DatasetInfo d) {
        return new ByteWriter(96).u8(VERSION).str(d.id()).str(d.title()).str(d.source()).str(d.licence())
                .str(d.version()).i64(d.importedAt().toEpochMilli()).i64(d.open()).i64(d.closed()).toBytes();
    }

    /** @throws DecodeException for another version or a damaged record */
    public static DatasetInfo decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes, "dataset record");
        int version = r.u8();
        if (version != VERSION) {
            throw new DecodeException("dataset record", 0, "codec version " + version + " (this build reads " + VERSION + ")");
        }
        DatasetInfo d = new DatasetInfo(r.str(), r.str(), r.str(), r.str(), r.str(), Instant.ofEpochMilli(r.i64()),
                r.i64(), r.i64());
        r.end();
        return d;
    }
}
