package dev.cordon.store.internal;

import dev.cordon.core.ErrorCode;
import dev.cordon.store.StoreException;

/** Checks shared by the record codecs. */
final class Codec {
    private Codec() {
    }

    /**
     * @throws StoreException with {@link ErrorCode#STORE} unless {@code value} has the expected
     *                        codec version byte and at least {@code minLength} bytes
     */
    static void check(byte[] value, Column column, int version, int minLength) {
        if (value.length == 0 || value[0] != version) {
            int found = value.length == 0 ? -1 : value[0] & 0xff;
            throw new StoreException(ErrorCode.STORE, "a " + column + " record has codec version " + found
                    + "; this build reads " + version);
        }
        if (value.length < minLength) {
            throw new StoreException(ErrorCode.STORE, "a " + column + " record is " + value.length
                    + " bytes, expected at least " + minLength);
        }
    }

    /** Fixed-width records without a version byte: only the length can be checked. */
    static void checkLength(byte[] value, Column column, int length) {
        if (value.length != length) {
            throw new StoreException(ErrorCode.STORE, "a " + column + " record is " + value.length
                    + " bytes, expected " + length);
        }
    }
}
