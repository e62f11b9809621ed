package news.wiretranslation.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map that forgets its least recently used entry beyond a fixed size.
 *
 * <p>Schema ids come from record bytes, so a topic full of garbage could otherwise grow a cache without end. Lookups
 * are short and in memory, so one lock is simpler than anything cleverer and costs nothing measurable; callers never
 * hold it while talking to the registry.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be greater than 0");
        }
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The value for {@code key}, or {@code null}. */
    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        entries.put(key, value);
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
