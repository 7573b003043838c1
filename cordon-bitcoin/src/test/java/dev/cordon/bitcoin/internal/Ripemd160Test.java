package dev.cordon.bitcoin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Hex;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ripemd160Test {
    /** Vectors from https://homes.esat.kuleuven.be/~bosselae/ripemd160.html. */
    @ParameterizedTest
    @CsvSource({
        "'', 9c1185a5c5e9fc54612808977ee8f548b2258d31",
        "a, 0bdc9d2d256b3ee9daae347be6f4dc835a467ffe",
        "abc, 8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        "message digest, 5d0689ef49d2fae572b881b123a85ffa21595f36",
        "abcdefghijklmnopqrstuvwxyz, f71c27109c692c1b56bbdceb5b9d2865b3708dbc",
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq, 12a053384a9c0c88e405a06c27dcf49ada62eb2b",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789, b0e20b6e3116640286ed3a87a5713079b21f5189",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890, "
                + "9b752e45573d4b39f4dbd3323cab82bf63326bfb"
    })
    void digest_officialVectors(String message, String expected) {
        byte[] in = message.getBytes(StandardCharsets.US_ASCII);
        assertThat(Hex.encode(new Ripemd160().digest(in, 0, in.length))).isEqualTo(expected);
    }

    @Test
    void digest_millionAs() {
        byte[] in = "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(Hex.encode(new Ripemd160().digest(in, 0, in.length)))
                .isEqualTo("52783243c1697bdbe16d37f97f68f08325dc1528");
    }

    @Test
    void digest_everyLengthAndOffsetMatchesBouncyCastle() {
        SplittableRandom rnd = new SplittableRandom(160);
        Ripemd160 ours = new Ripemd160();
        for (int len = 0; len < 300; len++) {
            byte[] in = new byte[len + 7];
            rnd.nextBytes(in);
            RIPEMD160Digest bc = new RIPEMD160Digest();
            bc.update(in, 3, len);
            byte[] expected = new byte[20];
            bc.doFinal(expected, 0);
            byte[] out = new byte[25];
            ours.digest(in, 3, len, out, 5);
            assertThat(java.util.Arrays.copyOfRange(out, 5, 25)).as("length %d", len).isEqualTo(expected);
        }
    }
}
