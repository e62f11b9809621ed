package news.wiretranslation.translate;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries retriable failures (429, 5xx, timeouts) a bounded number of times with exponential backoff and
 * jitter. The bound matters: a stream thread that waits longer than max.poll.interval.ms is thrown out of
 * its group. After the last attempt the failure propagates and the record is processed again later.
 */
public final class RetryingTranslator implements ForwardingTranslator {
    private static final Logger log = LoggerFactory.getLogger(RetryingTranslator.class);

    private final Translator delegate;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Sleeper sleeper;

    /** Waits between attempts; replaceable so that tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryingTranslator(Translator delegate, int maxAttempts, Duration initialBackoff) {
        this(delegate, maxAttempts, initialBackoff, d -> Thread.sleep(d.toMillis()));
    }

    public RetryingTranslator(Translator delegate, int maxAttempts, Duration initialBackoff, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.sleeper = sleeper;
    }

    /** The engine it retries. */
    @Override
    public Translator delegate() {
        return delegate;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.translate(request);
            } catch (TranslationException e) {
                if (!e.isRetriable() || attempt >= maxAttempts) {
                    throw e;
                }
                Duration wait = withJitter(backoff);
                log.warn("Translation {}->{} failed ({}), attempt {}/{}; retrying in {} ms", request.sourceLanguage(),
                        request.targetLanguage(), e.kind(), attempt, maxAttempts, wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static Duration withJitter(Duration backoff) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
