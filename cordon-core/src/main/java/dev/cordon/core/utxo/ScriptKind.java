package dev.cordon.core.utxo;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/** The shape of an output script. The {@link #id()} is persisted and never reused. */
public enum ScriptKind {
    /** Pay to public key; shown as the P2PKH address of that key, as explorers do. */
    P2PK(0),
    P2PKH(1),
    P2SH(2),
    P2WPKH(3),
    P2WSH(4),
    P2TR(5),
    /** A witness program of a version or length not otherwise known (bech32m, future use). */
    WITNESS_UNKNOWN(6),
    /** Bare m-of-n multisig; no address, the script is kept. */
    MULTISIG(7),
    /** Provably unspendable data carrier; the payload is kept. */
    OP_RETURN(8),
    /** Anything else; the script is kept. */
    NONSTANDARD(9);

    private final int id;

    ScriptKind(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static ScriptKind ofId(int id) {
        for (ScriptKind k : values()) {
            if (k.id == id) {
                return k;
            }
        }
        throw new CordonException(ErrorCode.DATA, "unknown script kind id " + id);
    }
}
