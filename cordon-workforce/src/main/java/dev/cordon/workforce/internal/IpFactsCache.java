package dev.cordon.workforce.internal;

import dev.cordon.workforce.IpFacts;
import dev.cordon.workforce.IpGeolocator;
import java.util.Objects;

/**
 * Remembers a geolocator's answer per address, so that the database lookup (an
 * {@code InetAddress}, a tree walk and a response object) runs once per distinct address while
 * logins repeat the same few addresses per account.
 *
 * <p>Design notes: a direct-mapped table of {@value #SIZE} immutable entries (address, the
 * geolocator's {@link IpGeolocator#generation()} when asked, answer), indexed by a hash of the
 * address; a miss or an entry of another generation asks the geolocator and replaces the entry, so
 * memory is bounded and a changed database is never answered from the old one. Entries are
 * immutable and replaced whole, so concurrent callers at worst repeat a lookup: thread-safe when
 * the geolocator is.
 */
public final class IpFactsCache {
    private static final int SIZE = 1 << 14;

    private record Entry(long hi, long lo, long generation, IpFacts facts) {
    }

    private final IpGeolocator geolocator;
    private final Entry[] entries = new Entry[SIZE];

    public IpFactsCache(IpGeolocator geolocator) {
        this.geolocator = Objects.requireNonNull(geolocator, "geolocator");
    }

    /** What the geolocator knows about {@code ip}, as {@link IpGeolocator#lookup} answers. */
    public IpFacts lookup(Ip ip) {
        long generation = geolocator.generation();
        int slot = (int) Hashing.mix(ip.hi() * 0x9E3779B97F4A7C15L ^ ip.lo()) & (SIZE - 1);
        Entry e = entries[slot];
        if (e != null && e.lo == ip.lo() && e.hi == ip.hi() && e.generation == generation) {
            return e.facts;
        }
        IpFacts facts = geolocator.lookup(ip.toInetAddress());
        entries[slot] = new Entry(ip.hi(), ip.lo(), generation, facts);
        return facts;
    }
}
