package dev.cordon.intel.account;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.store.ChainStore;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds Ethereum blocks of value flows for tests: addresses and transactions by small numbers. */
final class EthChain {
    static final Asset ETH = Chain.ETHEREUM.nativeAsset();
    static final Asset TOKEN = Asset.token(addr(9_000), "TKN", 6);
    static final Address MINER = addr(9_999);
    static final Address BURN = new Address(Chain.ETHEREUM, "0x" + "0".repeat(40));
    static final long T0 = 1_700_000_000L;

    private final List<EthBlockFlows> blocks = new ArrayList<>();
    private final List<Transfer> all = new ArrayList<>();
    private List<Transfer> current = new ArrayList<>();
    private long height = 100;
    private int txIndex = -1;
    private int position;
    private int txCount;
    private TxId tx;

    static Address addr(int n) {
        return new Address(Chain.ETHEREUM, String.format("0x%040x", n + 1));
    }

    static TxId txid(long height, int index) {
        byte[] b = new byte[32];
        b[0] = (byte) 0xee;
        for (int i = 0; i < 8; i++) {
            b[8 + i] = (byte) (height >>> (56 - 8 * i));
        }
        b[31] = (byte) index;
        b[30] = (byte) (index >>> 8);
        return new TxId(b);
    }

    /** Starts a transaction in the current block, its fee (burn, tip) paid by {@code payer}. */
    EthChain tx(int payer, long burn, long tip) {
        txIndex++;
        txCount++;
        position = 0;
        tx = txid(height, txIndex);
        if (burn > 0) {
            add(TransferKind.FEE_BURN, addr(payer), BURN, ETH, BigInteger.valueOf(burn));
        }
        if (tip > 0) {
            add(TransferKind.FEE_TIP, addr(payer), MINER, ETH, BigInteger.valueOf(tip));
        }
        return this;
    }

    EthChain eth(int from, int to, long wei) {
        return eth(from, to, BigInteger.valueOf(wei));
    }

    EthChain eth(int from, int to, BigInteger wei) {
        add(position == 0 ? TransferKind.NATIVE : TransferKind.INTERNAL, addr(from), addr(to), ETH, wei);
        return this;
    }

    static final Asset WETH = Asset.token(addr(8_000), "WETH", 18);

    /** A WETH deposit: ETH from {@code who} to the WETH contract, WETH minted back. */
    EthChain wrap(int who, BigInteger wei) {
        add(TransferKind.NATIVE, addr(who), addr(8_000), ETH, wei);
        add(TransferKind.WRAP, addr(8_000), addr(who), WETH, wei);
        return this;
    }

    /** A WETH withdrawal: the contract's internal ETH payment, then the burn event. */
    EthChain unwrap(int who, BigInteger wei) {
        add(TransferKind.INTERNAL, addr(8_000), addr(who), ETH, wei);
        add(TransferKind.UNWRAP, addr(who), addr(8_000), WETH, wei);
        return this;
    }

    EthChain weth(int from, int to, BigInteger units) {
        add(TransferKind.ERC20, addr(from), addr(to), WETH, units);
        return this;
    }

    EthChain token(int from, int to, BigInteger units) {
        add(TransferKind.ERC20, addr(from), addr(to), TOKEN, units);
        return this;
    }

    /** Closes the current block and opens the next. */
    EthChain block() {
        blocks.add(new EthBlockFlows(height, hash(height), hash(height - 1), Instant.ofEpochSecond(T0 + 12 * height),
                MINER, txCount, current, List.of(), List.of()));
        current = new ArrayList<>();
        height++;
        txIndex = -1;
        txCount = 0;
        return this;
    }

    /** The transaction opened last. */
    TxId lastTx() {
        return tx;
    }

    List<Transfer> transfers() {
        return all;
    }

    void applyTo(ChainStore store) {
        if (!current.isEmpty()) {
            block();
        }
        for (EthBlockFlows b : blocks) {
            store.ethereum().applyBlock(b);
        }
        blocks.clear();
    }

    static BlockHash hash(long h) {
        byte[] b = new byte[32];
        for (int i = 0; i < 8; i++) {
            b[24 + i] = (byte) (h >>> (56 - 8 * i));
        }
        b[0] = 1;
        return new BlockHash(b);
    }

    private void add(TransferKind k, Address from, Address to, Asset a, BigInteger units) {
        Transfer t = new Transfer(Chain.ETHEREUM, tx, height, txIndex, position++, k, from, to, new Amount(a, units),
                Optional.empty());
        current.add(t);
        all.add(t);
    }
}
