package news.wiretranslation.translate.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TranslationDispatcherTest {
    private static final Lane FR_EN = new Lane("fr", "EN-US");
    private static final Lane DE_EN = new Lane("de", "EN-US");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedEngine engine = new ScriptedEngine();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private TranslationDispatcher dispatcher;

    private TranslationDispatcher dispatcher(int concurrency, Duration linger, int capacity) {
        dispatcher = new TranslationDispatcher(engine, new DispatcherSettings(concurrency, BatchLimits.DEEPL,
                linger, capacity, Duration.ofMillis(100), Duration.ofSeconds(2)), null, sleeps::add);
        return dispatcher;
    }

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static List<String> texts(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + " paragraph " + i + ".").toList();
    }

    private static List<String> translations(Ticket ticket) throws Exception {
        return ticket.result().get(10, TimeUnit.SECONDS).stream().map(TextResult::text).toList();
    }

    @Test
    void textsOfManyArticlesShareRequestsOfAtMostFiftyTexts() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ofMillis(50), 10_000);
        List<Ticket> tickets = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            tickets.add(dispatcher.trySubmit(FR_EN, texts("article " + a, 10), 5, WAIT).orElseThrow());
        }
        engine.open();

        for (int a = 0; a < 12; a++) {
            assertThat(translations(tickets.get(a))).containsExactlyElementsOf(
                    texts("article " + a, 10).stream().map(t -> "[EN-US] " + t).toList());
        }
        List<Integer> sizes = engine.requests().stream().map(r -> r.texts().size()).toList();
        assertThat(sizes).as("full requests as long as the backlog lasts").containsExactly(50, 50, 20);
        assertThat(dispatcher.stats().snapshot().maxTextsPerRequest()).isLessThanOrEqualTo(50);
    }

    @Test
    void aRequestNeverCarriesMoreThan128KiB() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ofMillis(20), 10_000);
        String big = "é".repeat(5_000); // 15 KB form-encoded
        List<Ticket> tickets = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            tickets.add(dispatcher.trySubmit(FR_EN, List.of(big + a, big + "x" + a, "short " + a), 5, WAIT).orElseThrow());
        }
        engine.open();
        for (Ticket ticket : tickets) {
            assertThat(translations(ticket)).hasSize(3);
        }
        for (TranslationRequest request : engine.requests()) {
            long bytes = request.texts().stream().mapToLong(BatchLimits::encodedSize).sum();
            assertThat(bytes).isLessThanOrEqualTo(BatchLimits.DEEPL.maxTextBytes());
            assertThat(request.texts()).hasSizeLessThanOrEqualTo(50);
        }
        assertThat(engine.requests()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aLoneArticleWaitsTheLingerAndNoLonger() throws Exception {
        dispatcher(2, Duration.ofMillis(300), 1000);
        long start = System.nanoTime();
        Ticket ticket = dispatcher.trySubmit(FR_EN, texts("lone", 3), 5, WAIT).orElseThrow();
        Thread.sleep(100);
        assertThat(engine.requests()).as("still lingering").isEmpty();

        assertThat(translations(ticket)).hasSize(3);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMillis).isBetween(290L, 3000L);
        assertThat(engine.requests()).singleElement().satisfies(r -> assertThat(r.texts()).hasSize(3));
    }

    @Test
    void aFullBatchLeavesWithoutWaitingForTheLinger() throws Exception {
        dispatcher(1, Duration.ofSeconds(30), 1000);
        Ticket ticket = dispatcher.trySubmit(FR_EN, texts("full", 50), 5, WAIT).orElseThrow();
        assertThat(translations(ticket)).hasSize(50);
    }

    @Test
    void urgentArticlesAreServedFirstWhenABacklogBuilds() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ZERO, 10_000);
        Ticket blocker = dispatcher.trySubmit(FR_EN, texts("blocker", 1), 5, WAIT).orElseThrow();
        await().atMost(WAIT).until(() -> engine.requests().size() == 1);
        // While the only worker is busy: a backlog of routine texts in two lanes, then one flash item.
        Ticket routineFr = dispatcher.trySubmit(FR_EN, texts("routine fr", 60), 5, WAIT).orElseThrow();
        Ticket routineDe = dispatcher.trySubmit(DE_EN, texts("routine de", 30), 4, WAIT).orElseThrow();
        Ticket flash = dispatcher.trySubmit(FR_EN, texts("flash", 2), 1, WAIT).orElseThrow();
        engine.open();

        for (Ticket t : List.of(blocker, routineFr, routineDe, flash)) {
            t.result().get(10, TimeUnit.SECONDS);
        }
        List<TranslationRequest> requests = engine.requests();
        assertThat(requests.get(1).texts()).as("the flash item's lane goes first, its texts at the head")
                .startsWith("flash paragraph 0.", "flash paragraph 1.");
        assertThat(requests.get(2).sourceLanguage()).as("then urgency 4 before 5").isEqualTo("de");
    }

    @Test
    void boostingAnArticleMovesItsQueuedTextsAhead() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ZERO, 10_000);
        dispatcher.trySubmit(FR_EN, texts("blocker", 1), 5, WAIT).orElseThrow();
        await().atMost(WAIT).until(() -> engine.requests().size() == 1);
        Ticket first = dispatcher.trySubmit(FR_EN, texts("first", 50), 6, WAIT).orElseThrow();
        Ticket second = dispatcher.trySubmit(FR_EN, texts("second", 50), 5, WAIT).orElseThrow();
        first.boost(2);
        assertThat(first.urgency()).isEqualTo(2);
        engine.open();
        first.result().get(10, TimeUnit.SECONDS);
        second.result().get(10, TimeUnit.SECONDS);

        assertThat(engine.requests().get(1).texts()).allMatch(t -> t.startsWith("first"));
    }

    @Test
    void whenFullSubmittersWaitAndGiveUpAfterTheirTimeout() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ZERO, 10);
        Ticket held = dispatcher.trySubmit(FR_EN, texts("held", 8), 5, WAIT).orElseThrow();
        assertThat(dispatcher.textsHeld()).isEqualTo(8);

        long start = System.nanoTime();
        assertThat(dispatcher.trySubmit(FR_EN, texts("more", 5), 5, Duration.ofMillis(200))).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(190);
        assertThat(dispatcher.stats().snapshot().backpressureWaits()).isEqualTo(1);

        engine.open();
        held.result().get(10, TimeUnit.SECONDS);
        assertThat(dispatcher.trySubmit(FR_EN, texts("more", 5), 5, WAIT)).isPresent();
    }

    @Test
    void anArticleLargerThanTheCapacityIsAdmittedWhenNothingElseIsIn() throws Exception {
        dispatcher(2, Duration.ZERO, 5);
        Ticket large = dispatcher.trySubmit(FR_EN, texts("large", 12), 5, Duration.ofMillis(100)).orElseThrow();
        assertThat(translations(large)).hasSize(12);
    }

    @Test
    void retriableFailuresAreRetriedWithGrowingBackoffUntilTheyPass() throws Exception {
        engine.failNext(TranslationException.Kind.RATE_LIMITED, 3);
        engine.failNext(TranslationException.Kind.SERVER_ERROR, 1);
        dispatcher(1, Duration.ZERO, 100);
        Ticket ticket = dispatcher.trySubmit(FR_EN, texts("retry", 3), 5, WAIT).orElseThrow();

        assertThat(translations(ticket)).hasSize(3);
        assertThat(engine.requests()).hasSize(5);
        assertThat(sleeps).hasSize(4);
        assertThat(sleeps.get(3)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(dispatcher.stats().snapshot().retries()).isEqualTo(4);
    }

    @Test
    void aRefusalFailsOnlyTheArticleWhoseTextWasRefused() throws Exception {
        engine.close_gate();
        engine.refuse(text -> text.contains("poison"));
        dispatcher(1, Duration.ofMillis(20), 100);
        Ticket good = dispatcher.trySubmit(FR_EN, texts("good", 3), 5, WAIT).orElseThrow();
        Ticket bad = dispatcher.trySubmit(FR_EN, List.of("fine", "poison here"), 5, WAIT).orElseThrow();
        engine.open();

        assertThat(translations(good)).hasSize(3);
        assertThatThrownBy(() -> bad.result().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TranslationException.class)
                .satisfies(e -> assertThat(((TranslationException) e).kind()).isEqualTo(TranslationException.Kind.REJECTED));
        assertThat(dispatcher.textsHeld()).isZero();
    }

    @Test
    void aTextTwoArticlesNeedIsTranslatedOnceAndBilledOnce() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ofMillis(20), 100);
        Ticket first = dispatcher.trySubmit(FR_EN, List.of("Boilerplate line.", "first own"), 5, WAIT).orElseThrow();
        Ticket second = dispatcher.trySubmit(FR_EN, List.of("second own", "Boilerplate line."), 5, WAIT).orElseThrow();
        engine.open();

        List<TextResult> a = first.result().get(10, TimeUnit.SECONDS);
        List<TextResult> b = second.result().get(10, TimeUnit.SECONDS);
        assertThat(engine.requests().stream().mapToLong(r -> r.texts().stream().filter(t -> t.startsWith("Boilerplate")).count()).sum())
                .isEqualTo(1);
        assertThat(a.get(0).text()).isEqualTo(b.get(1).text()).isEqualTo("[EN-US] Boilerplate line.");
        assertThat(a.get(0).billedCharacters()).isEqualTo("Boilerplate line.".length());
        assertThat(a.get(0).shared()).isFalse();
        assertThat(b.get(1).billedCharacters()).isZero();
        assertThat(b.get(1).shared()).isTrue();
    }

    @Test
    void cancellingFreesTheRoomAndWithdrawsQueuedTexts() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ZERO, 20);
        dispatcher.trySubmit(FR_EN, texts("blocker", 1), 5, WAIT).orElseThrow();
        await().atMost(WAIT).until(() -> engine.requests().size() == 1);
        Ticket cancelled = dispatcher.trySubmit(FR_EN, texts("cancelled", 10), 5, WAIT).orElseThrow();
        assertThat(dispatcher.queuedTexts()).isEqualTo(10);

        cancelled.cancel();

        assertThat(dispatcher.queuedTexts()).isZero();
        assertThat(dispatcher.textsHeld()).isEqualTo(1);
        assertThatThrownBy(() -> cancelled.result().get()).isInstanceOf(CancellationException.class);
        engine.open();
        assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
        assertThat(engine.requests()).hasSize(1);
    }

    @Test
    void theSpanCheckRunsOnEachTranslatedTextAndTravelsWithIt() throws Exception {
        List<String> checkedOn = new CopyOnWriteArrayList<>();
        dispatcher = new TranslationDispatcher(engine, new DispatcherSettings(2, BatchLimits.DEEPL,
                Duration.ZERO, 100, Duration.ofMillis(10), Duration.ofMillis(100)), (source, translation, lane) -> {
            checkedOn.add(Thread.currentThread().getName());
            return List.of(new news.wiretranslation.quality.QualityChecker.UntranslatedSpan(0, translation.substring(0, 7)));
        }, sleeps::add);
        Ticket ticket = dispatcher.trySubmit(FR_EN, List.of("un", "deux"), 5, WAIT).orElseThrow();

        List<TextResult> results = ticket.result().get(10, TimeUnit.SECONDS);
        assertThat(results).extracting(r -> r.untranslatedSpans().get(0).text()).containsExactly("[EN-US]", "[EN-US]");
        assertThat(checkedOn).hasSize(2).allMatch(name -> name.equals("translation-quality-check"));
    }

    @Test
    void closingFailsWhatIsNotTranslatedAsRetriable() throws Exception {
        engine.close_gate();
        dispatcher(1, Duration.ZERO, 100);
        Ticket ticket = dispatcher.trySubmit(FR_EN, texts("never", 2), 5, WAIT).orElseThrow();
        dispatcher.close();

        assertThatThrownBy(() -> ticket.result().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TranslationException.class);
        engine.open();
    }
}
