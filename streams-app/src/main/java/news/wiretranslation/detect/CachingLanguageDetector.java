package news.wiretranslation.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import news.wiretranslation.article.Detection;

/**
 * Remembers the last {@code capacity} detections by their exact text. Detection is deterministic and the most
 * expensive step a stream thread takes (Lingua: milliseconds for a 500-character sample), while a wire re-sends
 * the same lead again and again: a story's revisions that leave headline and first paragraphs alone, and every
 * article of a replayed topic, are decided without detecting again. The answer is exactly the detector's.
 *
 * <p>Thread-safe; holds at most {@code capacity} texts (each at most the detector's sample size).
 */
public final class CachingLanguageDetector implements LanguageDetector {
    private final LanguageDetector delegate;
    private final Map<String, Optional<Detection>> cache;
    private long hits;
    private long misses;

    public CachingLanguageDetector(LanguageDetector delegate, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Detection>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<Detection> detect(String text) {
        synchronized (cache) {
            Optional<Detection> known = cache.get(text);
            if (known != null) {
                hits++;
                return known;
            }
            misses++;
        }
        Optional<Detection> detection = delegate.detect(text);
        synchronized (cache) {
            cache.put(text, detection);
        }
        return detection;
    }

    /** The delegate's narrowed detector, uncached: narrowed questions are about spans, not articles' leads. */
    @Override
    public LanguageDetector among(Set<String> languages) {
        return delegate.among(languages);
    }

    /** Detections answered from the cache so far. */
    public long hits() {
        synchronized (cache) {
            return hits;
        }
    }

    /** Detections passed to the detector so far. */
    public long misses() {
        synchronized (cache) {
            return misses;
        }
    }
}
