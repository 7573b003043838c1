package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.store.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriterCachesTest {

    @Test
    void addressIdCache_moreAddressesThanSlots_answersOwnIdOrNothing() {
        AddressIdCache cache = new AddressIdCache(16);
        List<Address> addresses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Address a = Fixtures.btc("1addr" + i);
            addresses.add(a);
            put(cache, a, i);
        }
        int hits = 0;
        for (int i = 0; i < addresses.size(); i++) {
            int id = get(cache, addresses.get(i));
            assertThat(id).as("address %d", i).isIn(-1, i);
            hits += id == i ? 1 : 0;
        }
        assertThat(hits).isBetween(1, 16);
        assertThat(get(cache, addresses.get(199))).isEqualTo(199);
        assertThat(get(cache, Fixtures.btc("1never"))).isEqualTo(-1);
    }

    @Test
    void addressIdCache_clear_forgetsEverything() {
        AddressIdCache cache = new AddressIdCache(16);
        put(cache, Fixtures.btc("1A"), 7);
        cache.clear();
        assertThat(get(cache, Fixtures.btc("1A"))).isEqualTo(-1);
    }

    @Test
    void summaryCache_moreKeysThanSlots_answersOwnValueOrNothing() {
        SummaryCache cache = new SummaryCache(16);
        IdSummaryMap group = new IdSummaryMap(4);
        for (int i = 0; i < 200; i++) {
            int slot = group.add(i, 1000 + i, 1000 + i, 0, 1, 1, 1, ("1addr" + i).getBytes(StandardCharsets.UTF_8));
            cache.put(i, group, slot);
        }
        int cached = 0;
        for (int i = 0; i < 200; i++) {
            int slot = cache.find(i);
            if (slot >= 0) {
                cached++;
                assertThat(cache.balance(slot)).as("key %d", i).isEqualTo(1000 + i);
                assertThat(new String(cache.text(slot), StandardCharsets.UTF_8)).isEqualTo("1addr" + i);
            }
        }
        assertThat(cached).isBetween(8, 16);
        int last = cache.find(199);
        assertThat(last).isNotNegative();
        IdSummaryMap into = new IdSummaryMap(4);
        int copied = cache.copyInto(last, into, 5);
        assertThat(into.encode(copied)).isEqualTo(new SummaryCodec(1199, 1199, 0, 1, 1, 1, "1addr199").encode());
        assertThat(cache.find(0x1_0000_00C7L)).as("same address id, other chain").isEqualTo(-1);
        cache.clear();
        assertThat(cache.find(199)).isEqualTo(-1);
    }

    /** The address's hash as the writer computes it: from its store key, as the filter hashes it. */
    private static int hash(Address a) {
        return AddressIdCache.fold(AddressFilter.hashOf(Keys.addressText(a)));
    }

    private static int get(AddressIdCache cache, Address a) {
        return cache.get(a.chain().id(), a.value(), hash(a));
    }

    private static void put(AddressIdCache cache, Address a, int id) {
        cache.put(a.chain().id(), a.value(), hash(a), id);
    }
}
