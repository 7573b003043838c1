package dev.cordon.intel.scenario;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The generator's chain: addresses, transactions collected into blocks, and the blocks framed
 * into {@code blk*.dat} files as Bitcoin Core writes them (magic, length, block; files roll
 * over at 128 MiB). Every transaction is also handed to the {@link FifoOracle}.
 */
final class Ledger implements AutoCloseable {
    static final long COIN = 100_000_000L;
    static final long SUBSIDY = 50 * COIN;
    static final long MAX_FILE = 128L << 20;
    static final int BLOCK_SECONDS = 600;

    private final Path dir;
    private final Random rnd;
    private final BitcoinNetwork network = BitcoinNetwork.MAINNET;
    private final List<byte[]> programs = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private final List<BlockSerializer.Tx> blockTxs = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final long startTime;
    private FifoOracle oracle;
    private OutputStream out;
    private long fileSize = MAX_FILE;
    private byte[] tip = new byte[32];
    private long blockFees;
    private int height;
    private long txCount;

    Ledger(Path dir, Random rnd, long startTime) {
        this.dir = dir;
        this.rnd = rnd;
        this.startTime = startTime;
    }

    void oracle(FifoOracle o) {
        this.oracle = o;
    }

    int newAddress() {
        byte[] program = new byte[20];
        rnd.nextBytes(program);
        programs.add(program);
        addresses.add(BitcoinAddresses.segwit(0, program, 0, 20, network));
        return programs.size() - 1;
    }

    String address(int index) {
        return addresses.get(index);
    }

    /** Height of the block being filled. */
    int height() {
        return height;
    }

    long time(int h) {
        return startTime + (long) BLOCK_SECONDS * h;
    }

    long txCount() {
        return txCount;
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    String tipHex() {
        return BlockSerializer.displayHex(tip);
    }

    /**
     * Adds a transaction spending {@code inputs} and paying {@code values[k]} to
     * {@code addrs[k]}; the fee is what is left.
     *
     * @return its outputs, in order
     */
    List<Coin> pay(List<Coin> inputs, long[] values, int[] addrs) {
        return pay(inputs, values, addrs, null);
    }

    /**
     * As {@link #pay(List, long[], int[])}, with a last, zero-value OP_RETURN output carrying
     * {@code memo} (UTF-8) when it is not null; its coin has address -1.
     */
    List<Coin> pay(List<Coin> inputs, long[] values, int[] addrs, String memo) {
        long in = 0;
        for (Coin c : inputs) {
            in += c.value;
        }
        long outSum = 0;
        List<BlockSerializer.In> ins = new ArrayList<>(inputs.size());
        for (Coin c : inputs) {
            ins.add(new BlockSerializer.In(c.txid, c.vout));
        }
        List<BlockSerializer.Out> outs = new ArrayList<>(values.length);
        for (int k = 0; k < values.length; k++) {
            if (values[k] < 0) {
                throw new IllegalStateException("negative output");
            }
            outs.add(BlockSerializer.Out.p2wpkh(values[k], programs.get(addrs[k])));
            outSum += values[k];
        }
        if (memo != null) {
            outs.add(BlockSerializer.Out.opReturn(memo.getBytes(StandardCharsets.UTF_8)));
            values = Arrays.copyOf(values, values.length + 1);
            addrs = Arrays.copyOf(addrs, addrs.length + 1);
            addrs[addrs.length - 1] = -1;
        }
        if (inputs.isEmpty() || outSum > in) {
            throw new IllegalStateException("transaction pays " + outSum + " from " + in);
        }
        BlockSerializer.Tx tx = BlockSerializer.tx(ins, outs);
        List<Coin> coins = coins(tx, values, addrs);
        blockTxs.add(tx);
        blockFees += in - outSum;
        txCount++;
        if (oracle != null) {
            oracle.apply(inputs, coins, in - outSum);
        }
        return coins;
    }

    /** Closes the current block with a coinbase paying subsidy and fees to {@code miner}. */
    Coin mine(int miner) {
        long[] values = {SUBSIDY + blockFees};
        int[] addrs = {miner};
        BlockSerializer.Tx cb = BlockSerializer.coinbase(height, List.of(BlockSerializer.Out.p2wpkh(values[0], programs.get(miner))));
        List<BlockSerializer.Tx> txs = new ArrayList<>(blockTxs.size() + 1);
        txs.add(cb);
        txs.addAll(blockTxs);
        byte[] block = BlockSerializer.block(tip, time(height), height, txs);
        write(block);
        tip = BlockSerializer.hash(block);
        Coin coin = coins(cb, values, addrs).get(0);
        txCount++;
        blockTxs.clear();
        blockFees = 0;
        height++;
        return coin;
    }

    private List<Coin> coins(BlockSerializer.Tx tx, long[] values, int[] addrs) {
        List<Coin> coins = new ArrayList<>(values.length);
        for (int k = 0; k < values.length; k++) {
            coins.add(new Coin(tx.txid(), k, values[k], addrs[k], height));
        }
        return coins;
    }

    private void write(byte[] block) {
        try {
            if (fileSize + 8 + block.length > MAX_FILE) {
                if (out != null) {
                    out.close();
                }
                Files.createDirectories(dir);
                Path f = dir.resolve(String.format("blk%05d.dat", files.size()));
                files.add(f);
                out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20);
                fileSize = 0;
            }
            int magic = network.magic();
            int len = block.length;
            out.write(new byte[] {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic,
                    (byte) len, (byte) (len >>> 8), (byte) (len >>> 16), (byte) (len >>> 24)});
            out.write(block);
            fileSize += 8 + len;
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write blocks to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write blocks to " + dir + ": " + e.getMessage(), e);
        }
    }
}
