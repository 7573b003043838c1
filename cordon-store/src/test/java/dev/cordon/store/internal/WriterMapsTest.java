package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Hex;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The writer's primitive maps against {@link HashMap} under the same seeded operations. */
class WriterMapsTest {

    @Test
    void textIdMap_randomPutsGetsRemoves_sameAsHashMap() {
        SplittableRandom rnd = new SplittableRandom(7);
        TextIdMap map = new TextIdMap(4);
        Map<String, Integer> ref = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            // few distinct keys, so that removals hit, probe chains collide and the map grows
            String key = "bc1q" + rnd.nextInt(5_000);
            int kind = rnd.nextInt(10);
            if (kind < 5) {
                int id = rnd.nextInt(1 << 30);
                map.put(key, key.hashCode(), id);
                ref.put(key, id);
            } else if (kind < 8) {
                map.remove(key, key.hashCode());
                ref.remove(key);
            } else {
                assertThat(map.get(key, key.hashCode())).as("op %d key %s", op, key).isEqualTo(ref.getOrDefault(key, TextIdMap.ABSENT));
            }
        }
        assertThat(map.size()).isEqualTo(ref.size());
        Map<String, Integer> seen = new HashMap<>();
        map.forEach((text, hash, id) -> seen.put(text, id));
        assertThat(seen).isEqualTo(ref);
        map.clear();
        assertThat(map.size()).isZero();
        String any = ref.keySet().iterator().next();
        assertThat(map.get(any, any.hashCode())).isEqualTo(TextIdMap.ABSENT);
    }

    @Test
    void outputCache_takeAndAge_youngThenOldThenGone() {
        SplittableRandom rnd = new SplittableRandom(3);
        OutputCache cache = new OutputCache(100);
        byte[][] txids = new byte[300][32];
        for (int t = 0; t < txids.length; t++) {
            rnd.nextBytes(txids[t]);
        }
        for (int t = 0; t < 100; t++) {
            cache.put(txids[t], t % 7, 1_000 + t, t, 10L * t);
        }
        cache.age(); // the young generation is full: it becomes the old one
        for (int t = 100; t < 150; t++) {
            cache.put(txids[t], t % 7, 1_000 + t, t, 10L * t);
        }
        cache.age(); // not full: nothing moves
        assertThat(cache.take(txids[7], 0)).isTrue();
        assertThat(new long[] {cache.foundTxNum, cache.foundAddr, cache.foundValue}).containsExactly(1_007, 7, 70);
        assertThat(cache.take(txids[7], 0)).as("taken already").isFalse();
        assertThat(cache.take(txids[8], 0)).as("other vout").isFalse();
        assertThat(cache.take(txids[120], 120 % 7)).isTrue();
        assertThat(cache.foundValue).isEqualTo(1_200);
        for (int t = 150; t < 201; t++) { // 49 left after the take, 51 more: full
            cache.put(txids[t], t % 7, 1_000 + t, t, 10L * t);
        }
        cache.age(); // the young generation is full again: the first hundred are dropped
        assertThat(cache.take(txids[9], 9 % 7)).isFalse();
        assertThat(cache.take(txids[199], 199 % 7)).isTrue();
        assertThat(cache.foundTxNum).isEqualTo(1_199);
        cache.remove(txids[150], 150 % 7);
        assertThat(cache.take(txids[150], 150 % 7)).isFalse();
    }

    @Test
    void idSummaryMap_randomAddsFlowsRemoves_sameAsHashMap() {
        SplittableRandom rnd = new SplittableRandom(11);
        IdSummaryMap map = new IdSummaryMap(4);
        Map<Integer, String> ref = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            int id = rnd.nextInt(5_000) * (rnd.nextBoolean() ? 1 : 4096); // dense and strided ids
            int kind = rnd.nextInt(10);
            int slot = map.find(id);
            if (kind < 5) {
                if (slot < 0) {
                    map.add(id, op, op, 0, 1, 7, 7, ("1x" + id).getBytes(StandardCharsets.UTF_8));
                    ref.put(id, Hex.encode(new SummaryCodec(op, op, 0, 1, 7, 7, "1x" + id).encode()));
                } else {
                    map.addFlow(slot, 9, 5, 2);
                    SummaryCodec was = SummaryCodec.decode(Hex.decode(ref.get(id), "reference"));
                    ref.put(id, Hex.encode(new SummaryCodec(was.balance() + 3, was.received() + 5, was.sent() + 2,
                            was.txCount() + 1, was.firstHeight(), 9, was.text()).encode()));
                }
            } else if (kind < 8) {
                map.remove(id);
                ref.remove(id);
            } else {
                assertThat(slot < 0 ? null : Hex.encode(map.encode(slot))).as("op %d id %d", op, id).isEqualTo(ref.get(id));
            }
        }
        assertThat(map.size()).isEqualTo(ref.size());
        Map<Integer, String> seen = new HashMap<>();
        map.forEach((id, slot) -> seen.put(id, Hex.encode(map.encode(slot))));
        assertThat(seen).isEqualTo(ref);
    }

    @Test
    void idSummaryMap_firstFlow_setsFirstHeightAndStampSurvivesFlows() {
        IdSummaryMap map = new IdSummaryMap(4);
        int slot = map.add(3, 0, 0, 0, 0, 0, 0, "1A".getBytes(StandardCharsets.UTF_8));
        assertThat(map.stamp(slot)).isEqualTo(IdSummaryMap.UNSTAMPED);
        map.stamp(slot, 41);
        map.addFlow(slot, 170, 5_000_000_000L, 0);
        map.addFlow(slot, 181, 0, 1_000_000_000L);
        assertThat(map.stamp(slot)).isEqualTo(41);
        assertThat(map.encode(slot)).isEqualTo(new SummaryCodec(4_000_000_000L, 5_000_000_000L, 1_000_000_000L, 2, 170,
                181, "1A").encode());
    }
}
