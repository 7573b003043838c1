package dev.cordon.ethereum.flow.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.Chain;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.ContractCreation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects a block's transfers in order, numbering positions within each transaction. One per
 * decode; not thread-safe.
 */
public final class Emitter {
    /** Ether. */
    public static final Asset ETH = Chain.ETHEREUM.nativeAsset();

    private final long height;
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<ContractCreation> creations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<BridgeDeposit> deposits = new ArrayList<>();
    private int logIndex;
    private TxId tx;
    private int txIndex;
    private int position;

    public Emitter(long height) {
        this.height = height;
    }

    /** Starts the next transaction; positions restart at 0. */
    public void beginTx(TxId txId, int index) {
        this.tx = txId;
        this.txIndex = index;
        this.position = 0;
    }

    public TxId tx() {
        return tx;
    }

    public int txIndex() {
        return txIndex;
    }

    /** Emits an ether movement unless the value is zero. */
    public void ether(TransferKind kind, Address from, Address to, BigInteger wei) {
        if (wei.signum() != 0) {
            transfers.add(new Transfer(Chain.ETHEREUM, tx, height, txIndex, position++, kind, from, to,
                    new Amount(ETH, wei), Optional.empty()));
        }
    }

    /** Emits a token movement, zero amounts included (zero transfers are used in address poisoning). */
    public void token(TransferKind kind, Asset asset, Address from, Address to, BigInteger units,
                      BigInteger tokenId) {
        transfers.add(new Transfer(Chain.ETHEREUM, tx, height, txIndex, position++, kind, from, to,
                new Amount(asset, units), Optional.ofNullable(tokenId)));
    }

    public void creation(Address creator, Address contract) {
        creations.add(new ContractCreation(tx, txIndex, creator, contract));
    }

    public void deposit(BridgeDeposit d) {
        deposits.add(d);
    }

    /** The block-wide index the next log gets; logs are numbered across the block's transactions. */
    public int nextLogIndex() {
        return logIndex++;
    }

    public void note(String line) {
        notes.add(line);
    }

    public List<Transfer> transfers() {
        return transfers;
    }

    public List<ContractCreation> creations() {
        return creations;
    }

    public List<String> notes() {
        return notes;
    }

    public List<BridgeDeposit> deposits() {
        return deposits;
    }
}
