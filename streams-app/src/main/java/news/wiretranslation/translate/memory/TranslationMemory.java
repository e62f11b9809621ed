package news.wiretranslation.translate.memory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A paragraph-level translation memory in two Kafka Streams key-value stores, both persistent (RocksDB) and
 * changelogged, so that under exactly-once a translation is remembered exactly when the article it belongs to was
 * emitted, and a restarted or moved task finds what its predecessor remembered.
 *
 * <ul>
 *   <li>the entries: {@link MemoryKeys memory key} → {@link MemoryEntry} (translation, model, when, quality spans);</li>
 *   <li>an age index: 8-byte big-endian {@code storedAt} millis + memory key → nothing, so that the oldest entries are
 *       found first without reading the whole memory.</li>
 * </ul>
 *
 * <p><b>Retention.</b> An entry older than {@code maxAge} is never served (a read treats it as absent), and
 * {@link #sweep} deletes it. When the store holds more than {@code maxEntries} entries (RocksDB's estimate), the
 * sweep deletes the oldest until it holds no more. Entries are aged from when they were translated, not from when
 * they were last used: the age bound is also a freshness bound (a paragraph is translated anew at least every
 * {@code maxAge}). The bound applies to each store, i.e. per target language and per input partition (each stream
 * task keeps its own memory).
 *
 * <p>Not thread-safe: like every state store, used only by its stream thread.
 */
public final class TranslationMemory {
    /** Names of the entry store and age index store, followed by the target's topic suffix (e.g. {@code en-us}). */
    public static final String ENTRIES_STORE_PREFIX = "translation-memory-";
    public static final String AGE_INDEX_STORE_PREFIX = "translation-memory-age-";

    private static final byte[] EMPTY = new byte[0];

    private final KeyValueStore<Bytes, byte[]> entries;
    private final KeyValueStore<Bytes, byte[]> ageIndex;
    private final long maxAgeMillis;
    private final long maxEntries;

    public TranslationMemory(KeyValueStore<Bytes, byte[]> entries, KeyValueStore<Bytes, byte[]> ageIndex,
                             Duration maxAge, long maxEntries) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.entries = entries;
        this.ageIndex = ageIndex;
        this.maxAgeMillis = maxAge.toMillis();
        this.maxEntries = maxEntries;
    }

    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> entriesStore(String targetSuffix) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTRIES_STORE_PREFIX + targetSuffix),
                Serdes.Bytes(), Serdes.ByteArray());
    }

    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> ageIndexStore(String targetSuffix) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGE_INDEX_STORE_PREFIX + targetSuffix),
                Serdes.Bytes(), Serdes.ByteArray());
    }

    /** The remembered translation, unless there is none or it is older than the age bound. */
    public Optional<MemoryEntry> get(Bytes key, long nowMillis) {
        byte[] value = entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        MemoryEntry entry = MemoryEntry.fromBytes(value);
        return nowMillis - entry.storedAtMillis() > maxAgeMillis ? Optional.empty() : Optional.of(entry);
    }

    /** Remembers a translation (replacing an earlier one under the same key). */
    public void put(Bytes key, MemoryEntry entry) {
        entries.put(key, entry.toBytes());
        ageIndex.put(indexKey(entry.storedAtMillis(), key), EMPTY);
    }

    /** What one {@link #sweep} removed. */
    public record SweepResult(int expired, int evicted, int staleIndexEntries) {
        public int deleted() {
            return expired + evicted;
        }
    }

    /**
     * Deletes entries older than the age bound, then the oldest entries while the store holds more than the size
     * bound, oldest first, at most {@code maxDeletions} index entries per call so that one sweep never holds the
     * stream thread long. Called periodically by the translation processor.
     */
    public SweepResult sweep(long nowMillis, int maxDeletions) {
        long oldestKept = nowMillis - maxAgeMillis;
        long count = entries.approximateNumEntries();
        int expired = 0;
        int evicted = 0;
        int stale = 0;
        int visited = 0;
        try (KeyValueIterator<Bytes, byte[]> oldestFirst = ageIndex.all()) {
            while (oldestFirst.hasNext() && visited < maxDeletions) {
                KeyValue<Bytes, byte[]> next = oldestFirst.next();
                ByteBuffer indexKey = ByteBuffer.wrap(next.key.get());
                long storedAt = indexKey.getLong();
                boolean tooOld = storedAt < oldestKept;
                if (!tooOld && count <= maxEntries) {
                    break;
                }
                visited++;
                Bytes memoryKey = Bytes.wrap(Arrays.copyOfRange(next.key.get(), Long.BYTES, next.key.get().length));
                ageIndex.delete(next.key);
                byte[] value = entries.get(memoryKey);
                if (value == null || MemoryEntry.fromBytes(value).storedAtMillis() != storedAt) {
                    stale++; // the entry was replaced by a newer translation, indexed under its own time
                    continue;
                }
                entries.delete(memoryKey);
                count--;
                if (tooOld) {
                    expired++;
                } else {
                    evicted++;
                }
            }
        }
        return new SweepResult(expired, evicted, stale);
    }

    static Bytes indexKey(long storedAtMillis, Bytes memoryKey) {
        byte[] key = memoryKey.get();
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + key.length).putLong(Math.max(0, storedAtMillis)).put(key).array());
    }
}
