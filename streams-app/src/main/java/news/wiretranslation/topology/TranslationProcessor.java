package news.wiretranslation.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.article.Stage;
import news.wiretranslation.deadletter.Causes;
import news.wiretranslation.deadletter.DeadLetterRecords;
import news.wiretranslation.deadletter.OutputRefusals;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.metrics.StageCpu;
import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;
import news.wiretranslation.topology.PendingTranslation.Resolved;
import news.wiretranslation.topology.PendingTranslation.Source;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.async.Dispatcher;
import news.wiretranslation.translate.async.TextResult;
import news.wiretranslation.translate.async.Ticket;
import news.wiretranslation.translate.memory.MemoryEntry;
import news.wiretranslation.translate.memory.MemoryKeys;
import news.wiretranslation.translate.memory.TranslationMemory;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The translate step for one target language. The stream thread hands texts to a {@link Dispatcher} and does not
 * wait for the engine (with the {@code InlineDispatcher} of the synchronous mode, the answer is in when the hand-over
 * returns); what to ask and how to finish is {@link ArticleTranslation}'s.
 *
 * <p>For each article: one already in the target language, or whose every text the translation memory knows, is
 * finished at once. Any other is recorded in the {@link PendingStore} (with its original position and bytes) and its
 * unknown texts are handed to the dispatcher; when they are translated, the stream thread (in {@code process} or in
 * a wall-clock punctuator) finishes the article, remembers the new translations, emits it and deletes its pending
 * entry. Dispatcher threads only complete futures; only the stream thread touches stores and forwards.
 *
 * <p><b>Order.</b> A story's revisions are emitted in arrival order ({@link StoryOrder}). When an urgent revision
 * arrives behind routine ones, those are boosted to its urgency.
 *
 * <p><b>Exactly once.</b> The pending entry is written in the transaction that consumes the input record; the
 * output, the memory entries and the pending entry's deletion in the transaction that emits. After a crash, or when
 * the task moves to another instance, {@link #init} resumes the pending store: an engine call may be made again
 * (billed again), the article is emitted once.
 *
 * <p><b>Back-pressure.</b> When the dispatcher is full, {@code process} waits for room, emitting finished articles
 * meanwhile, for at most the back-pressure timeout; then it fails like a transient engine failure (the transaction
 * aborts, the thread is replaced, the records are processed again).
 *
 * <p><b>Failures.</b> A refusal by the engine becomes a dead letter with the original bytes, emitted in order in the
 * article's place. Retriable failures are the dispatcher's to retry. A rejected key fails the thread (and the fault
 * policy stops the instance).
 */
public final class TranslationProcessor implements Processor<String, DetectedArticle, String, TranslationOutcome> {
    private static final Logger log = LoggerFactory.getLogger(TranslationProcessor.class);

    /** How often the memory's retention bounds are enforced, and how much one sweep may delete. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    static final int SWEEP_MAX_DELETIONS = 10_000;
    /** How long one wait for room lasts before finished articles are emitted again. */
    private static final Duration BACKPRESSURE_SLICE = Duration.ofMillis(20);

    private final TranslateStep step;
    private final ArticleTranslation translation;
    private final Map<String, MemoryKeys> memoryKeys = new HashMap<>();
    private final Map<Long, PendingTranslation> inFlight = new HashMap<>();
    private final StoryOrder stories = new StoryOrder();
    private final ConcurrentLinkedQueue<PendingTranslation> answered = new ConcurrentLinkedQueue<>();

    /** The stream-thread CPU of this step (process and the emitting punctuation), for the stage's meter. */
    private final StageCpu cpu;
    private ProcessorContext<String, TranslationOutcome> context;
    private PendingStore pending;
    private TranslationMemory memory;

    TranslationProcessor(TranslateStep step, ArticleTranslation translation) {
        this(step, translation, StageCpu.unmetered());
    }

    TranslationProcessor(TranslateStep step, ArticleTranslation translation, StageCpu cpu) {
        this.step = step;
        this.translation = translation;
        this.cpu = cpu;
    }

    /** A supplier that also declares the step's stores: the pending store and, when enabled, the memory's two. */
    static ProcessorSupplier<String, DetectedArticle, String, TranslationOutcome> supplier(TranslateStep step,
                                                                                          ArticleTranslation translation,
                                                                                          StageCpu cpu) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, DetectedArticle, String, TranslationOutcome> get() {
                return new TranslationProcessor(step, translation, cpu);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                String suffix = translation.target().topicSuffix();
                Set<StoreBuilder<?>> stores = new HashSet<>();
                stores.add(PendingStore.builder(translation.target()));
                if (step.memory().enabled()) {
                    stores.add(TranslationMemory.entriesStore(suffix));
                    stores.add(TranslationMemory.ageIndexStore(suffix));
                }
                return stores;
            }
        };
    }

    // ---- lifecycle ----

    @Override
    public void init(ProcessorContext<String, TranslationOutcome> context) {
        this.context = context;
        reset();
        pending = new PendingStore(context.getStateStore(PendingStore.name(translation.target())));
        if (step.memory().enabled()) {
            String suffix = translation.target().topicSuffix();
            memory = new TranslationMemory(context.getStateStore(TranslationMemory.ENTRIES_STORE_PREFIX + suffix),
                    context.getStateStore(TranslationMemory.AGE_INDEX_STORE_PREFIX + suffix),
                    step.memory().maxAge(), step.memory().maxEntries());
        }
        resumePending();
        context.schedule(step.emitInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            long cpuStart = cpu.start();
            try {
                emitAnswered();
                commitIfDue();
            } finally {
                cpu.stop(cpuStart);
            }
        });
        if (memory != null) {
            context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweepMemory());
        }
    }

    /** Picks up where the task's last owner stopped: every pending article, in arrival order. */
    private void resumePending() {
        List<PendingArticle> articles = pending.resume();
        for (PendingArticle article : articles) {
            PendingTranslation state = prepare(article);
            track(state);
            if (state.isFinished()) {
                answered.add(state);
            } else {
                state.ticket = step.dispatcher().submitNow(state.request.lane(), state.missingTexts(), article.urgency());
                state.ticket.result().whenComplete((result, failure) -> answered.add(state));
            }
        }
        if (!articles.isEmpty()) {
            step.counters().replayed.add(articles.size());
            log.info("Translation to {} in task {}: resuming {} pending articles", translation.target(), context.taskId(),
                    articles.size());
        }
    }

    @Override
    public void close() {
        reset();
    }

    /** Forgets this instance's view of the pending articles (the store keeps them) and withdraws their texts. */
    private void reset() {
        for (PendingTranslation state : inFlight.values()) {
            if (state.ticket != null) {
                state.ticket.cancel();
            }
        }
        inFlight.clear();
        stories.clear();
        answered.clear();
    }

    // ---- processing ----

    @Override
    public void process(Record<String, DetectedArticle> record) {
        long start = System.nanoTime();
        long cpuStart = cpu.start();
        try {
            step.commits().current().read(record.timestamp());
            emitAnswered();
            accept(record);
            if (step.dispatcher().answersOnSubmit()) {
                emitAnswered(); // the synchronous design: the article is translated, out it goes
            }
            commitIfDue();
        } finally {
            step.counters().processNanos.add(System.nanoTime() - start);
            cpu.stop(cpuStart);
        }
    }

    /** Asks for a commit when the input is caught up and something was emitted (see {@link CommitPacing}). */
    private void commitIfDue() {
        if (step.commits().current().commitDue()) {
            context.commit();
        }
    }

    private void accept(Record<String, DetectedArticle> record) {
        step.counters().articles.increment();
        PendingArticle article = pendingArticle(pending.nextSequence(), record);
        PendingTranslation state = prepare(article);
        if (state.isFinished() && !stories.isWaiting(record.key())) {
            // Nothing to wait for: emitted at once, with the input record's context.
            step.counters().finished(state);
            context.forward(record.withValue(state.outcome));
            step.commits().current().emitted();
            return;
        }
        if (!state.isFinished()) {
            state.ticket = submitWithBackpressure(state);
            state.ticket.result().whenComplete((result, failure) -> answered.add(state));
        }
        pending.add(article);
        track(state);
        if (state.isFinished()) {
            answered.add(state); // waits only for the articles before it
        }
        for (PendingTranslation before : stories.waiting(record.key())) {
            if (before != state && before.ticket != null) {
                before.ticket.boost(article.urgency());
            }
        }
    }

    /** Hands the missing texts to the dispatcher, waiting for room while emitting what is finished. */
    private Ticket submitWithBackpressure(PendingTranslation state) {
        long start = System.nanoTime();
        long deadline = start + step.backpressureTimeout().toNanos();
        List<String> texts = state.missingTexts();
        try {
            while (true) {
                Optional<Ticket> ticket = step.dispatcher().trySubmit(state.request.lane(), texts,
                        state.article().urgency(), BACKPRESSURE_SLICE);
                if (ticket.isPresent()) {
                    return ticket.get();
                }
                emitAnswered();
                if (System.nanoTime() - deadline > 0) {
                    throw new TranslationFailedException(new TranslationException(TranslationException.Kind.UNAVAILABLE,
                            "the translation queue stayed full for " + step.backpressureTimeout().toMillis()
                                    + " ms (TRANSLATION_BACKPRESSURE_TIMEOUT_MS): the engine is not keeping up"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationFailedException(new TranslationException(TranslationException.Kind.UNAVAILABLE,
                    "interrupted while waiting for room in the translation queue", e));
        } finally {
            step.counters().backpressureNanos.add(System.nanoTime() - start);
        }
    }

    private void track(PendingTranslation state) {
        inFlight.put(state.article().sequence(), state);
        stories.add(state);
    }

    /** What is known of an article at once: passed through, or its texts with what the memory has. */
    private PendingTranslation prepare(PendingArticle article) {
        DetectedArticle detected = article.article();
        PendingTranslation state = new PendingTranslation(article);
        Optional<OutputRefusals.Refusal> refused = step.refusals().find(detected.raw().getId(),
                detected.raw().getRevision(), translation.target().bcp47());
        if (refused.isPresent()) {
            state.outcome = refusedByTheBroker(state, refused.get());
            return state;
        }
        Optional<news.wiretranslation.avro.Article> passed = translation.passThrough(detected);
        if (passed.isPresent()) {
            state.outcome = sized(state, passed.get(), 0);
            state.passedThrough = state.outcome.article() != null;
            return state;
        }
        state.request = translation.request(detected);
        List<String> texts = state.request.texts();
        state.results = new Resolved[texts.size()];
        MemoryKeys keys = memory == null ? null : memoryKeys(detected.language(), state.request.options());
        long now = step.clock().millis();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isEmpty()) {
                state.results[i] = new Resolved("", null, null, 0, Source.EMPTY, List.of());
                continue;
            }
            if (keys != null) {
                Optional<MemoryEntry> remembered = memory.get(keys.key(text), now);
                if (remembered.isPresent()) {
                    MemoryEntry entry = remembered.get();
                    state.results[i] = new Resolved(entry.translation(), entry.engineModel(),
                            entry.engineDetectedLanguage(), 0, Source.MEMORY, spans(entry));
                    continue;
                }
            }
            state.missing.add(i);
        }
        if (state.missing.isEmpty()) {
            state.outcome = finish(state);
        }
        return state;
    }

    // ---- finishing ----

    /** Finishes what the dispatcher has answered and emits, per story, every article whose turn has come. */
    private void emitAnswered() {
        if (answered.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            PendingTranslation state;
            while ((state = answered.poll()) != null) {
                if (inFlight.get(state.article().sequence()) != state) {
                    continue; // cancelled, or from before a reset
                }
                if (!state.isFinished()) {
                    state.outcome = answer(state);
                }
                emitInOrder(state.article().key());
            }
        } finally {
            step.counters().emitNanos.add(System.nanoTime() - start);
        }
    }

    private TranslationOutcome answer(PendingTranslation state) {
        List<TextResult> results;
        try {
            results = state.ticket.result().join();
        } catch (CancellationException e) {
            throw new IllegalStateException("a live article's translation was cancelled", e);
        } catch (CompletionException e) {
            return failed(state, e.getCause());
        }
        long now = step.clock().millis();
        MemoryKeys keys = memory == null ? null : memoryKeys(state.article().article().language(), state.request.options());
        for (int m = 0; m < state.missing.size(); m++) {
            int i = state.missing.get(m);
            TextResult result = results.get(m);
            state.results[i] = new Resolved(result.text(), result.engineModel(), result.detectedLanguage(),
                    result.billedCharacters(), result.shared() ? Source.SHARED : Source.ENGINE, result.untranslatedSpans());
            if (keys != null) {
                memory.put(keys.key(state.texts().get(i)), new MemoryEntry(result.text(), result.engineModel(),
                        result.detectedLanguage(), now, memorySpans(result.untranslatedSpans())));
            }
        }
        try {
            return finish(state);
        } catch (RuntimeException e) {
            log.error("Finishing article {} for {} failed; dead-lettering it", state.article().key(), translation.target(), e);
            return deadLetter(state, DeadLetterReason.PROCESSING_ERROR, "finishing the translation: " + Causes.describe(e));
        }
    }

    private TranslationOutcome failed(PendingTranslation state, Throwable failure) {
        if (failure instanceof TranslationException refused) {
            if (refused.kind() == TranslationException.Kind.REJECTED) {
                DetectedArticle article = state.article().article();
                String message = translation.refusal(article, refused);
                ArticleLog.event(log.atInfo(), state.article().key(), article.raw().getRevision(), Stage.TRANSLATE.label())
                        .addKeyValue("reason", DeadLetterReason.TRANSLATION_REJECTED)
                        .addKeyValue("targetLanguage", translation.target().code())
                        .log("Dead-lettering article {} for {}: {}", state.article().key(), translation.target(), message);
                return deadLetter(state, DeadLetterReason.TRANSLATION_REJECTED, message);
            }
            // A rejected key, the engine away for longer than a synchronous call may wait, or the dispatcher closing
            // under us: not the article's fault. The thread fails, its transaction aborts, and the pending article is
            // resumed by whoever owns the task next.
            throw new TranslationFailedException(refused);
        }
        log.error("Translating article {} for {} failed unexpectedly; dead-lettering it", state.article().key(),
                translation.target(), failure);
        return deadLetter(state, DeadLetterReason.PROCESSING_ERROR, "translating: " + Causes.describe(failure));
    }

    /**
     * The article's output was refused by the broker in a transaction that then aborted: this time it goes to the
     * dead-letter topic (before translation: it would only be refused again), and the pipeline moves on.
     */
    private TranslationOutcome refusedByTheBroker(PendingTranslation state, OutputRefusals.Refusal refusal) {
        PendingArticle article = state.article();
        ArticleLog.event(log.atWarn(), article.key(), article.article().raw().getRevision(), Stage.PRODUCE.label())
                .addKeyValue("reason", refusal.reason()).addKeyValue("targetLanguage", translation.target().code())
                .log("Dead-lettering article {} for {}: {}", article.key(), translation.target(), refusal.message());
        return deadLetter(state, refusal.reason(), Stage.PRODUCE, refusal.message());
    }

    private TranslationOutcome deadLetter(PendingTranslation state, DeadLetterReason reason, String message) {
        return deadLetter(state, reason, Stage.TRANSLATE, message);
    }

    private TranslationOutcome deadLetter(PendingTranslation state, DeadLetterReason reason, Stage stage, String message) {
        PendingArticle article = state.article();
        state.deadLettered = true;
        return TranslationOutcome.deadLetter(article.rawKey(), DeadLetterRecords.letter(reason, stage,
                article.key(), translation.target().code(), message, article.topic(), article.partition(),
                article.offset(), article.rawKey(), article.rawValue(), step.clock().instant()));
    }

    /** The labelled article from texts that are all known. */
    private TranslationOutcome finish(PendingTranslation state) {
        int n = state.texts().size();
        List<String> translations = new ArrayList<>(n);
        List<List<UntranslatedSpan>> spans = new ArrayList<>(n);
        long billed = 0;
        long reused = 0;
        long sent = 0;
        String model = null;
        String detected = null;
        for (int i = 0; i < n; i++) {
            Resolved result = state.results[i];
            String source = state.texts().get(i);
            translations.add(result.text());
            spans.add(result.spans());
            billed += result.billed();
            if (result.source() == Source.MEMORY || result.source() == Source.SHARED) {
                reused += source.length();
            } else if (result.source() == Source.ENGINE) {
                sent += source.codePointCount(0, source.length()); // as DeepL counts: beside its billed figure
            }
            model = model == null ? result.model() : model;
            detected = detected == null ? result.detected() : detected;
        }
        state.billed = billed;
        TranslationResult result = new TranslationResult(translations, translation.translator().engine(), model, detected, billed);
        return sized(state, translation.finish(state.request, result, spans, reused), sent);
    }

    /**
     * The article (with the characters it sent to the engine), or a dead letter when it would be larger than any
     * record the service may write: the producer would refuse it and, under exactly-once, abort the transaction, and
     * every retry would meet it again.
     */
    private TranslationOutcome sized(PendingTranslation state, news.wiretranslation.avro.Article article,
                                     long sentCharacters) {
        long size = OutputSize.of(state.article().key(), state.article().headers(), article);
        if (size <= step.recordLimit()) {
            return TranslationOutcome.of(article, sentCharacters, state.article().article().text());
        }
        String message = "The article for " + translation.target().code() + " would be " + size + " bytes, more than the "
                + step.recordLimit() + " the service writes at most (4 x MAX_ARTICLE_BYTES + 64 KiB)";
        log.warn("Dead-lettering article {}: {}", state.article().key(), message);
        return deadLetter(state, DeadLetterReason.OUTPUT_TOO_LARGE, message);
    }

    /** Emits the story's finished articles, oldest first, up to the first one that is not. */
    private void emitInOrder(String key) {
        for (PendingTranslation state : stories.takeFinished(key)) {
            PendingArticle article = state.article();
            step.counters().finished(state);
            step.counters().waited(article.urgency(), Math.max(0, step.clock().millis() - article.acceptedMillis()));
            context.forward(new Record<>(key, state.outcome, article.timestamp(), article.headers()));
            step.commits().current().emitted();
            pending.remove(article.sequence());
            inFlight.remove(article.sequence());
        }
    }

    private void sweepMemory() {
        TranslationMemory.SweepResult result = memory.sweep(step.clock().millis(), SWEEP_MAX_DELETIONS);
        if (result.deleted() > 0) {
            step.counters().memoryEvictions.add(result.deleted());
            log.debug("Translation memory for {}: {} expired, {} over the size bound deleted", translation.target(),
                    result.expired(), result.evicted());
        }
    }

    // ---- helpers ----

    private PendingArticle pendingArticle(long sequence, Record<String, DetectedArticle> record) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        SourceRecordBytes source = SourceRecordBytes.of(metadata);
        return new PendingArticle(sequence, record.key(), record.timestamp(), record.headers(),
                metadata.map(RecordMetadata::topic).orElse(null), metadata.map(RecordMetadata::partition).orElse(-1),
                metadata.map(RecordMetadata::offset).orElse(-1L), source.key(), source.value(), record.value(),
                step.clock().millis());
    }

    private MemoryKeys memoryKeys(String sourceLanguage, TranslationOptions options) {
        // Keyed by the settings and glossary too: a reload makes new keys, and the old ones are not served.
        String target = translation.target().code();
        return memoryKeys.computeIfAbsent(sourceLanguage + "\u0000" + translation.translator().settings(sourceLanguage,
                        target) + "\u0000" + options.fingerprint(),
                k -> MemoryKeys.of(translation.translator(), options, sourceLanguage, target));
    }

    private static List<UntranslatedSpan> spans(MemoryEntry entry) {
        return entry.untranslatedSpans() == null ? null
                : entry.untranslatedSpans().stream().map(s -> new UntranslatedSpan(s.offset(), s.text())).toList();
    }

    private static List<MemoryEntry.Span> memorySpans(List<UntranslatedSpan> spans) {
        return spans == null ? null : spans.stream().map(s -> new MemoryEntry.Span(s.offset(), s.text())).toList();
    }
}
