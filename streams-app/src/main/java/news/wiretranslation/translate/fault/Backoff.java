package news.wiretranslation.translate.fault;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import news.wiretranslation.translate.TranslationException;

/**
 * Waits between attempts of a failed request: exponential, with jitter so that many clients (or workers) that failed
 * together do not come back together, and never shorter than the engine's {@code Retry-After}.
 */
public final class Backoff {
    private Backoff() {
    }

    /** The next base wait: doubled, at most {@code max}. */
    public static Duration next(Duration current, Duration max) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /** A wait drawn uniformly from the upper half of {@code base} ("equal jitter"). */
    public static Duration jittered(Duration base) {
        long millis = base.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    /**
     * How long to wait after {@code failure} before the next attempt: the jittered base, or the engine's
     * {@code Retry-After} when that is longer (the server knows when it will take work again).
     */
    public static Duration after(TranslationException failure, Duration base) {
        Duration wait = jittered(base);
        Duration retryAfter = failure.retryAfter().orElse(Duration.ZERO);
        return retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
