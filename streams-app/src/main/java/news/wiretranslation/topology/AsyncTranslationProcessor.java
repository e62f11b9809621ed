package news.wiretranslation.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.deadletter.DeadLetterRecords;
import news.wiretranslation.article.Stage;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.glossary.TerminologyChecker;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.quality.QualityChecker;
import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;
import news.wiretranslation.topology.TranslationStep.TranslationFailedException;
import news.wiretranslation.translate.SettingsFingerprint;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.async.TranslationDispatcher;
import news.wiretranslation.translate.async.TranslationDispatcher.Lane;
import news.wiretranslation.translate.async.TranslationDispatcher.TextResult;
import news.wiretranslation.translate.async.TranslationDispatcher.Ticket;
import news.wiretranslation.translate.memory.MemoryEntry;
import news.wiretranslation.translate.memory.MemoryKeys;
import news.wiretranslation.translate.memory.TranslationMemory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous translate step for one target language: the stream thread never waits for the engine.
 *
 * <p>For each article: an article already in the target language, or whose every text the translation memory
 * knows, is finished at once. Any other is recorded in the changelogged <em>pending store</em> (with its original
 * position and bytes) and its unknown texts are handed to the {@link TranslationDispatcher}; when the dispatcher
 * has translated them, the stream thread (in {@code process} or in a wall-clock punctuator) finishes the article,
 * remembers the new translations, emits it and deletes its pending entry. Dispatcher threads only complete futures;
 * only the stream thread touches stores and forwards.
 *
 * <p><b>Order.</b> Articles with the same key (a story's revisions) are emitted in arrival order: a finished one
 * waits for those before it. When an urgent revision arrives behind routine ones, those are boosted to its urgency.
 *
 * <p><b>Exactly once.</b> The pending entry is written in the transaction that consumes the input record; the
 * output, the memory entries and the pending entry's deletion in the transaction that emits. After a crash, or when
 * the task moves to another instance, {@link #init} replays the pending store: an engine call may be made again
 * (billed again), the article is emitted once.
 *
 * <p><b>Back-pressure.</b> When the dispatcher is full, {@code process} waits for room, emitting finished articles
 * meanwhile, for at most the back-pressure timeout; then it fails like a transient engine failure (the transaction
 * aborts, the thread is replaced, the records are processed again).
 *
 * <p><b>Failures.</b> A refusal by the engine becomes a dead letter with the original bytes, in the same format
 * as the handlers write, emitted in order in the article's place. Retriable failures are retried by the
 * dispatcher without limit. A rejected key fails the thread (and the policy stops the instance).
 */
public final class AsyncTranslationProcessor implements Processor<String, DetectedArticle, String, TranslationOutcome> {
    private static final Logger log = LoggerFactory.getLogger(AsyncTranslationProcessor.class);

    /** Name of the pending store, followed by the target's topic suffix. */
    public static final String PENDING_STORE_PREFIX = "translation-pending-";
    /** How often the memory's retention bounds are enforced, and how much one sweep may delete. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    static final int SWEEP_MAX_DELETIONS = 10_000;
    /** How long one wait for room lasts before finished articles are emitted again. */
    private static final Duration BACKPRESSURE_SLICE = Duration.ofMillis(20);

    /** What the step needs besides the target; one per target language, shared by its tasks' processors. */
    public record Settings(TargetLanguage target, Translator translator, TranslationDispatcher dispatcher,
                           ArticleLabeler labeler, Optional<QualityChecker> quality, boolean memoryEnabled,
                           Duration memoryMaxAge, long memoryMaxEntries, Duration emitInterval,
                           Duration backpressureTimeout, Clock clock, TranslationCounters counters,
                           CommitPacing.PerThread commits) {
    }

    private final Settings settings;
    private final TargetLanguage target;
    private final String targetLanguage;
    private final Map<String, MemoryKeys> memoryKeys = new HashMap<>();
    private final TerminologyChecker terminology;

    private ProcessorContext<String, TranslationOutcome> context;
    private KeyValueStore<Long, byte[]> pending;
    private TranslationMemory memory;
    private final Map<Long, InFlight> inFlight = new HashMap<>();
    private final Map<String, ArrayDeque<InFlight>> byKey = new HashMap<>();
    private final ConcurrentLinkedQueue<InFlight> finished = new ConcurrentLinkedQueue<>();
    private long nextSequence;

    public AsyncTranslationProcessor(Settings settings) {
        this.settings = settings;
        this.target = settings.target();
        this.targetLanguage = target.language();
        this.terminology = new TerminologyChecker(settings.translator()::terminology);
    }

    // ---- wiring ----

    public static String pendingStoreName(TargetLanguage target) {
        return PENDING_STORE_PREFIX + target.topicSuffix();
    }

    /** A supplier that also declares the step's stores: the pending store and, when enabled, the memory's two. */
    public static ProcessorSupplier<String, DetectedArticle, String, TranslationOutcome> supplier(Settings settings) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, DetectedArticle, String, TranslationOutcome> get() {
                return new AsyncTranslationProcessor(settings);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                String suffix = settings.target().topicSuffix();
                Set<StoreBuilder<?>> stores = new java.util.HashSet<>();
                // Cached: an article emitted within the commit interval it arrived in then costs the changelog one
                // tombstone, not a put and a delete.
                stores.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(pendingStoreName(settings.target())),
                        Serdes.Long(), Serdes.ByteArray()).withCachingEnabled());
                if (settings.memoryEnabled()) {
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
        pending = context.getStateStore(pendingStoreName(target));
        if (settings.memoryEnabled()) {
            String suffix = target.topicSuffix();
            memory = new TranslationMemory(context.getStateStore(TranslationMemory.ENTRIES_STORE_PREFIX + suffix),
                    context.getStateStore(TranslationMemory.AGE_INDEX_STORE_PREFIX + suffix),
                    settings.memoryMaxAge(), settings.memoryMaxEntries());
        }
        replay();
        context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            emitFinished();
            commitIfDue();
        });
        if (memory != null) {
            context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweepMemory());
        }
    }

    /** Picks up where the task's last owner stopped: every pending article, in arrival order. */
    private void replay() {
        long last = -1;
        int count = 0;
        try (KeyValueIterator<Long, byte[]> entries = pending.all()) {
            while (entries.hasNext()) {
                KeyValue<Long, byte[]> entry = entries.next();
                PendingArticle article = PendingArticle.fromBytes(entry.value);
                last = Math.max(last, entry.key);
                InFlight state = prepare(article);
                register(state);
                if (state.outcome == null) {
                    state.ticket = settings.dispatcher().submitNow(lane(state), state.missingTexts(),
                            article.urgency());
                    state.ticket.result().whenComplete((result, failure) -> finished.add(state));
                } else {
                    finished.add(state);
                }
                count++;
            }
        }
        nextSequence = last + 1;
        if (count > 0) {
            settings.counters().replayed.add(count);
            log.info("Translation to {} in task {}: resuming {} pending articles", target, context.taskId(), count);
        }
    }

    @Override
    public void close() {
        reset();
    }

    /** Forgets this instance's view of the pending articles (the store keeps them) and withdraws their texts. */
    private void reset() {
        for (InFlight state : inFlight.values()) {
            if (state.ticket != null) {
                state.ticket.cancel();
            }
        }
        inFlight.clear();
        byKey.clear();
        finished.clear();
    }

    // ---- processing ----

    @Override
    public void process(Record<String, DetectedArticle> record) {
        long start = System.nanoTime();
        try {
            settings.commits().current().read(record.timestamp());
            emitFinished();
            accept(record);
            commitIfDue();
        } finally {
            settings.counters().processNanos.add(System.nanoTime() - start);
        }
    }

    /** Asks for a commit when the input is caught up and something was emitted (see {@link CommitPacing}). */
    private void commitIfDue() {
        if (settings.commits().current().commitDue()) {
            context.commit();
        }
    }

    private void accept(Record<String, DetectedArticle> record) {
        settings.counters().articles.increment();
        long sequence = nextSequence;
        PendingArticle article = pendingArticle(sequence, record);
        InFlight state = prepare(article);
        if (state.outcome != null && !byKey.containsKey(record.key())) {
            // Nothing to wait for: emitted at once, with the input record's context.
            countFinished(state);
            context.forward(record.withValue(state.outcome));
            settings.commits().current().emitted();
            return;
        }
        if (state.outcome == null) {
            state.ticket = submitWithBackpressure(state);
            state.ticket.result().whenComplete((result, failure) -> finished.add(state));
        }
        nextSequence++;
        pending.put(sequence, article.toBytes());
        register(state);
        if (state.outcome != null) {
            finished.add(state); // waits only for the articles before it
        }
        int urgency = article.urgency();
        for (InFlight before : byKey.get(record.key())) {
            if (before != state && before.ticket != null) {
                before.ticket.boost(urgency);
            }
        }
    }

    /** Hands the missing texts to the dispatcher, waiting for room while emitting what is finished. */
    private Ticket submitWithBackpressure(InFlight state) {
        long start = System.nanoTime();
        long deadline = start + settings.backpressureTimeout().toNanos();
        Lane lane = lane(state);
        List<String> texts = state.missingTexts();
        try {
            while (true) {
                Optional<Ticket> ticket = settings.dispatcher().trySubmit(lane, texts, state.article.urgency(), BACKPRESSURE_SLICE);
                if (ticket.isPresent()) {
                    return ticket.get();
                }
                emitFinished();
                if (System.nanoTime() - deadline > 0) {
                    throw new TranslationFailedException(new TranslationException(TranslationException.Kind.UNAVAILABLE,
                            "the translation queue stayed full for " + settings.backpressureTimeout().toMillis()
                                    + " ms (TRANSLATION_BACKPRESSURE_TIMEOUT_MS): the engine is not keeping up"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationFailedException(new TranslationException(TranslationException.Kind.UNAVAILABLE,
                    "interrupted while waiting for room in the translation queue", e));
        } finally {
            settings.counters().backpressureNanos.add(System.nanoTime() - start);
        }
    }

    private void register(InFlight state) {
        inFlight.put(state.article.sequence(), state);
        byKey.computeIfAbsent(state.article.key(), k -> new ArrayDeque<>()).addLast(state);
    }

    /** What is known of an article at once: passed through, or its texts with what the memory has. */
    private InFlight prepare(PendingArticle article) {
        DetectedArticle detected = article.article();
        InFlight state = new InFlight(article);
        if (target.isSameLanguageAs(detected.language())) {
            state.outcome = TranslationOutcome.of(settings.labeler().passedThrough(detected, target));
            state.passedThrough = true;
            return state;
        }
        List<String> texts = ArticleLabeler.textsToTranslate(detected);
        state.texts = texts;
        state.options = TranslationOptions.forArticle(settings.translator(), detected.language(), target.code(), texts.get(0));
        state.results = new Resolved[texts.size()];
        MemoryKeys keys = memory == null ? null : memoryKeys(detected.language(), state.options);
        long now = settings.clock().millis();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isEmpty()) {
                state.results[i] = new Resolved("", null, null, 0, Source.EMPTY, List.of());
                continue;
            }
            if (keys != null) {
                Bytes key = keys.key(text);
                Optional<MemoryEntry> remembered = memory.get(key, now);
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

    /** Finishes what the dispatcher has answered and emits, per key, every article whose turn has come. */
    private void emitFinished() {
        if (finished.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            InFlight state;
            while ((state = finished.poll()) != null) {
                if (inFlight.get(state.article.sequence()) != state) {
                    continue; // cancelled, or from before a reset
                }
                if (state.outcome == null) {
                    state.outcome = answer(state);
                }
                emitInOrder(state.article.key());
            }
        } finally {
            settings.counters().emitNanos.add(System.nanoTime() - start);
        }
    }

    private TranslationOutcome answer(InFlight state) {
        List<TextResult> results;
        try {
            results = state.ticket.result().join();
        } catch (CancellationException e) {
            throw new IllegalStateException("a live article's translation was cancelled", e);
        } catch (CompletionException e) {
            return failed(state, e.getCause());
        }
        long now = settings.clock().millis();
        MemoryKeys keys = memory == null ? null : memoryKeys(state.article.article().language(), state.options);
        for (int m = 0; m < state.missing.size(); m++) {
            int i = state.missing.get(m);
            TextResult result = results.get(m);
            state.results[i] = new Resolved(result.text(), result.engineModel(), result.detectedLanguage(),
                    result.billedCharacters(), result.shared() ? Source.SHARED : Source.ENGINE, result.untranslatedSpans());
            if (keys != null) {
                memory.put(keys.key(state.texts.get(i)), new MemoryEntry(result.text(), result.engineModel(),
                        result.detectedLanguage(), now, memorySpans(result.untranslatedSpans())));
            }
        }
        try {
            return finish(state);
        } catch (RuntimeException e) {
            log.error("Finishing article {} for {} failed; dead-lettering it", state.article.key(), target, e);
            return deadLetter(state, DeadLetterReason.PROCESSING_ERROR, Stage.TRANSLATE,
                    "finishing the translation: " + news.wiretranslation.deadletter.Causes.describe(e));
        }
    }

    private TranslationOutcome failed(InFlight state, Throwable failure) {
        if (failure instanceof TranslationException translation) {
            if (translation.kind() == TranslationException.Kind.REJECTED) {
                DetectedArticle article = state.article.article();
                ArticleLog.event(log.atInfo(), state.article.key(), article.raw().getRevision(), Stage.TRANSLATE.label())
                        .addKeyValue("reason", DeadLetterReason.TRANSLATION_REJECTED).addKeyValue("targetLanguage", target.code())
                        .log("Dead-lettering article {} for {}: {} refused {}->{}: {}", state.article.key(), target,
                                settings.translator().engine(), article.language(), target.code(), translation.getMessage());
                return deadLetter(state, DeadLetterReason.TRANSLATION_REJECTED, Stage.TRANSLATE,
                        settings.translator().engine() + " refused " + article.language() + "->" + target.code() + ": "
                                + translation.getMessage());
            }
            // A rejected key, or the dispatcher closing under us: not the article's fault. The thread fails, its
            // transaction aborts, and the pending article is resumed by whoever owns the task next.
            throw new TranslationFailedException(translation);
        }
        log.error("Translating article {} for {} failed unexpectedly; dead-lettering it", state.article.key(), target, failure);
        return deadLetter(state, DeadLetterReason.PROCESSING_ERROR, Stage.TRANSLATE,
                "translating: " + news.wiretranslation.deadletter.Causes.describe(failure));
    }

    private TranslationOutcome deadLetter(InFlight state, DeadLetterReason reason, Stage stage, String message) {
        PendingArticle article = state.article;
        state.deadLettered = true;
        return TranslationOutcome.deadLetter(article.rawKey(), DeadLetterRecords.letter(reason, stage, article.key(),
                target.code(), message, article.topic(), article.partition(), article.offset(), article.rawKey(),
                article.rawValue(), settings.clock().instant()));
    }

    /** The labelled article from texts that are all known. */
    private TranslationOutcome finish(InFlight state) {
        DetectedArticle article = state.article.article();
        int n = state.texts.size();
        List<String> translations = new ArrayList<>(n);
        long billed = 0;
        long reused = 0;
        String model = null;
        for (int i = 0; i < n; i++) {
            Resolved result = state.results[i];
            translations.add(result.text);
            billed += result.billed;
            if (result.source == Source.MEMORY || result.source == Source.SHARED) {
                reused += state.texts.get(i).length();
            }
            if (model == null) {
                model = result.model;
            }
        }
        String detected = state.results[0].detected;
        for (int i = 1; detected == null && i < n; i++) {
            detected = state.results[i].detected;
        }
        List<QualityFlag> flags = new ArrayList<>();
        if (settings.quality().isPresent()) {
            QualityChecker checker = settings.quality().get();
            for (int i = 0; i < n; i++) {
                String source = state.texts.get(i);
                String translation = translations.get(i);
                if (QualityChecker.isEmptyTranslation(source, translation)) {
                    flags.add(QualityChecker.emptyTranslation(i - 1));
                    continue;
                }
                List<UntranslatedSpan> spans = state.results[i].spans;
                if (spans == null) {
                    spans = checker.untranslatedSpans(translation, article.language(), targetLanguage);
                }
                for (UntranslatedSpan span : spans) {
                    flags.add(QualityChecker.untranslatedFragment(span, article.language(), i - 1));
                }
            }
            checker.lengthRatio(state.texts, translations).ifPresent(flags::add);
        }
        flags.addAll(terminology.check(state.texts, translations, article.language(), target.code()));
        TranslationResult result = new TranslationResult(translations, settings.translator().engine(), model, detected, billed);
        state.billed = billed;
        state.reused = reused;
        return TranslationOutcome.of(settings.labeler().translated(article, target, result,
                SettingsFingerprint.of(settings.translator(), state.options, article.language(), target.code()), flags, reused));
    }

    /** Emits the articles of {@code key} that are finished, oldest first, up to the first one that is not. */
    private void emitInOrder(String key) {
        ArrayDeque<InFlight> queue = byKey.get(key);
        while (queue != null && !queue.isEmpty() && queue.peekFirst().outcome != null) {
            InFlight state = queue.pollFirst();
            countFinished(state);
            long waited = Math.max(0, settings.clock().millis() - state.article.acceptedMillis());
            if (state.article.urgency() == 1) {
                settings.counters().flashWaitMillis.add(waited);
                settings.counters().flashWaited.increment();
            } else {
                settings.counters().otherWaitMillis.add(waited);
                settings.counters().otherWaited.increment();
            }
            context.forward(new Record<>(key, state.outcome, state.article.timestamp(), state.article.headers()));
            settings.commits().current().emitted();
            pending.delete(state.article.sequence());
            inFlight.remove(state.article.sequence());
        }
        if (queue != null && queue.isEmpty()) {
            byKey.remove(key);
        }
    }

    private void countFinished(InFlight state) {
        TranslationCounters counters = settings.counters();
        if (state.passedThrough) {
            counters.passedThrough.increment();
            return;
        }
        if (state.deadLettered) {
            counters.deadLetters.increment();
            return;
        }
        counters.translated.increment();
        boolean allFromMemory = true;
        for (int i = 0; i < state.texts.size(); i++) {
            Resolved result = state.results[i];
            long chars = state.texts.get(i).length();
            if (result.source == Source.EMPTY) {
                continue;
            }
            counters.texts.increment();
            counters.sourceCharacters.add(chars);
            switch (result.source) {
                case MEMORY -> {
                    counters.memoryTexts.increment();
                    counters.memoryCharacters.add(chars);
                }
                case SHARED -> {
                    counters.sharedCharacters.add(chars);
                    allFromMemory = false;
                }
                default -> {
                    counters.engineTexts.increment();
                    counters.engineCharacters.add(chars);
                    allFromMemory = false;
                }
            }
        }
        counters.billedCharacters.add(state.billed);
        if (allFromMemory) {
            counters.fullyFromMemory.increment();
        }
    }

    private void sweepMemory() {
        TranslationMemory.SweepResult result = memory.sweep(settings.clock().millis(), SWEEP_MAX_DELETIONS);
        if (result.deleted() > 0) {
            settings.counters().memoryEvictions.add(result.deleted());
            log.debug("Translation memory for {}: {} expired, {} over the size bound deleted", target,
                    result.expired(), result.evicted());
        }
    }

    // ---- helpers ----

    private PendingArticle pendingArticle(long sequence, Record<String, DetectedArticle> record) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        String topic = metadata.map(RecordMetadata::topic).orElse(null);
        int partition = metadata.map(RecordMetadata::partition).orElse(-1);
        long offset = metadata.map(RecordMetadata::offset).orElse(-1L);
        byte[] rawKey = null;
        byte[] rawValue = null;
        if (metadata.isPresent() && metadata.get() instanceof ProcessorRecordContext source) {
            // The input record's bytes, as Kafka Streams keeps them for dead-letter handlers (KIP-1034).
            rawKey = source.sourceRawKey();
            rawValue = source.sourceRawValue();
        }
        return new PendingArticle(sequence, record.key(), record.timestamp(), record.headers(), topic, partition,
                offset, rawKey, rawValue, record.value(), settings.clock().millis());
    }

    /** The article's lane: its language pair and options (glossary, context), which a batch must share. */
    private Lane lane(InFlight state) {
        return new Lane(state.article.article().language(), target.code(), state.options);
    }

    private MemoryKeys memoryKeys(String sourceLanguage, TranslationOptions options) {
        // Keyed by the settings and glossary too: a reload makes new keys, and the old ones are not served.
        return memoryKeys.computeIfAbsent(sourceLanguage + "\u0000" + settings.translator().settings(sourceLanguage,
                        target.code()) + "\u0000" + options.fingerprint(),
                k -> MemoryKeys.of(settings.translator(), options, sourceLanguage, target.code()));
    }

    private static List<UntranslatedSpan> spans(MemoryEntry entry) {
        return entry.untranslatedSpans() == null ? null
                : entry.untranslatedSpans().stream().map(s -> new UntranslatedSpan(s.offset(), s.text())).toList();
    }

    private static List<MemoryEntry.Span> memorySpans(List<UntranslatedSpan> spans) {
        return spans == null ? null : spans.stream().map(s -> new MemoryEntry.Span(s.offset(), s.text())).toList();
    }

    /** Where a text's translation came from. */
    private enum Source { EMPTY, MEMORY, ENGINE, SHARED }

    private record Resolved(String text, String model, String detected, long billed, Source source,
                            List<UntranslatedSpan> spans) {
    }

    /** One pending article as the stream thread tracks it. Touched by the stream thread only. */
    private static final class InFlight {
        final PendingArticle article;
        List<String> texts = List.of();
        TranslationOptions options = TranslationOptions.NONE;
        Resolved[] results;
        final List<Integer> missing = new ArrayList<>();
        Ticket ticket;
        TranslationOutcome outcome;
        boolean passedThrough;
        boolean deadLettered;
        long billed;
        long reused;

        InFlight(PendingArticle article) {
            this.article = article;
        }

        List<String> missingTexts() {
            List<String> list = new ArrayList<>(missing.size());
            for (int i : missing) {
                list.add(texts.get(i));
            }
            return list;
        }
    }
}
