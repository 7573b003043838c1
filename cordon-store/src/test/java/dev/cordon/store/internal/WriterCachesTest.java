package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.store.Fixtures;
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
            cache.put(a, i);
        }
        int hits = 0;
        for (int i = 0; i < addresses.size(); i++) {
            int id = cache.get(addresses.get(i));
            assertThat(id).as("address %d", i).isIn(-1, i);
            hits += id == i ? 1 : 0;
        }
        assertThat(hits).isBetween(1, 16);
        assertThat(cache.get(addresses.get(199))).isEqualTo(199);
        assertThat(cache.get(Fixtures.btc("1never"))).isEqualTo(-1);
    }

    @Test
    void addressIdCache_clear_forgetsEverything() {
        AddressIdCache cache = new AddressIdCache(16);
        cache.put(Fixtures.btc("1A"), 7);
        cache.clear();
        assertThat(cache.get(Fixtures.btc("1A"))).isEqualTo(-1);
    }

    @Test
    void summaryCache_moreKeysThanSlots_answersOwnValueOrNull() {
        SummaryCache cache = new SummaryCache(16);
        List<SummaryCodec> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SummaryCodec s = new SummaryCodec(i, i, 0, 1, 1, 1, "1addr" + i);
            values.add(s);
            cache.put(i, s);
        }
        for (int i = 0; i < values.size(); i++) {
            assertThat(cache.get(i)).as("key %d", i).isIn(null, values.get(i));
        }
        assertThat(cache.get(199)).isSameAs(values.get(199));
        assertThat(cache.get(0x1_0000_00C7L)).isNull();
        cache.clear();
        assertThat(cache.get(199)).isNull();
    }
}
