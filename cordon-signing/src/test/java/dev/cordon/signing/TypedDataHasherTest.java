package dev.cordon.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class TypedDataHasherTest {
    static final String MAIL = resource("eip712/mail.json");

    static String resource(String name) {
        try (InputStream in = TypedDataHasherTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void hash_eip712MailExample_matchesTheSpecsPublishedValues() {
        assertThat(TypedDataHasher.encodeType(MAIL, "mail.json", "Mail"))
                .isEqualTo("Mail(Person from,Person to,string contents)Person(string name,address wallet)");
        assertThat(SafeHasher.typeHash(TypedDataHasher.encodeType(MAIL, "mail.json", "Mail")).prefixed())
                .isEqualTo("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2");
        SigningHashes h = TypedDataHasher.hash(MAIL, "mail.json");
        assertThat(h.domainHash().prefixed()).isEqualTo("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
        assertThat(h.messageHash().prefixed()).isEqualTo("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e");
        assertThat(h.signedHash().prefixed()).isEqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
    }

    @Test
    void hash_eip712MailExample_theSpecsSignatureRecoversToCow() throws Exception {
        Bytes32 digest = TypedDataHasher.hash(MAIL, "mail.json").signedHash();
        Sign.SignatureData sig = new Sign.SignatureData((byte) 28,
                hex("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"),
                hex("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"));
        BigInteger key = Sign.signedMessageHashToKey(digest.bytes(), sig);
        assertThat(EthAddresses.parse("0x" + Keys.getAddress(key)))
                .isEqualTo(EthAddresses.parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
    }

    @Test
    void hash_domainTypeAbsent_isDerivedFromTheDomainMembers() {
        String noDomainType = MAIL.replaceFirst("(?s)\"EIP712Domain\": \\[.*?],\\s*", "");
        assertThat(noDomainType).doesNotContain("EIP712Domain");
        assertThat(TypedDataHasher.hash(noDomainType, "x").signedHash())
                .isEqualTo(TypedDataHasher.hash(MAIL, "x").signedHash());
    }

    @Test
    void hash_arraysAndIntegers_encodeAsTheSpecSays() {
        String json = "{\"types\":{\"T\":[{\"name\":\"xs\",\"type\":\"int8[2]\"},{\"name\":\"b\",\"type\":\"bytes4\"},"
                + "{\"name\":\"ok\",\"type\":\"bool\"}]},\"primaryType\":\"T\",\"domain\":{\"chainId\":\"0x01\"},"
                + "\"message\":{\"xs\":[-1,\"127\"],\"b\":\"0x01020304\",\"ok\":true}}";
        byte[] xs = new byte[64];
        java.util.Arrays.fill(xs, 0, 32, (byte) 0xff);
        xs[63] = 127;
        byte[] b4 = new byte[32];
        b4[0] = 1;
        b4[1] = 2;
        b4[2] = 3;
        b4[3] = 4;
        byte[] one = new byte[32];
        one[31] = 1;
        byte[] enc = concat(SafeHasher.typeHash("T(int8[2] xs,bytes4 b,bool ok)").bytes(), Bytes32.keccak(xs).bytes(), b4, one);
        assertThat(TypedDataHasher.hash(json, "t").messageHash()).isEqualTo(Bytes32.keccak(enc));
        byte[] domain = concat(SafeHasher.typeHash("EIP712Domain(uint256 chainId)").bytes(), one);
        assertThat(TypedDataHasher.hash(json, "t").domainHash()).isEqualTo(Bytes32.keccak(domain));
    }

    @Test
    void hash_badInput_namesThePath() {
        assertThatThrownBy(() -> TypedDataHasher.hash(MAIL.replace("\"contents\": \"Hello, Bob!\"", "\"contents\": 5"), "m.json"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("m.json").hasMessageContaining("message.contents: expected a string");
        assertThatThrownBy(() -> TypedDataHasher.hash(MAIL.replace("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB",
                "0xBbBbBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"), "m.json"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("message.to.wallet");
        assertThatThrownBy(() -> TypedDataHasher.hash(MAIL.replace("\"name\": \"Bob\",", "\"name\": \"Bob\", \"memo\": \"x\","), "m.json"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("message.to.memo: not a member of Person");
        assertThatThrownBy(() -> TypedDataHasher.hash(MAIL.replace("\"contents\": \"Hello, Bob!\"", "\"other\": 1"), "m.json"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("message.contents: missing");
        assertThatThrownBy(() -> TypedDataHasher.hash(MAIL.replace("\"chainId\": 1", "\"chainId\": -1"), "m.json"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("domain.chainId: -1 is out of range for uint256");
        assertThatThrownBy(() -> TypedDataHasher.hash(MAIL.replace("\"primaryType\": \"Mail\"", "\"primaryType\": \"Letter\""), "m.json"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("primaryType");
    }

    @Test
    void hash_mutatedDocuments_onlyThrowDecodeException() {
        long seed = System.nanoTime();
        System.out.println("TypedDataHasherTest fuzz seed " + seed);
        Random rnd = new Random(seed);
        byte[] base = MAIL.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3000; i++) {
            byte[] m = base.clone();
            for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
                m[rnd.nextInt(m.length)] = (byte) (32 + rnd.nextInt(95));
            }
            try {
                TypedDataHasher.hash(new String(m, StandardCharsets.UTF_8), "fuzz");
            } catch (DecodeException expected) {
                assertThat(expected.getMessage()).contains("fuzz");
            }
        }
    }

    static byte[] hex(String s) {
        return dev.cordon.core.Hex.decode(s, "test");
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
