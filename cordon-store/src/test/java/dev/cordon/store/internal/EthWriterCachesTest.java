package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Hex;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.ContractCreation;
import dev.cordon.core.account.EthBlockFlows;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Ethereum writer's caches of committed ids and balances, alone and under a store. */
class EthWriterCachesTest {
    private static final long SEED = Long.getLong("cordon.test.seed", System.nanoTime());

    private static String text(int n) {
        return String.format("0x%040x", n);
    }

    @Test
    void addressIds_putThenGet_ownIdOrAbsent() {
        EthAddressIds ids = new EthAddressIds(1_000);
        for (int i = 0; i < 1_000; i++) {
            ids.put(text(i * 7919), i);
        }
        for (int i = 0; i < 1_000; i++) {
            assertThat(ids.get(text(i * 7919))).as("address %d", i).isEqualTo(i);
        }
        assertThat(ids.get(text(1))).isEqualTo(EthAddressIds.ABSENT);
        assertThat(ids.holdsAll(1_000)).isTrue();
        assertThat(ids.holdsAll(1_001)).isFalse();
    }

    @Test
    void addressIds_pastMaxWithinBlock_growsKeepingEveryId() {
        EthAddressIds ids = new EthAddressIds(16);
        for (int i = 0; i < 100; i++) {
            assertThat(ids.put(text(i), i)).isTrue();
        }
        for (int i = 0; i < 100; i++) {
            assertThat(ids.get(text(i))).as("address %d", i).isEqualTo(i);
        }
        assertThat(ids.holdsAll(100)).isTrue();
    }

    @Test
    void addressIds_trimWhenFull_emptiedAndNoLongerHoldsAll() {
        EthAddressIds ids = new EthAddressIds(16);
        for (int i = 0; i < 15; i++) {
            ids.put(text(i), i);
        }
        ids.trim();
        assertThat(ids.get(text(14))).isEqualTo(14);
        ids.put(text(15), 15);
        ids.trim();
        assertThat(ids.get(text(15))).isEqualTo(EthAddressIds.ABSENT);
        assertThat(ids.holdsAll(16)).isFalse();
    }

    @Test
    void addressIds_otherShapes_absentAndNotKept() {
        EthAddressIds ids = new EthAddressIds(16);
        String upper = "0x" + "AB".repeat(20);
        assertThat(ids.put(upper, 3)).isFalse();
        assertThat(ids.get(upper)).isEqualTo(EthAddressIds.ABSENT);
        assertThat(ids.get("0x12")).isEqualTo(EthAddressIds.ABSENT);
        assertThat(ids.holdsAll(0)).isTrue();
    }

    @Test
    void balanceCache_conflictingKeys_answerOwnEntryOrNothing() {
        EthBalanceCache cache = new EthBalanceCache(16);
        for (int a = 0; a < 100; a++) {
            cache.put(EthBalanceCache.key(a, 1), new byte[] {(byte) a}, EthCodecs.Balance.EMPTY);
        }
        for (int a = 0; a < 100; a++) {
            byte[] v = cache.stored(EthBalanceCache.key(a, 1));
            if (v != null) {
                assertThat(v).containsExactly((byte) a);
            }
        }
        assertThat(cache.stored(EthBalanceCache.key(99, 1))).containsExactly((byte) 99);
        assertThat(cache.stored(EthBalanceCache.key(99, 2))).isNull();
    }

    /**
     * A random chain over a small address pool, with reorgs, written three ways: with the
     * default caches, with caches small enough to be emptied and to conflict all the time, and
     * cold (a new store object over the same data for every block). All three must hold the same
     * bytes after every step.
     */
    @Test
    void applyAndRollback_warmTinyAndColdCaches_sameBytes() {
        System.out.println("EthWriterCachesTest seed " + SEED + " (rerun with -Dcordon.test.seed=" + SEED + ")");
        Random rnd = new Random(SEED);
        MemoryKeyValueStore warm = new MemoryKeyValueStore();
        MemoryKeyValueStore tiny = new MemoryKeyValueStore();
        MemoryKeyValueStore cold = new MemoryKeyValueStore();
        KvEthereumStore warmStore = new KvEthereumStore(warm, "warm");
        KvEthereumStore tinyStore = new KvEthereumStore(tiny, "tiny", 16, 16);
        List<BlockHash> chain = new ArrayList<>();
        for (int step = 0; step < 120; step++) {
            if (chain.size() > 3 && rnd.nextInt(8) == 0) {
                long target = 100 + chain.size() - 2 - rnd.nextInt(3);
                warmStore.rollbackTo(target);
                tinyStore.rollbackTo(target);
                new KvEthereumStore(cold, "cold").rollbackTo(target);
                while (100 + chain.size() - 1 > target) {
                    chain.remove(chain.size() - 1);
                }
            } else {
                EthBlockFlows b = block(rnd, 100 + chain.size(), chain.isEmpty() ? BlockHash.ZERO : chain.get(chain.size() - 1));
                warmStore.applyBlock(b);
                tinyStore.applyBlock(b);
                new KvEthereumStore(cold, "cold").applyBlock(b);
                chain.add(b.hash());
            }
            String expected = dump(cold);
            assertThat(dump(warm)).as("step %d", step).isEqualTo(expected);
            assertThat(dump(tiny)).as("step %d", step).isEqualTo(expected);
        }
    }

    /**
     * A block whose commit fails leaves nothing of its new ids in the caches: the same block
     * applied again, and the blocks after it, give the bytes a fresh store gives.
     */
    @Test
    void applyBlock_commitFails_cachesKeepNothingOfTheBlock() {
        Random rnd = new Random(SEED);
        MemoryKeyValueStore mem = new MemoryKeyValueStore();
        boolean[] fail = {false};
        KeyValueStore failing = new KeyValueStore() {
            public Optional<byte[]> get(Column column, byte[] key) {
                return mem.get(column, key);
            }

            public void scan(Column column, byte[] prefix, boolean reverse, EntryVisitor visitor) {
                mem.scan(column, prefix, reverse, visitor);
            }

            public void scanFrom(Column column, byte[] prefix, byte[] from, EntryVisitor visitor) {
                mem.scanFrom(column, prefix, from, visitor);
            }

            public Batch newBatch() {
                return mem.newBatch();
            }

            public void commit(Batch batch) {
                if (fail[0]) {
                    throw new dev.cordon.store.StoreException(dev.cordon.core.ErrorCode.STORE, "disk full");
                }
                mem.commit(batch);
            }

            public void close() {
            }
        };
        MemoryKeyValueStore cold = new MemoryKeyValueStore();
        KvEthereumStore store = new KvEthereumStore(failing, "failing");
        BlockHash parent = BlockHash.ZERO;
        for (int height = 100; height < 110; height++) {
            EthBlockFlows b = block(rnd, height, parent);
            if (height % 3 == 0) {
                fail[0] = true;
                assertThatThrownBy(() -> store.applyBlock(b)).hasMessage("disk full");
                fail[0] = false;
            }
            store.applyBlock(b);
            new KvEthereumStore(cold, "cold").applyBlock(b);
            parent = b.hash();
            assertThat(dump(mem)).as("height %d, seed %d", height, SEED).isEqualTo(dump(cold));
        }
    }

    private static EthBlockFlows block(Random rnd, long height, BlockHash parent) {
        byte[] h = new byte[32];
        rnd.nextBytes(h);
        List<Transfer> ts = new ArrayList<>();
        List<ContractCreation> cs = new ArrayList<>();
        int txs = 1 + rnd.nextInt(6);
        for (int tx = 0; tx < txs; tx++) {
            byte[] id = new byte[32];
            rnd.nextBytes(id);
            TxId txId = new TxId(id);
            int n = 1 + rnd.nextInt(5);
            for (int pos = 0; pos < n; pos++) {
                Asset asset = rnd.nextInt(3) == 0 ? Asset.token(pool(rnd, 6), "ERC20", 0) : Chain.ETHEREUM.nativeAsset();
                TransferKind kind = asset.isNative() ? TransferKind.NATIVE : TransferKind.ERC20;
                BigInteger units = BigInteger.valueOf(rnd.nextInt(1_000_000)).shiftLeft(rnd.nextInt(80));
                ts.add(new Transfer(Chain.ETHEREUM, txId, height, tx, pos, kind, pool(rnd, 40), pool(rnd, 40),
                        new Amount(asset, units), Optional.empty()));
            }
            if (rnd.nextInt(5) == 0) {
                cs.add(new ContractCreation(txId, tx, pool(rnd, 40), pool(rnd, 400)));
            }
        }
        return new EthBlockFlows(height, new BlockHash(h), parent, Instant.ofEpochSecond(1_700_000_000L + height),
                pool(rnd, 3), txs, ts, cs, List.of());
    }

    /** One of {@code n} addresses, most often one of the first few. */
    private static Address pool(Random rnd, int n) {
        int i = rnd.nextBoolean() ? rnd.nextInt(Math.min(n, 8)) : rnd.nextInt(n);
        return new Address(Chain.ETHEREUM, text(0xc0de00 + i));
    }

    private static String dump(MemoryKeyValueStore kv) {
        StringBuilder sb = new StringBuilder();
        for (Column c : Column.values()) {
            kv.scan(c, new byte[0], false, (k, v) -> {
                sb.append(c).append(' ').append(Hex.encode(k)).append('=').append(Hex.encode(v)).append('\n');
                return true;
            });
        }
        return sb.toString();
    }
}
