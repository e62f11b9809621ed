package news.wiretranslation.translate.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.EngineState.Status;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.fault.EngineGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher under the fault policy: it holds texts while the engine is paused and loses none. */
class DispatcherFaultPolicyTest {
    private static final Lane FR_EN = new Lane("fr", "EN-US");

    private final ScriptedEngine engine = new ScriptedEngine();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EngineState state = new EngineState();
    private EngineGuard guard;
    private TranslationDispatcher dispatcher;

    private void start(int threshold) {
        guard = new EngineGuard(state, engine, new EngineGuard.Policy(threshold, Duration.ofMillis(100),
                Duration.ofMillis(100)), new PipelineMetrics(registry));
        dispatcher = new TranslationDispatcher(engine, new DispatcherSettings(2, BatchLimits.DEEPL,
                Duration.ZERO, 1000, Duration.ofMillis(10), Duration.ofMillis(40)), null, sleeps::add, guard);
    }

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (guard != null) {
            guard.close();
        }
    }

    private Ticket submit(String text) throws InterruptedException {
        return dispatcher.trySubmit(FR_EN, List.of(text), 5, Duration.ofSeconds(5)).orElseThrow();
    }

    private static String translation(Ticket ticket) throws Exception {
        return ticket.result().get(10, TimeUnit.SECONDS).stream().map(TextResult::text).findFirst().orElseThrow();
    }

    @Test
    void anOpenCircuitHoldsTheTextsUntilTheProbeFindsTheEngineBackAndLosesNone() throws Exception {
        engine.failProbes(Kind.SERVER_ERROR);
        engine.failNext(Kind.SERVER_ERROR, 3);
        start(3);

        Ticket ticket = submit("Bonjour.");

        await().atMost(Duration.ofSeconds(5)).until(() -> state.status() == Status.CIRCUIT_OPEN);
        int requestsWhenOpened = engine.requests().size();
        Thread.sleep(300);
        assertThat(engine.requests()).as("nothing is sent while the circuit is open").hasSize(requestsWhenOpened);
        assertThat(ticket.result()).isNotDone();

        engine.failProbes(null);

        assertThat(translation(ticket)).isEqualTo("[EN-US] Bonjour.");
        assertThat(state.isAvailable()).isTrue();
        assertThat(registry.counter("wire_translation_mt_errors", "kind", "5xx").count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anExhaustedQuotaPausesTranslationWithoutFailingAnyArticleAndResumesByItself() throws Exception {
        engine.failProbes(Kind.QUOTA_EXCEEDED);
        // The quota is used up for every request sent before the pause takes hold: with two workers and no linger, a
        // second article may leave before the first one's 456 has paused the engine.
        engine.failNext(Kind.QUOTA_EXCEEDED, 5);
        start(5);

        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(submit("Article " + i + "."));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> state.status() == Status.QUOTA_PAUSED);
        Thread.sleep(300);
        assertThat(tickets).noneMatch(t -> t.result().isDone());

        engine.failProbes(null);

        for (int i = 0; i < 5; i++) {
            assertThat(translation(tickets.get(i))).isEqualTo("[EN-US] Article " + i + ".");
        }
        assertThat(registry.counter("wire_translation_mt_errors", "kind", "456").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBatchHeldByAQuotaPauseSitsInNoBackoffAndTheGuardIsToldWhatIsHeld() throws Exception {
        engine.failProbes(Kind.QUOTA_EXCEEDED);
        engine.failNext(Kind.QUOTA_EXCEEDED, 1);
        start(5);

        Ticket held = submit("Held one.");
        await().atMost(Duration.ofSeconds(5)).until(() -> state.status() == Status.QUOTA_PAUSED);
        Ticket newer = submit("Newer one.");

        assertThat(dispatcher.charactersHeld()).as("what the quota probe weighs").isEqualTo(
                "Held one.".length() + "Newer one.".length());
        engine.failProbes(null);

        assertThat(translation(held)).isEqualTo("[EN-US] Held one.");
        assertThat(translation(newer)).isEqualTo("[EN-US] Newer one.");
        assertThat(sleeps).as("no backoff on top of the pause").isEmpty();
        assertThat(dispatcher.charactersHeld()).isZero();
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaited() throws Exception {
        engine.failNext(new TranslationException(Kind.RATE_LIMITED, "429", null, Duration.ofSeconds(2)));
        start(5);

        assertThat(translation(submit("Bonjour."))).isEqualTo("[EN-US] Bonjour.");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(registry.counter("wire_translation_mt_errors", "kind", "429").count()).isEqualTo(1);
    }

    @Test
    void aRefusalFailsOnlyItsArticleAndCountsAs400() throws Exception {
        engine.refuse(text -> text.contains("refused"));
        start(1);

        Ticket refused = submit("This one is refused.");
        Ticket good = submit("This one is fine.");

        assertThat(translation(good)).isEqualTo("[EN-US] This one is fine.");
        await().atMost(Duration.ofSeconds(5)).until(() -> refused.result().isCompletedExceptionally());
        assertThat(state.isAvailable()).as("a refusal says nothing about the engine's health").isTrue();
        assertThat(registry.counter("wire_translation_mt_errors", "kind", "400").count()).isGreaterThanOrEqualTo(1);
    }
}
