package news.wiretranslation.translate.async;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.fault.Backoff;
import news.wiretranslation.translate.fault.EngineGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates the texts of many articles on a few threads of its own, in batched requests, so that stream threads
 * never wait for the engine.
 *
 * <p><b>Lanes and batches.</b> Texts are queued per {@link Lane} (source and target language: the engine and its
 * settings are this dispatcher's). A worker takes a batch from a lane when the lane holds a full request
 * ({@link BatchLimits}: at most 50 texts and 128 KiB for DeepL) or when its oldest text has waited the linger
 * time; so under load requests leave full, and a lone article waits only the linger. At most
 * {@code concurrency} requests are in flight.
 *
 * <p><b>Urgency.</b> Each text carries the IPTC urgency of its article (1 = flash ... 9). Within a lane texts leave
 * most urgent first, then in arrival order; among lanes that are due, the one whose most urgent text is most urgent
 * goes first. {@link Ticket#boost} raises the urgency of an article already queued (the translation processor does
 * so for the earlier revisions of a story when an urgent revision arrives, as they must be emitted before it).
 * Routine texts can wait indefinitely behind a stream of more urgent ones.
 *
 * <p><b>Shared texts.</b> A text already queued or in flight in the same lane is not queued again: the second
 * article waits for the same translation ({@link TextResult#shared()}); it is billed once, to the first.
 *
 * <p><b>Capacity and back-pressure.</b> At most {@code capacity} texts are queued or in flight, counted per article
 * (an article of n texts holds n until its last text is translated). {@link #trySubmit} waits for room for at most
 * the time given; the caller decides what to do meanwhile. An article larger than the whole capacity is admitted
 * when nothing else is in.
 *
 * <p><b>Failures.</b> A retriable failure (429, 456, 5xx, timeouts) is retried with exponential backoff and jitter
 * (at least the engine's {@code Retry-After}), without limit: an article is never dropped because the engine is slow
 * or away. With an {@link EngineGuard}, every outcome is reported to it, and while it holds the engine paused (circuit
 * open after sustained failure, quota used up) workers send nothing and wait for its probe to resume. A refusal (e.g. a language pair the
 * engine does not have) fails the tickets concerned; when a refused request held texts of several articles, each
 * article's texts are sent again alone first, so that one article's refusal does not fail the others. A text that
 * is larger than one request can be (a 200 KB paragraph) is sent in pieces ({@link OversizedText}: at sentence ends,
 * else between words) and its translation put back together in order. A rejected key fails every ticket concerned.
 *
 * <p>Thread-safe. The workers (and the one thread that runs the {@link SpanCheck}) only complete {@link Ticket#result()
 * futures}; what the stream threads do with them
 * is theirs.
 */
public final class TranslationDispatcher implements Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(TranslationDispatcher.class);

    /** Waits between attempts; replaceable so that tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Translator engine;
    private final EngineGuard guard;
    private final DispatcherSettings settings;
    private final SpanCheck spanCheck;
    private final Sleeper sleeper;
    private final DispatcherStats stats = new DispatcherStats();
    private final java.util.concurrent.ExecutorService spanChecker;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition capacityFreed = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final Map<Lane, LaneQueue> lanes = new LinkedHashMap<>();
    private final Map<TextKey, TextJob> live = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private int permitsInUse;
    private int inFlightTexts;
    private int completing;
    private long nextOrder;
    private boolean running = true;

    public TranslationDispatcher(Translator engine, DispatcherSettings settings) {
        this(engine, settings, null, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * @param spanCheck run on each translated text by the worker, or null
     * @param sleeper   waits between attempts
     */
    public TranslationDispatcher(Translator engine, DispatcherSettings settings, SpanCheck spanCheck, Sleeper sleeper) {
        this(engine, settings, spanCheck, sleeper, null);
    }

    /**
     * @param guard the instance's fault policy: told every request's outcome, and workers wait while it says the
     *              engine is not available (circuit open, quota used up); null for none
     */
    public TranslationDispatcher(Translator engine, DispatcherSettings settings, SpanCheck spanCheck, Sleeper sleeper,
                                 EngineGuard guard) {
        this.guard = guard;
        this.engine = engine;
        this.settings = settings;
        this.spanCheck = spanCheck;
        this.sleeper = sleeper;
        this.spanChecker = spanCheck == null ? null : java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "translation-quality-check");
            thread.setDaemon(true);
            return thread;
        });
        if (guard != null) {
            guard.holdsWork(this::charactersHeld);
        }
        for (int i = 0; i < settings.concurrency(); i++) {
            Thread worker = new Thread(this::work, "translation-dispatcher-" + (i + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    public Translator engine() {
        return engine;
    }

    public DispatcherSettings settings() {
        return settings;
    }

    public DispatcherStats stats() {
        return stats;
    }

    // ---- submitting ----

    /**
     * Queues the texts of one article, waiting up to {@code wait} for room.
     *
     * @param texts   non-empty texts (empty ones need no engine)
     * @param urgency IPTC urgency, 1 (flash) to 9; out-of-range values count as 9
     * @return the ticket, or empty when there was no room in time
     */
    @Override
    public Optional<Ticket> trySubmit(Lane lane, List<String> texts, int urgency, Duration wait) throws InterruptedException {
        return Optional.ofNullable(submit(lane, texts, urgency, wait.toNanos(), false));
    }

    /** Queues the texts of one article whether or not there is room (for articles admitted before, on a replay). */
    @Override
    public Ticket submitNow(Lane lane, List<String> texts, int urgency) {
        try {
            return submit(lane, texts, urgency, 0, true);
        } catch (InterruptedException e) {
            throw new IllegalStateException("not reached: a forced submission does not wait", e);
        }
    }

    private QueuedArticle submit(Lane lane, List<String> texts, int urgency, long waitNanos, boolean force)
            throws InterruptedException {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("nothing to translate");
        }
        int priority = urgency >= 1 && urgency <= ROUTINE ? urgency : ROUTINE;
        List<Runnable> completions = new ArrayList<>();
        QueuedArticle ticket;
        lock.lock();
        try {
            if (!running) {
                throw new IllegalStateException("the translation dispatcher is closed");
            }
            long deadline = System.nanoTime() + waitNanos;
            boolean waited = false;
            while (!force && permitsInUse > 0 && permitsInUse + texts.size() > settings.capacity()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    stats.backpressureWaits.incrementAndGet();
                    return null;
                }
                waited = true;
                capacityFreed.awaitNanos(left);
                if (!running) {
                    throw new IllegalStateException("the translation dispatcher is closed");
                }
            }
            if (waited) {
                stats.backpressureWaits.incrementAndGet();
            }
            ticket = new QueuedArticle(this, lane, texts.size(), priority);
            permitsInUse += texts.size();
            ticket.permits = texts.size();
            stats.submittedTexts.addAndGet(texts.size());
            long now = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("text " + i + " is empty");
                }
                long bytes = BatchLimits.encodedSize(text);
                if (bytes <= settings.limits().maxTextBytes()) {
                    queue(ticket, new TextJob.Waiter(ticket, i, -1), lane, text, bytes, priority, now);
                    continue;
                }
                // Larger than one request may carry (a 200 KB paragraph): sent in pieces, put back together in order.
                OversizedText split = OversizedText.split(text, settings.limits().maxTextBytes());
                ticket.split(i, split);
                for (int p = 0; p < split.pieces().size(); p++) {
                    String piece = split.pieces().get(p);
                    queue(ticket, new TextJob.Waiter(ticket, i, p), lane, piece, BatchLimits.encodedSize(piece), priority, now);
                }
            }
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        deliver(completions);
        return ticket;
    }

    /** Under the lock: queues one text (or piece) for a ticket, or joins the same text already queued or in flight. */
    private void queue(QueuedArticle ticket, TextJob.Waiter waiter, Lane lane, String text, long bytes, int priority, long now) {
        TextKey key = new TextKey(lane, text);
        TextJob job = live.get(key);
        if (job == null) {
            job = new TextJob(lane, text, bytes, priority, nextOrder++, now);
            live.put(key, job);
            lanes.computeIfAbsent(lane, l -> new LaneQueue()).add(job);
        } else {
            stats.sharedTexts.incrementAndGet();
            if (job.state == TextJob.State.QUEUED && job.priority > priority) {
                reprioritize(job, priority);
            }
        }
        job.waiters.add(waiter);
        ticket.jobs.add(job);
    }

    // ---- what an article's ticket asks, under the lock ----

    /** Serves the article's remaining texts at {@code urgency} if that is more urgent than before. */
    void boost(QueuedArticle ticket, int urgency) {
        lock.lock();
        try {
            if (ticket.finished || urgency >= ticket.priority) {
                return;
            }
            ticket.priority = urgency;
            for (TextJob job : ticket.jobs) {
                if (job.state == TextJob.State.QUEUED && job.priority > urgency) {
                    reprioritize(job, urgency);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Withdraws the article: its texts that no other article waits for leave the queue; its room is freed. */
    void cancel(QueuedArticle ticket) {
        List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            if (ticket.finished) {
                return;
            }
            finish(ticket, completions, () -> ticket.result.completeExceptionally(new CancellationException("cancelled")));
        } finally {
            lock.unlock();
        }
        deliver(completions);
    }

    int urgencyOf(QueuedArticle ticket) {
        lock.lock();
        try {
            return ticket.priority;
        } finally {
            lock.unlock();
        }
    }

    // ---- observing ----

    /** Texts waiting for a worker. */
    public int queuedTexts() {
        lock.lock();
        try {
            return live.size() - inFlightTexts;
        } finally {
            lock.unlock();
        }
    }

    /** Room taken, in texts, by articles not yet fully translated. */
    public int textsHeld() {
        lock.lock();
        try {
            return permitsInUse;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Characters of the texts queued or in flight (each text once, however many articles wait for it): what the
     * engine has to take before anything consumed later. The quota probe weighs it against the quota left.
     */
    public long charactersHeld() {
        lock.lock();
        try {
            long characters = 0;
            for (TextJob job : live.values()) {
                characters += job.text.length();
            }
            return characters;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no text is queued or in flight; true if that happened within {@code timeout}. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!live.isEmpty() || completing > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    // ---- the workers ----

    private void work() {
        while (true) {
            Batch batch;
            lock.lock();
            try {
                batch = null;
                while (batch == null) {
                    if (!running) {
                        return;
                    }
                    long now = System.nanoTime();
                    long[] nextDue = {Long.MAX_VALUE};
                    LaneQueue due = dueLane(now, nextDue);
                    if (due != null) {
                        List<TextJob> jobs = due.take(now, settings.limits());
                        inFlightTexts += jobs.size();
                        batch = new Batch(jobs.get(0).lane, jobs);
                    } else if (nextDue[0] == Long.MAX_VALUE) {
                        workAvailable.await();
                    } else {
                        workAvailable.awaitNanos(Math.max(1, nextDue[0] - now));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                send(batch);
            } catch (RuntimeException | Error e) {
                if (guard != null) {
                    guard.recordUnexpected();
                }
                log.error("Translation worker failed on a batch of {} texts", batch.jobs.size(), e);
                fail(batch.jobs, e);
            }
        }
    }

    /** The lane to serve now, or null; sets {@code nextDue[0]} to when the next lane falls due. */
    private LaneQueue dueLane(long now, long[] nextDue) {
        LaneQueue best = null;
        long lingerNanos = settings.linger().toNanos();
        for (LaneQueue lane : lanes.values()) {
            if (lane.queue.isEmpty()) {
                continue;
            }
            boolean full = lane.queue.size() >= settings.limits().maxTexts() || lane.bytes >= settings.limits().maxTextBytes();
            long dueAt = lane.oldestNanos + lingerNanos;
            if (!full && dueAt - now > 0) {
                nextDue[0] = Math.min(nextDue[0], dueAt);
                continue;
            }
            if (best == null || lane.queue.peek().priority < best.queue.peek().priority
                    || (lane.queue.peek().priority == best.queue.peek().priority && lane.oldestNanos < best.oldestNanos)) {
                best = lane;
            }
        }
        return best;
    }

    private void send(Batch batch) {
        List<TextJob> jobs = batch.jobs;
        Duration backoff = settings.initialBackoff();
        while (true) {
            if (abandoned(jobs)) {
                return;
            }
            if (guard != null && !guard.admitsWork()) {
                // Circuit open or quota used up: hold the texts (they are not lost) until the guard's probe says the
                // engine takes work again. They are older than anything consumed after, so they go first.
                try {
                    if (!guard.awaitAvailable()) {
                        fail(jobs, new TranslationException(TranslationException.Kind.UNAVAILABLE,
                                "the fault policy closed while the engine was paused"));
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    fail(jobs, new TranslationException(TranslationException.Kind.UNAVAILABLE,
                            "the translation dispatcher closed while the engine was paused"));
                    return;
                }
                // Ask again from the top: another worker's request may have paused the engine again meanwhile.
                continue;
            }
            List<String> texts = jobs.stream().map(job -> job.text).toList();
            TranslationRequest request = new TranslationRequest(batch.lane.sourceLanguage(), batch.lane.targetLanguage(), texts,
                    batch.lane.options());
            long start = System.nanoTime();
            try {
                TranslationResult result = engine.translate(request);
                if (guard != null) {
                    guard.recordSuccess();
                }
                stats.requestNanos.addAndGet(System.nanoTime() - start);
                stats.requests.incrementAndGet();
                stats.textsSent.addAndGet(texts.size());
                stats.charactersSent.addAndGet(request.characters());
                stats.billedCharacters.addAndGet(result.billedCharacters());
                stats.maxTextsPerRequest.accumulate(texts.size());
                stats.maxBytesPerRequest.accumulate(texts.stream().mapToLong(BatchLimits::encodedSize).sum());
                for (TextJob job : jobs) {
                    stats.queueWaitNanos.addAndGet(start - job.enqueuedNanos);
                }
                complete(batch.lane, jobs, texts, result);
                return;
            } catch (TranslationException e) {
                stats.requestNanos.addAndGet(System.nanoTime() - start);
                stats.failedRequests.incrementAndGet();
                if (guard != null) {
                    guard.recordFailure(e);
                }
                if (e.isRetriable() && guard != null && !guard.admitsWork()) {
                    // The failure paused the engine: no backoff on top; the held texts wait for the guard and leave
                    // the moment it lets work go again, before newer texts.
                    stats.retries.incrementAndGet();
                    log.warn("Translation {}->{} of {} texts failed ({}: {}); held until the engine takes work again",
                            request.sourceLanguage(), request.targetLanguage(), texts.size(), e.kind(), e.getMessage());
                    backoff = settings.initialBackoff();
                    continue;
                }
                if (e.isRetriable()) {
                    Duration wait = Backoff.after(e, backoff);
                    stats.retries.incrementAndGet();
                    log.warn("Translation {}->{} of {} texts failed ({}: {}); retrying in {} ms", request.sourceLanguage(),
                            request.targetLanguage(), texts.size(), e.kind(), e.getMessage(), wait.toMillis());
                    try {
                        sleeper.sleep(wait);
                    } catch (InterruptedException interrupted) {
                        fail(jobs, e);
                        return;
                    }
                    backoff = Backoff.next(backoff, settings.maxBackoff());
                    continue;
                }
                if (e.kind() == TranslationException.Kind.REJECTED) {
                    List<List<TextJob>> perArticle = byOwner(jobs);
                    if (perArticle.size() > 1) {
                        log.info("The engine refused a request of {} articles' texts ({}); sending each article's texts alone",
                                perArticle.size(), e.getMessage());
                        for (List<TextJob> articleJobs : perArticle) {
                            send(new Batch(batch.lane, articleJobs));
                        }
                        return;
                    }
                }
                fail(jobs, e);
                return;
            }
        }
    }

    private void complete(Lane lane, List<TextJob> jobs, List<String> texts, TranslationResult result) {
        List<String> translated = result.texts();
        if (translated.size() != jobs.size()) {
            fail(jobs, new TranslationException(TranslationException.Kind.SERVER_ERROR, "the engine answered "
                    + translated.size() + " texts for " + jobs.size()));
            return;
        }
        if (spanCheck == null) {
            completeWith(lane, jobs, texts, result, null);
            return;
        }
        // The span check is CPU work (a comparison with the source, a detection per copied word): one thread does it
        // for all workers, so that it never takes more than one core from the stream threads, and the worker is free
        // for the next request.
        try {
            spanChecker.execute(() -> {
                try {
                    List<List<UntranslatedSpan>> spans = new ArrayList<>(jobs.size());
                    for (int j = 0; j < translated.size(); j++) {
                        spans.add(spanCheck.spans(texts.get(j), translated.get(j), lane));
                    }
                    completeWith(lane, jobs, texts, result, spans);
                } catch (RuntimeException | Error e) {
                    log.error("Checking {} translated texts failed", jobs.size(), e);
                    fail(jobs, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            fail(jobs, new TranslationException(TranslationException.Kind.UNAVAILABLE, "the translation dispatcher closed"));
        }
    }

    private void completeWith(Lane lane, List<TextJob> jobs, List<String> texts, TranslationResult result,
                         List<List<UntranslatedSpan>> spans) {
        List<String> translated = result.texts();
        List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            for (int j = 0; j < jobs.size(); j++) {
                TextJob job = jobs.get(j);
                retire(job);
                long billed = result.billedFor(j, texts);
                boolean first = true;
                for (TextJob.Waiter waiter : List.copyOf(job.waiters)) {
                    QueuedArticle ticket = waiter.ticket();
                    if (ticket.finished) {
                        continue;
                    }
                    boolean textDone = ticket.accept(waiter, new TextResult(translated.get(j), result.engineModel(),
                            result.detectedSourceLanguage(), first ? billed : 0, !first, spans == null ? null : spans.get(j)));
                    first = false;
                    if (textDone && --ticket.remaining == 0) {
                        List<TextResult> answer = List.of(ticket.results);
                        finish(ticket, completions, () -> ticket.result.complete(answer));
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        deliver(completions);
    }

    private void fail(List<TextJob> jobs, Throwable failure) {
        List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            for (TextJob job : jobs) {
                retire(job);
                for (TextJob.Waiter waiter : List.copyOf(job.waiters)) {
                    if (!waiter.ticket().finished) {
                        failTicket(waiter.ticket(), failure, completions);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        deliver(completions);
    }

    /** Under the lock. */
    private void failTicket(QueuedArticle ticket, Throwable failure, List<Runnable> completions) {
        finish(ticket, completions, () -> ticket.result.completeExceptionally(failure));
    }

    /** Under the lock: the ticket is done; frees its room and withdraws its texts that nobody else waits for. */
    private void finish(QueuedArticle ticket, List<Runnable> completions, Runnable completion) {
        ticket.finished = true;
        permitsInUse -= ticket.permits;
        ticket.permits = 0;
        capacityFreed.signalAll();
        for (TextJob job : ticket.jobs) {
            job.waiters.removeIf(w -> w.ticket() == ticket);
            if (job.waiters.isEmpty() && job.state == TextJob.State.QUEUED) {
                LaneQueue lane = lanes.get(job.lane);
                lane.remove(job);
                live.remove(new TextKey(job.lane, job.text));
                job.state = TextJob.State.DONE;
            }
        }
        completing++;
        completions.add(completion);
    }

    /** Completes futures outside the lock (their callbacks are the callers'), then counts them done. */
    private void deliver(List<Runnable> completions) {
        if (completions.isEmpty()) {
            return;
        }
        try {
            completions.forEach(Runnable::run);
        } finally {
            lock.lock();
            try {
                completing -= completions.size();
                signalIfIdle();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Under the lock. */
    private void signalIfIdle() {
        if (live.isEmpty() && completing == 0) {
            idle.signalAll();
        }
    }

    /** Under the lock: the job left the dispatcher. */
    private void retire(TextJob job) {
        if (job.state == TextJob.State.IN_FLIGHT) {
            inFlightTexts--;
        }
        if (job.state != TextJob.State.DONE) {
            live.remove(new TextKey(job.lane, job.text));
            job.state = TextJob.State.DONE;
        }
        signalIfIdle();
    }

    /** True when no article waits for any of these jobs any more (all were cancelled): nothing to send. */
    private boolean abandoned(List<TextJob> jobs) {
        lock.lock();
        try {
            if (jobs.stream().anyMatch(job -> !job.waiters.isEmpty())) {
                return false;
            }
            jobs.forEach(this::retire);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The jobs grouped by the article that first asked for them, in order. */
    private List<List<TextJob>> byOwner(List<TextJob> jobs) {
        lock.lock();
        try {
            Map<Object, List<TextJob>> groups = new LinkedHashMap<>();
            for (TextJob job : jobs) {
                Object owner = job.waiters.isEmpty() ? job : job.waiters.get(0).ticket();
                groups.computeIfAbsent(owner, o -> new ArrayList<>()).add(job);
            }
            return new ArrayList<>(groups.values());
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private void reprioritize(TextJob job, int priority) {
        lanes.get(job.lane).reprioritize(job, priority);
    }

    /**
     * Stops the workers. Articles not yet translated are failed as UNAVAILABLE (the stream threads that asked
     * for them are gone or going: their pending stores bring the articles back on the next start).
     */
    @Override
    public void close() {
        List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            workAvailable.signalAll();
            capacityFreed.signalAll();
            TranslationException closed = new TranslationException(TranslationException.Kind.UNAVAILABLE,
                    "the translation dispatcher closed");
            for (TextJob job : List.copyOf(live.values())) {
                for (TextJob.Waiter waiter : List.copyOf(job.waiters)) {
                    if (!waiter.ticket().finished) {
                        failTicket(waiter.ticket(), closed, completions);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        deliver(completions);
        for (Thread worker : workers) {
            worker.interrupt();
        }
        if (spanChecker != null) {
            spanChecker.shutdownNow();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record TextKey(Lane lane, String text) {
    }

    private record Batch(Lane lane, List<TextJob> jobs) {
    }
}
