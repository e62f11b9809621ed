package news.wiretranslation.metrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each recent article revision was received, kept in memory from the moment it is read until its outputs leave,
 * so that the end-to-end latency can be measured without carrying {@code receivedAt} through the output schema.
 * Bounded: the oldest entries go first. Thread-safe (stream threads of one instance share it).
 */
final class ReceivedTimes {
    private final Map<String, Instant> times;

    ReceivedTimes(int capacity) {
        this.times = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(String id, int revision, Instant receivedAt) {
        times.put(key(id, revision), receivedAt);
    }

    synchronized Instant get(String id, int revision) {
        return times.get(key(id, revision));
    }

    private static String key(String id, int revision) {
        return revision + "/" + id;
    }
}
