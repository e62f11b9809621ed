package news.wiretranslation.translate.fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.translate.CharacterQuota;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.EngineState.Status;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault policy for one engine, one per instance, shared by everything that calls the engine (the dispatcher's
 * workers, or the stream threads in sync mode). Callers report each request's outcome and wait at
 * {@link #awaitAvailable} before sending; the guard decides, per kind of failure:
 *
 * <ul>
 *   <li><b>429, 5xx, timeouts, connection errors</b>: the caller retries with {@link Backoff}; after
 *       {@code failureThreshold} consecutive failures the {@link CircuitBreaker} opens: the state becomes
 *       {@link Status#CIRCUIT_OPEN}, callers stop sending, and every {@code circuitProbeInterval} a probe
 *       ({@link Translator#probe()}: DeepL's usage endpoint, which bills nothing) asks whether the engine is back;</li>
 *   <li><b>456</b> (quota used up): {@link Status#QUOTA_PAUSED} at once, never a dead letter; the probe asks the
 *       usage endpoint every {@code quotaProbeInterval} ({@link Translator#quota()}) and compares the characters
 *       left with the characters the dispatcher holds ({@link #holdsWork}: what must go first). While they do not
 *       fit, the pause holds: nothing is sent, nothing consumed. When they fit (or the period's whole limit is free,
 *       for work larger than a period), the held work may go (a <em>trial</em>: the state stays
 *       {@code QUOTA_PAUSED}, so consumption stays paused); the first request the engine then answers
 *       ends the pause, and a 456 instead keeps it, as one pause: the service neither resumes nor consumes on a
 *       guess. With nothing held, or no one telling what is held, the probe's answer ends the pause at once;</li>
 *   <li><b>403</b>: logged loudly; the caller fails (at start-up the service refuses to start; later the stream
 *       thread's failure stops the instance, see {@code StreamFailurePolicy});</li>
 *   <li><b>400</b>: an answer about one request, not about the engine: the caller dead-letters the article.</li>
 * </ul>
 *
 * Listeners hear every change of state (the service pauses consumption while the engine is not available and resumes
 * when it is). Every failure is counted in {@code wire_translation_mt_errors{kind}}, except the refusal of a language
 * pair the engine does not translate, counted in {@code wire_translation_unsupported_pairs{source,target,engine}}.
 */
public final class EngineGuard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineGuard.class);

    /**
     * @param failureThreshold     consecutive failed requests (429, 5xx, timeouts, connection errors) that open the circuit
     * @param circuitProbeInterval how often an open circuit probes the engine
     * @param quotaProbeInterval   how often a quota pause probes the engine's usage
     */
    public record Policy(int failureThreshold, Duration circuitProbeInterval, Duration quotaProbeInterval) {
        public Policy {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be at least 1");
            }
            if (circuitProbeInterval.isNegative() || circuitProbeInterval.isZero()
                    || quotaProbeInterval.isNegative() || quotaProbeInterval.isZero()) {
                throw new IllegalArgumentException("probe intervals must be positive");
            }
        }

        /** The defaults of the settings CIRCUIT_BREAKER_FAILURES, CIRCUIT_BREAKER_PROBE_INTERVAL_MS, QUOTA_PROBE_INTERVAL_MS. */
        public static Policy defaults() {
            return new Policy(5, Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    private final EngineState state;
    private final Translator engine;
    private final Policy settings;
    private final PipelineMetrics metrics;
    private final CircuitBreaker breaker;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition becameAvailable = lock.newCondition();
    private final ScheduledExecutorService prober;
    private final List<LongSupplier> held = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> nextProbe;
    private long pausedSinceNanos;
    /** While quota-paused: the probe found room for the held work, which may go; the first answer ends the pause. */
    private boolean trial;
    /** When the last quota pause ended (nanoTime), or 0: a 456 soon after continues that pause's episode. */
    private long quotaResumedNanos;
    private boolean closed;

    public EngineGuard(EngineState state, Translator engine, Policy settings, PipelineMetrics metrics) {
        this.state = Objects.requireNonNull(state, "state");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        metrics.engineConfigurationFaultKinds(TranslationException.CONFIGURATION_FAULTS);
        this.breaker = new CircuitBreaker(settings.failureThreshold());
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "translation-engine-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    public EngineState state() {
        return state;
    }

    public Policy settings() {
        return settings;
    }

    /**
     * Tells the guard how many characters a caller holds for the engine (queued or in flight: what has to go before
     * anything new), for the quota probe. Called on the probe thread; must be cheap and must not block for long.
     */
    public void holdsWork(LongSupplier charactersHeld) {
        held.add(Objects.requireNonNull(charactersHeld, "charactersHeld"));
    }

    /** Called on every change of state, on the thread that made it (a worker or the probe); must not block. */
    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    // ---- what callers report ----

    /** The engine answered a request; during a quota pause's trial, that ends the pause. */
    public void recordSuccess() {
        breaker.recordSuccess();
        boolean ending;
        lock.lock();
        try {
            ending = trial;
        } finally {
            lock.unlock();
        }
        if (ending) {
            resume();
        }
    }

    /**
     * A request failed: counted by kind (an unsupported language pair apart, as no error of the engine); may open the
     * circuit or pause for the quota.
     */
    public void recordFailure(TranslationException failure) {
        failure.unsupportedPair().ifPresentOrElse(
                pair -> metrics.unsupportedPair(pair.source(), pair.target(), engine.engine()),
                () -> metrics.mtError(MtErrorKind.of(failure)));
        switch (failure.kind()) {
            case QUOTA_EXCEEDED -> pause(Status.QUOTA_PAUSED, "DeepL character quota used up (HTTP 456): translation "
                    + "paused, checking the usage every " + settings.quotaProbeInterval().toMillis() + " ms"
                    + periodEnd());
            case RATE_LIMITED, SERVER_ERROR, UNAVAILABLE -> {
                if (breaker.recordFailure()) {
                    pause(Status.CIRCUIT_OPEN, breaker.threshold() + " engine requests failed in a row, the last with "
                            + MtErrorKind.of(failure) + ": " + failure.getMessage());
                }
            }
            case AUTHENTICATION -> log.error("The translation engine rejected the credentials: {}", failure.getMessage());
            case REJECTED -> breaker.recordSuccess(); // the engine is up: it answered, about this request
            case CONFIGURATION -> {
                // The engine is up; what it lacks is ours to repair (the translator tries on each attempt). Held and
                // retried, never a dead letter, and not the engine's failure, so the circuit stays as it is.
                metrics.engineConfigurationFault(failure.configurationFault());
                log.warn("The translation engine's configuration is at fault ({}); the request is held and retried: {}",
                        failure.configurationFault(), failure.getMessage());
            }
        }
    }

    /** A failure that is not the engine's answer (e.g. a bug in handling one): counted as {@code other}. */
    public void recordUnexpected() {
        metrics.mtError("other");
    }

    /**
     * Waits until the engine takes work, at most {@code timeout}.
     *
     * @return true when it does; false when the time ran out first
     */
    public boolean awaitAvailable(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!admitsWork()) {
                if (closed) {
                    return false;
                }
                if (nanos <= 0) {
                    return false;
                }
                nanos = becameAvailable.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits as long as it takes (interruptible) until requests may be sent.
     *
     * @return true when they may; false when the guard closed first
     */
    public boolean awaitAvailable() throws InterruptedException {
        lock.lock();
        try {
            while (!admitsWork()) {
                if (closed) {
                    return false;
                }
                becameAvailable.await();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * True when requests may be sent now: the engine is available, or a quota pause lets the held work go (its
     * trial). Callers that hold work check this, not the state, before sending.
     */
    public boolean admitsWork() {
        lock.lock();
        try {
            return state.isAvailable() || trial;
        } finally {
            lock.unlock();
        }
    }

    // ---- pausing and probing ----

    private void pause(Status status, String reason) {
        long now;
        boolean continued;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            Status before = state.status();
            if (before == Status.QUOTA_PAUSED && status == Status.QUOTA_PAUSED && trial) {
                // The held work did not fit after all: the same pause goes on; nothing was consumed meanwhile.
                trial = false;
                state.set(status, reason);
                scheduleProbe(status);
                log.info("Translation engine quota: the held work did not fit after all; the pause goes on");
                return;
            }
            if (before == status || (before == Status.QUOTA_PAUSED && status == Status.CIRCUIT_OPEN)) {
                return; // already paused; a quota pause is the more precise of the two
            }
            now = System.nanoTime();
            continued = status == Status.QUOTA_PAUSED && quotaResumedNanos != 0
                    && now - quotaResumedNanos < settings.quotaProbeInterval().toNanos();
            if (before == Status.AVAILABLE) {
                pausedSinceNanos = now;
            }
            trial = false;
            state.set(status, reason);
            scheduleProbe(status);
        } finally {
            lock.unlock();
        }
        if (!continued) {
            metrics.enginePaused(status.name().toLowerCase(java.util.Locale.ROOT));
        }
        log.warn("Translation engine {}: {}.{} Consumption pauses until it takes work again.", status, reason,
                continued ? " (Soon after the last quota pause ended: counted as the same pause.)" : "");
        notifyListeners(status);
    }

    /** Under the lock. */
    private void scheduleProbe(Status status) {
        if (nextProbe != null) {
            nextProbe.cancel(false);
        }
        Duration interval = status == Status.QUOTA_PAUSED ? settings.quotaProbeInterval() : settings.circuitProbeInterval();
        nextProbe = prober.schedule(this::probe, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        try {
            if (quotaPaused() && !held.isEmpty()) {
                probeQuota();
                return;
            }
            engine.probe();
        } catch (TranslationException e) {
            metrics.mtError(MtErrorKind.of(e));
            if (e.kind() == TranslationException.Kind.QUOTA_EXCEEDED) {
                log.info("Translation engine quota still used up: {}", e.getMessage());
                pause(Status.QUOTA_PAUSED, "DeepL character quota used up (the usage endpoint says so): translation "
                        + "paused, checking again every " + settings.quotaProbeInterval().toMillis() + " ms" + periodEnd());
            } else if (e.kind() == TranslationException.Kind.AUTHENTICATION) {
                log.error("Probing the translation engine: the credentials were rejected: {}", e.getMessage());
            } else {
                log.info("Translation engine still not available ({}): {}", MtErrorKind.of(e), e.getMessage());
            }
            reschedule();
            return;
        } catch (RuntimeException e) {
            log.warn("Probing the translation engine failed unexpectedly", e);
            reschedule();
            return;
        }
        resume();
    }

    /** When the pause ends by itself at the latest: the billing period's end, if the engine reported it. */
    private String periodEnd() {
        return engine.quotaPeriodEnd().map(end -> "; the billing period, and the quota with it, renews at " + end)
                .orElse("; the engine reports no billing period (DeepL: Free keys), so no renewal time is known");
    }

    private boolean quotaPaused() {
        lock.lock();
        try {
            return state.status() == Status.QUOTA_PAUSED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The quota probe with held work: asks what is left and compares it with what is held. Ends the pause when
     * nothing is held; lets the held work go (trial) when it fits; else holds on.
     */
    private void probeQuota() throws TranslationException {
        CharacterQuota quota = engine.quota();
        long waiting = 0;
        for (LongSupplier supplier : held) {
            waiting += Math.max(0, supplier.getAsLong());
        }
        if (waiting == 0 || quota == null) {
            resume();
            return;
        }
        // Work larger than a whole period's limit waits for a fresh period, then goes as far as it can.
        long needed = quota.limit() > 0 ? Math.min(waiting, quota.limit()) : waiting;
        boolean fits = quota.remaining() >= needed;
        boolean started = false;
        lock.lock();
        try {
            if (closed || state.status() != Status.QUOTA_PAUSED) {
                return;
            }
            if (fits && !trial) {
                trial = true;
                started = true;
                state.set(Status.QUOTA_PAUSED, "DeepL character quota has room for the held work again ("
                        + quota.remaining() + " characters left, " + waiting + " held): sending the held articles "
                        + "first; consumption resumes when DeepL takes them");
                becameAvailable.signalAll();
            } else if (!fits && trial) {
                trial = false;
            }
            scheduleProbe(Status.QUOTA_PAUSED);
        } finally {
            lock.unlock();
        }
        if (started) {
            log.info("Translation engine quota: {} characters left of {}, {} held: the held work goes first; "
                    + "consumption resumes when the engine takes it", quota.remaining(), quota.limit(), waiting);
        } else if (!fits) {
            log.info("Translation engine quota: {} characters left of {}, {} held: not enough, the pause goes on",
                    quota.remaining(), quota.limit(), waiting);
        }
    }

    private void reschedule() {
        lock.lock();
        try {
            if (!closed && !state.isAvailable()) {
                scheduleProbe(state.status());
            }
        } finally {
            lock.unlock();
        }
    }

    private void resume() {
        Status before;
        long pausedMillis;
        lock.lock();
        try {
            if (closed || state.isAvailable()) {
                return;
            }
            before = state.status();
            breaker.close();
            state.available();
            trial = false;
            if (nextProbe != null) {
                nextProbe.cancel(false);
            }
            nextProbe = null;
            long now = System.nanoTime();
            pausedMillis = TimeUnit.NANOSECONDS.toMillis(now - pausedSinceNanos);
            quotaResumedNanos = before == Status.QUOTA_PAUSED ? now : 0;
            becameAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        metrics.enginePausedFor(before.name().toLowerCase(java.util.Locale.ROOT), Duration.ofMillis(pausedMillis));
        log.info("Translation engine available again after {} ms ({} ended); consumption resumes", pausedMillis, before);
        notifyListeners(Status.AVAILABLE);
    }

    private void notifyListeners(Status status) {
        for (Consumer<Status> listener : listeners) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                log.warn("A listener of the engine state failed on {}", status, e);
            }
        }
    }

    /** Stops probing and releases every waiter (they see the engine still unavailable). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            becameAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        prober.shutdownNow();
    }
}
