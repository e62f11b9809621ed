package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.deadletter.OutputRefusals;
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.normalize.TextNormalizer;
import news.wiretranslation.translate.FakeTranslator;
import news.wiretranslation.translate.async.BatchLimits;
import news.wiretranslation.translate.async.DispatcherSettings;
import news.wiretranslation.translate.async.TranslationDispatcher;
import news.wiretranslation.translate.memory.TranslationMemory;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processor's restart path: what a task's previous owner left in the pending store is finished and emitted once. */
class TranslationProcessorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final TargetLanguage EN = TargetLanguage.parse("EN-US");

    private final FakeTranslator engine = new FakeTranslator();
    private TranslationDispatcher dispatcher;
    private MockProcessorContext<String, TranslationOutcome> context;
    private KeyValueStore<Long, byte[]> pending;
    private final TranslationCounters counters = new TranslationCounters();
    private final OutputRefusals refusals = new OutputRefusals();

    @BeforeEach
    void setUp() {
        dispatcher = new TranslationDispatcher(engine, new DispatcherSettings(2, BatchLimits.DEEPL,
                Duration.ZERO, 100, Duration.ofMillis(10), Duration.ofMillis(100)));
        context = new MockProcessorContext<>();
        pending = store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PendingStore.name(EN)),
                Serdes.Long(), Serdes.ByteArray()));
        store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TranslationMemory.ENTRIES_STORE_PREFIX + "en-us"),
                Serdes.Bytes(), Serdes.ByteArray()));
        store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TranslationMemory.AGE_INDEX_STORE_PREFIX + "en-us"),
                Serdes.Bytes(), Serdes.ByteArray()));
    }

    @AfterEach
    void tearDown() {
        dispatcher.close();
    }

    private <S extends org.apache.kafka.streams.processor.StateStore> S store(StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private TranslationProcessor processor() {
        return processor(Integer.MAX_VALUE);
    }

    private TranslationProcessor processor(int recordLimit) {
        TranslateStep step = new TranslateStep(dispatcher, new ServiceConfig.Memory(true, Duration.ofDays(30), 1000),
                Duration.ofMillis(10), Duration.ofSeconds(5), CLOCK, counters, new CommitPacing.PerThread(CLOCK),
                recordLimit, refusals);
        return new TranslationProcessor(step, new ArticleTranslation(EN, engine, new ArticleLabeler(CLOCK), Optional.empty()));
    }

    private static PendingArticle pendingArticle(long sequence, String id, int revision) {
        return pendingArticle(sequence, id, revision, TestArticles.french(id).getHeadline());
    }

    private static PendingArticle pendingArticle(long sequence, String id, int revision, String headline) {
        var raw = TestArticles.french(id);
        raw.setRevision(revision);
        raw.setHeadline(headline);
        DetectedArticle article = new DetectedArticle(raw, new TextNormalizer().normalize(raw), "fr", 0.3);
        return new PendingArticle(sequence, id, 1000 + sequence, new RecordHeaders(), "articles.raw", 0, 40 + sequence,
                id.getBytes(), new byte[]{0, 1, 2}, article, CLOCK.millis());
    }

    private void emit() throws InterruptedException {
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(10))).isTrue();
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(CLOCK.millis());
    }

    @Test
    void pendingArticlesLeftByAPreviousOwnerAreFinishedAndEmittedOnceInOrder() throws Exception {
        pending.put(3L, pendingArticle(3, "story", 1).toBytes());
        pending.put(7L, pendingArticle(7, "story", 2).toBytes());
        pending.put(9L, pendingArticle(9, "other", 1).toBytes());

        TranslationProcessor processor = processor();
        processor.init(context);
        emit();

        List<MockProcessorContext.CapturedForward<? extends String, ? extends TranslationOutcome>> out = context.forwarded();
        assertThat(out).hasSize(3);
        assertThat(out).filteredOn(f -> f.record().key().equals("story"))
                .extracting(f -> f.record().value().article().getVersion()).containsExactly(1, 2);
        assertThat(out).allSatisfy(f -> assertThat(f.record().value().article().getHeadline()).startsWith("[EN-US] "));
        assertThat(out.get(0).record().timestamp()).isEqualTo(1003);
        assertThat(pending.approximateNumEntries()).isZero();
        assertThat(counters.snapshot().replayed()).isEqualTo(3);
        // Each character sent to the engine is counted once, on the article that sent it (the three articles share
        // their texts, which are sent once, for the first).
        long sent = engine.requests().stream().flatMap(r -> r.texts().stream()).mapToLong(t -> t.codePointCount(0, t.length())).sum();
        assertThat(sent).isPositive();
        assertThat(out.stream().mapToLong(f -> f.record().value().sentCharacters()).sum()).isEqualTo(sent);

        // A re-initialised processor (a revived task) finds nothing left: nothing is emitted twice.
        context.resetForwards();
        processor.close();
        processor.init(context);
        emit();
        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void anOutputLargerThanTheRecordLimitIsDeadLetteredWithTheOriginalBytesInsteadOfReachingTheProducer() throws Exception {
        pending.put(5L, pendingArticle(5, "story", 1).toBytes());
        TranslationProcessor processor = processor(1500); // smaller than the translated article
        processor.init(context);
        emit();

        assertThat(context.forwarded()).hasSize(1);
        TranslationOutcome outcome = context.forwarded().get(0).record().value();
        assertThat(outcome.isDeadLetter()).isTrue();
        assertThat(outcome.deadLetter().getReason()).isEqualTo("OUTPUT_TOO_LARGE");
        assertThat(outcome.deadLetter().getMessage()).contains("more than the 1500");
        assertThat(outcome.deadLetter().getOriginalValue().array()).containsExactly(0, 1, 2);
        assertThat(outcome.deadLetter().getOriginalOffset()).isEqualTo(45);
        assertThat(pending.approximateNumEntries()).as("done with").isZero();
    }

    @Test
    void anArticleWhoseOutputTheBrokerRefusedIsDeadLetteredWhenItsInputComesAgainWithoutAskingTheEngine() throws Exception {
        refusals.remember("story", 2, "en-US", new OutputRefusals.Refusal(DeadLetterReason.OUTPUT_TOO_LARGE,
                "articles.normalized.en-us", 9000, "The request included a message larger than the max message size"));
        pending.put(5L, pendingArticle(5, "story", 1).toBytes()); // an earlier revision: published as usual
        // the refused one, processed again after the abort
        pending.put(6L, pendingArticle(6, "story", 2, "Une deuxième manchette, trop longue pour le sujet").toBytes());
        TranslationProcessor processor = processor();
        processor.init(context);
        emit();

        assertThat(context.forwarded()).hasSize(2);
        assertThat(context.forwarded().get(0).record().value().article().getVersion()).isEqualTo(1);
        TranslationOutcome refused = context.forwarded().get(1).record().value();
        assertThat(refused.isDeadLetter()).isTrue();
        assertThat(refused.deadLetter().getReason()).isEqualTo("OUTPUT_TOO_LARGE");
        assertThat(refused.deadLetter().getStage()).isEqualTo("produce");
        assertThat(refused.deadLetter().getTargetLanguage()).isEqualTo("EN-US");
        assertThat(refused.deadLetter().getMessage()).contains("articles.normalized.en-us").contains("9000 bytes")
                .contains("larger than the max message size");
        assertThat(refused.deadLetter().getOriginalValue().array()).containsExactly(0, 1, 2);
        assertThat(refused.deadLetter().getOriginalOffset()).isEqualTo(46);
        assertThat(engine.requests()).as("only revision 1 was translated")
                .isNotEmpty().allSatisfy(r -> assertThat(r.texts()).noneMatch(t -> t.contains("deuxième")));
        assertThat(pending.approximateNumEntries()).as("done with").isZero();
    }

    @Test
    void aRefusalForAnotherTargetLanguageLeavesThisTargetsArticleAlone() throws Exception {
        refusals.remember("story", 1, "de", new OutputRefusals.Refusal(DeadLetterReason.OUTPUT_REFUSED,
                "articles.normalized.de", 9000, "policy"));
        pending.put(5L, pendingArticle(5, "story", 1).toBytes());
        TranslationProcessor processor = processor();
        processor.init(context);
        emit();

        assertThat(context.forwarded()).hasSize(1);
        assertThat(context.forwarded().get(0).record().value().isDeadLetter()).isFalse();
    }

    @Test
    void newArticlesAfterAReplayAreNumberedAfterTheReplayedOnes() throws Exception {
        pending.put(41L, pendingArticle(41, "story", 1).toBytes());
        TranslationProcessor processor = processor();
        processor.init(context);
        // Same story, arriving before the replayed revision is finished: it must wait behind it, in the store.
        var raw = TestArticles.french("story");
        raw.setRevision(2);
        raw.setHeadline("Une autre manchette pour la deuxième version");
        processor.process(new Record<>("story", new DetectedArticle(raw, new TextNormalizer().normalize(raw), "fr", 0.3), 5000L));

        assertThat(pending.get(42L)).isNotNull();
        emit();
        assertThat(context.forwarded()).extracting(f -> f.record().value().article().getVersion()).containsExactly(1, 2);
        assertThat(pending.approximateNumEntries()).isZero();
    }

    private static Record<String, DetectedArticle> english(String id, long timestamp) {
        var raw = TestArticles.english(id);
        return new Record<>(id, new DetectedArticle(raw, new TextNormalizer().normalize(raw), "en", 0.3), timestamp);
    }

    @Test
    void whenTheInputIsCaughtUpACommitIsAskedForAsSoonAsAnArticleIsEmitted() {
        TranslationProcessor processor = processor();
        processor.init(context);

        processor.process(english("en-1", CLOCK.millis() - 200)); // passes through to EN-US: emitted at once

        assertThat(context.forwarded()).hasSize(1);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void underABacklogCommitsAreLeftToTheCommitInterval() {
        TranslationProcessor processor = processor();
        processor.init(context);

        processor.process(english("en-1", CLOCK.millis() - 60_000));

        assertThat(context.forwarded()).hasSize(1);
        assertThat(context.committed()).isFalse();
    }
}
