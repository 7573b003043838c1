package dev.cordon.intel.scenario;

/** An output the generator created: identity matters (the oracle keys taint by it). */
final class Coin {
    final byte[] txid;
    final int vout;
    final long value;
    final int address;
    final int height;

    Coin(byte[] txid, int vout, long value, int address, int height) {
        this.txid = txid;
        this.vout = vout;
        this.value = value;
        this.address = address;
        this.height = height;
    }

    String outpoint() {
        return BlockSerializer.displayHex(txid) + ":" + vout;
    }
}
