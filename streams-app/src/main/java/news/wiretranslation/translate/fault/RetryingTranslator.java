package news.wiretranslation.translate.fault;

import java.time.Duration;

import news.wiretranslation.translate.ForwardingTranslator;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries retriable failures (429, 5xx, timeouts) a bounded number of times with exponential backoff and
 * jitter, waiting at least the engine's {@code Retry-After}. The bound matters: a stream thread that waits longer than
 * max.poll.interval.ms (300 s) is thrown out of its group, so besides the attempts, the time spent on one request,
 * attempts and waits together, stays under {@link #DEFAULT_BUDGET}: a wait that would pass it is not waited, the
 * failure propagates and the record is processed again later.
 *
 * <p>With an {@link EngineGuard} (sync mode, wired by the service), every outcome is reported to it, and while it holds
 * the engine paused (circuit open, quota used up) no request is sent: the call waits for the engine within the budget,
 * then fails as unavailable (the service pauses consumption meanwhile).
 */
public final class RetryingTranslator implements ForwardingTranslator {
    private static final Logger log = LoggerFactory.getLogger(RetryingTranslator.class);

    /** The longest one call may take, attempts and waits together: a fifth of Kafka's max.poll.interval.ms. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private final Translator delegate;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Sleeper sleeper;
    private final Duration budget;
    private final EngineGuard guard;

    /** Waits between attempts; replaceable so that tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryingTranslator(Translator delegate, int maxAttempts, Duration initialBackoff) {
        this(delegate, maxAttempts, initialBackoff, d -> Thread.sleep(d.toMillis()));
    }

    public RetryingTranslator(Translator delegate, int maxAttempts, Duration initialBackoff, Sleeper sleeper) {
        this(delegate, maxAttempts, initialBackoff, sleeper, DEFAULT_BUDGET, null);
    }

    /**
     * @param budget the longest one call may take, attempts and waits together
     * @param guard  the instance's fault policy, or null
     */
    public RetryingTranslator(Translator delegate, int maxAttempts, Duration initialBackoff, Sleeper sleeper,
                              Duration budget, EngineGuard guard) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.sleeper = sleeper;
        this.budget = budget;
        this.guard = guard;
    }

    /** The same retries, reporting to {@code guard}. */
    public RetryingTranslator guardedBy(EngineGuard guard) {
        return new RetryingTranslator(delegate, maxAttempts, initialBackoff, sleeper, budget, guard);
    }

    /** The engine it retries. */
    @Override
    public Translator delegate() {
        return delegate;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        long deadline = System.nanoTime() + budget.toNanos();
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            awaitEngine(deadline);
            try {
                TranslationResult result = delegate.translate(request);
                if (guard != null) {
                    guard.recordSuccess();
                }
                return result;
            } catch (TranslationException e) {
                if (guard != null) {
                    guard.recordFailure(e);
                }
                if (!e.isRetriable() || attempt >= maxAttempts) {
                    throw e;
                }
                Duration wait = Backoff.after(e, backoff);
                long left = deadline - System.nanoTime();
                if (wait.toNanos() > left) {
                    log.warn("Translation {}->{} failed ({}), attempt {}/{}; the next attempt would pass the {} s budget"
                                    + " of one call, giving up", request.sourceLanguage(), request.targetLanguage(),
                            e.kind(), attempt, maxAttempts, budget.toSeconds());
                    throw e;
                }
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

    /** Waits while the guard holds the engine paused, within the budget. */
    private void awaitEngine(long deadline) throws TranslationException {
        if (guard == null || guard.admitsWork()) {
            return;
        }
        try {
            if (guard.awaitAvailable(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new TranslationException(TranslationException.Kind.UNAVAILABLE,
                "translation paused (" + guard.state().status() + ": " + guard.state().reason() + ")");
    }
}
