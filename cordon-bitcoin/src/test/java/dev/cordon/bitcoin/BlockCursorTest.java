package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.DecodeException;
import dev.cordon.core.TxId;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of {@link BlockCursor}'s CompactSize and spend checks on the genesis block (285 bytes:
 * header, transaction count at byte 80, the coinbase's output count at byte 204) and block 170.
 */
class BlockCursorTest {
    private final BlockCursor cursor = new BlockCursor();

    private static byte[] genesis() {
        return TestData.firstBlocks().get(0);
    }

    @Test
    void parse_threeByteCountBelow0xfd_isNonCanonical() {
        byte[] raw = genesis();
        raw[80] = (byte) 0xfd;
        raw[81] = 1;
        raw[82] = 0;
        assertThatThrownBy(() -> cursor.parse(raw, 0, raw.length, "g", 0)).isInstanceOf(DecodeException.class)
                .hasMessage("g at byte 80: non-canonical CompactSize 1 for transaction count");
    }

    @Test
    void parse_nineByteCount_cannotFit() {
        byte[] raw = genesis();
        raw[80] = (byte) 0xff;
        for (int i = 81; i < 89; i++) {
            raw[i] = 0;
        }
        raw[88] = 1;
        assertThatThrownBy(() -> cursor.parse(raw, 0, raw.length, "g", 0)).isInstanceOf(DecodeException.class)
                .hasMessage("g at byte 80: 72057594037927936 transactions cannot fit in the remaining 196 bytes");
    }

    @Test
    void parse_outputCountOneAboveWhatFits_isRejectedAsCount() {
        byte[] raw = genesis();
        raw[204] = 9;
        assertThatThrownBy(() -> cursor.parse(raw, 0, raw.length, "g", 0)).isInstanceOf(DecodeException.class)
                .hasMessage("g at byte 204: 9 outputs cannot fit in the remaining 80 bytes");
        raw[204] = 8;
        assertThatThrownBy(() -> cursor.parse(raw, 0, raw.length, "g", 0)).isInstanceOf(DecodeException.class)
                .hasMessageNotContaining("cannot fit");
    }

    @Test
    void parse_spendOfIndexAbove2pow31_isRejectedAtTheIndex() {
        byte[] raw = TestData.firstBlocks().get(170);
        cursor.parse(raw, 0, raw.length);
        assertThat(cursor.txid(1)).isEqualTo(TxId.parse("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16"));
        int index = cursor.prevTxidOffset(cursor.firstInput(1)) + 32;
        raw[index + 3] = (byte) 0x80;
        assertThatThrownBy(() -> cursor.parse(raw, 0, raw.length, "b170", 1000)).isInstanceOf(DecodeException.class)
                .hasMessage("b170 at byte " + (1000 + index) + ": input spends output index 2147483648,"
                        + " beyond any transaction's outputs");
    }
}
