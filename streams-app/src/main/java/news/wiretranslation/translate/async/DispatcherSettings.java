package news.wiretranslation.translate.async;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TranslationDispatcher} works.
 *
 * @param concurrency    requests in flight at most (one worker thread each)
 * @param limits         the size of one request
 * @param linger         how long the oldest text of a lane waits for more before a partial batch leaves
 * @param capacity       texts queued or in flight at most
 * @param initialBackoff first wait after a retriable failure, doubled each time
 * @param maxBackoff     the longest wait between two attempts
 */
public record DispatcherSettings(int concurrency, BatchLimits limits, Duration linger, int capacity,
                                 Duration initialBackoff, Duration maxBackoff) {
    public DispatcherSettings {
        Objects.requireNonNull(limits, "limits");
        if (concurrency < 1 || capacity < 1) {
            throw new IllegalArgumentException("concurrency and capacity must be at least 1");
        }
        if (linger.isNegative() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("linger and backoffs must not be negative, maxBackoff >= initialBackoff");
        }
    }
}
