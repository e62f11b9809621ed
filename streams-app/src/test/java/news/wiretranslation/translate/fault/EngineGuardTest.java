package news.wiretranslation.translate.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.translate.CharacterQuota;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.EngineState.Status;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineGuardTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EngineState state = new EngineState();
    private final ProbedEngine engine = new ProbedEngine();
    private final List<Status> heard = new CopyOnWriteArrayList<>();
    private EngineGuard guard;

    /** An engine whose probe fails with the kind set, or passes when none is. */
    private static final class ProbedEngine implements Translator {
        final AtomicReference<Kind> probeFailure = new AtomicReference<>();
        final AtomicInteger probes = new AtomicInteger();
        /** What {@link #quota()} reports; null: no quota to tell. */
        final AtomicReference<CharacterQuota> quota = new AtomicReference<>();
        /** The billing period's end the engine reports; null: none. */
        final AtomicReference<java.time.Instant> periodEnd = new AtomicReference<>();

        @Override
        public java.util.Optional<java.time.Instant> quotaPeriodEnd() {
            return java.util.Optional.ofNullable(periodEnd.get());
        }

        @Override
        public String engine() {
            return "probed";
        }

        @Override
        public TranslationResult translate(TranslationRequest request) {
            throw new UnsupportedOperationException("the guard never translates");
        }

        @Override
        public void probe() throws TranslationException {
            probes.incrementAndGet();
            Kind kind = probeFailure.get();
            if (kind != null) {
                throw new TranslationException(kind, "probe: still " + kind);
            }
        }

        @Override
        public CharacterQuota quota() throws TranslationException {
            probe();
            return quota.get();
        }
    }

    private EngineGuard guard(int threshold) {
        guard = new EngineGuard(state, engine, new EngineGuard.Policy(threshold, Duration.ofMillis(50),
                Duration.ofMillis(50)), new PipelineMetrics(registry));
        guard.addListener(heard::add);
        return guard;
    }

    @AfterEach
    void close() {
        if (guard != null) {
            guard.close();
        }
    }

    private static TranslationException failure(Kind kind) {
        return new TranslationException(kind, "scripted " + kind);
    }

    private double errors(String kind) {
        return registry.counter("wire_translation_mt_errors", "kind", kind).count();
    }

    @Test
    void configurationFaultsAreCountedByKindAndNeverOpenTheCircuit() {
        guard(2);
        for (int i = 0; i < 5; i++) {
            guard.recordFailure(TranslationException.configuration("glossary_not_found", "DeepL lost glossary g-1", null));
        }

        assertThat(state.status()).isEqualTo(Status.AVAILABLE);
        assertThat(heard).isEmpty();
        assertThat(registry.counter("wire_translation_engine_configuration_faults", "kind", "glossary_not_found").count())
                .isEqualTo(5);
        assertThat(errors("configuration")).isEqualTo(5);
    }

    @Test
    void anUnsupportedPairIsCountedApartFromTheEnginesErrorsAndNeverOpensTheCircuit() {
        guard(2);
        for (int i = 0; i < 3; i++) {
            guard.recordFailure(TranslationException.unsupportedPair("sv", "EN-US", "Apertium cannot translate sv -> EN-US"));
        }
        guard.recordFailure(TranslationException.unsupportedPair("zh-Hans", "ES", "Apertium cannot translate zh -> ES"));
        guard.recordFailure(failure(Kind.REJECTED));

        assertThat(state.status()).isEqualTo(Status.AVAILABLE);
        assertThat(registry.counter("wire_translation_unsupported_pairs", "source", "sv", "target", "EN-US",
                "engine", "probed").count()).isEqualTo(3);
        assertThat(registry.counter("wire_translation_unsupported_pairs", "source", "zh", "target", "ES",
                "engine", "probed").count()).isEqualTo(1);
        assertThat(errors("400")).as("only the refusal that was not about the pair").isEqualTo(1);
        assertThat(registry.find("wire_translation_mt_errors").counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(1);
    }

    @Test
    void sustainedFailureOpensTheCircuitAndAProbeClosesIt() {
        engine.probeFailure.set(Kind.SERVER_ERROR);
        guard(3);
        guard.recordFailure(failure(Kind.SERVER_ERROR));
        guard.recordFailure(failure(Kind.UNAVAILABLE));
        assertThat(state.status()).isEqualTo(Status.AVAILABLE);

        guard.recordFailure(failure(Kind.RATE_LIMITED));

        assertThat(state.status()).isEqualTo(Status.CIRCUIT_OPEN);
        assertThat(state.reason()).contains("3 engine requests failed in a row");
        assertThat(heard).containsExactly(Status.CIRCUIT_OPEN);
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.probes.get() >= 2);
        assertThat(state.status()).as("the probe still fails").isEqualTo(Status.CIRCUIT_OPEN);

        engine.probeFailure.set(null);

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);
        assertThat(state.isAvailable()).isTrue();
        assertThat(heard).containsExactly(Status.CIRCUIT_OPEN, Status.AVAILABLE);
        assertThat(registry.counter("wire_translation_engine_pauses", "state", "circuit_open").count()).isEqualTo(1);
        assertThat(errors("5xx")).as("two failed requests and the failed probes").isGreaterThanOrEqualTo(3);
    }

    @Test
    void scatteredFailuresBetweenAnswersNeverOpenTheCircuit() {
        guard(3);
        for (int i = 0; i < 10; i++) {
            guard.recordFailure(failure(Kind.SERVER_ERROR));
            guard.recordFailure(failure(Kind.UNAVAILABLE));
            guard.recordSuccess();
        }
        assertThat(state.status()).isEqualTo(Status.AVAILABLE);
        assertThat(heard).isEmpty();
        assertThat(errors("5xx")).isEqualTo(10);
    }

    @Test
    void anExhaustedQuotaPausesAtOnceAndResumesByItselfWhenTheUsageHasRoom() throws Exception {
        engine.probeFailure.set(Kind.QUOTA_EXCEEDED);
        guard(5);

        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED));

        assertThat(state.status()).isEqualTo(Status.QUOTA_PAUSED);
        assertThat(guard.awaitAvailable(Duration.ofMillis(200))).as("callers wait while paused").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.probes.get() >= 3);
        assertThat(state.status()).isEqualTo(Status.QUOTA_PAUSED);

        engine.probeFailure.set(null);

        assertThat(guard.awaitAvailable(Duration.ofSeconds(5))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2); // listeners hear it just after
        assertThat(heard).containsExactly(Status.QUOTA_PAUSED, Status.AVAILABLE);
        assertThat(errors("456")).isGreaterThanOrEqualTo(4);
        assertThat(registry.counter("wire_translation_engine_pauses", "state", "quota_paused").count()).isEqualTo(1);
    }

    @Test
    void aQuotaPauseSaysWhenTheBillingPeriodRenewsWhenTheEngineReportsIt() {
        engine.probeFailure.set(Kind.QUOTA_EXCEEDED);
        guard(5);
        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED));
        assertThat(state.reason()).contains("no renewal time is known");
        guard.close();

        java.time.Instant end = java.time.Instant.parse("2027-01-01T00:00:00Z");
        engine.periodEnd.set(end);
        state.available();
        guard(5);
        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED));

        assertThat(state.status()).isEqualTo(Status.QUOTA_PAUSED);
        assertThat(state.reason()).contains("renews at 2027-01-01T00:00:00Z");
    }

    private double pauses() {
        return registry.counter("wire_translation_engine_pauses", "state", "quota_paused").count();
    }

    private double pausedSeconds() {
        return registry.counter("wire_translation_engine_paused_seconds", "state", "quota_paused").count();
    }

    @Test
    void aQuotaPauseHoldsWhileWhatIsLeftCannotTakeTheHeldWorkAndEndsWhenTheEngineTakesIt() throws Exception {
        AtomicLong held = new AtomicLong(300);
        engine.quota.set(new CharacterQuota(356, 500)); // 144 left: the limit is not reached, but 300 are held
        guard(5).holdsWork(held::get);

        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.probes.get() >= 4);

        assertThat(state.status()).isEqualTo(Status.QUOTA_PAUSED);
        assertThat(guard.admitsWork()).as("nothing may be sent").isFalse();
        assertThat(guard.awaitAvailable(Duration.ofMillis(150))).isFalse();
        assertThat(heard).as("one pause, no resume on a guess").containsExactly(Status.QUOTA_PAUSED);

        engine.quota.set(new CharacterQuota(356, 700)); // 344 left: room for the held work

        assertThat(guard.awaitAvailable(Duration.ofSeconds(5))).as("the held work may go").isTrue();
        assertThat(state.status()).as("still paused for consumption and readiness").isEqualTo(Status.QUOTA_PAUSED);
        assertThat(state.reason()).contains("held");
        assertThat(heard).containsExactly(Status.QUOTA_PAUSED);

        guard.recordSuccess(); // the engine took the held work

        assertThat(state.status()).isEqualTo(Status.AVAILABLE);
        assertThat(heard).containsExactly(Status.QUOTA_PAUSED, Status.AVAILABLE);
        assertThat(pauses()).isEqualTo(1);
        assertThat(pausedSeconds()).isGreaterThan(0.1);
    }

    @Test
    void a456WhileTheHeldWorkGoesKeepsTheSamePause() throws Exception {
        engine.quota.set(new CharacterQuota(0, 1_000));
        guard(5).holdsWork(() -> 300);

        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED));
        assertThat(guard.awaitAvailable(Duration.ofSeconds(5))).isTrue(); // the probe found room: trial
        engine.quota.set(new CharacterQuota(1_000, 1_000));
        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED)); // someone else used the room meanwhile

        assertThat(guard.admitsWork()).isFalse();
        assertThat(state.status()).isEqualTo(Status.QUOTA_PAUSED);
        Thread.sleep(200); // probes find the limit reached
        assertThat(guard.admitsWork()).isFalse();

        engine.quota.set(new CharacterQuota(0, 1_000)); // the next period
        assertThat(guard.awaitAvailable(Duration.ofSeconds(5))).isTrue();
        guard.recordSuccess();

        assertThat(heard).containsExactly(Status.QUOTA_PAUSED, Status.AVAILABLE);
        assertThat(pauses()).isEqualTo(1);
    }

    @Test
    void heldWorkLargerThanAWholePeriodGoesWhenThePeriodIsFreshAndNothingHeldResumesAtOnce() throws Exception {
        AtomicLong held = new AtomicLong(10_000);
        engine.quota.set(new CharacterQuota(1, 500));
        guard(5).holdsWork(held::get);

        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED));
        assertThat(guard.awaitAvailable(Duration.ofMillis(300))).as("499 left of 500: not the whole period").isFalse();
        engine.quota.set(new CharacterQuota(0, 500));
        assertThat(guard.awaitAvailable(Duration.ofSeconds(5))).isTrue();
        assertThat(state.status()).isEqualTo(Status.QUOTA_PAUSED);

        held.set(0); // the held articles went elsewhere (their task moved): nothing to wait for
        await().atMost(Duration.ofSeconds(5)).until(() -> state.status() == Status.AVAILABLE);
        assertThat(heard).containsExactly(Status.QUOTA_PAUSED, Status.AVAILABLE);
    }

    @Test
    void a456SoonAfterAQuotaPauseEndedContinuesItsEpisode() throws Exception {
        engine.quota.set(new CharacterQuota(0, 1_000));
        guard = new EngineGuard(state, engine, new EngineGuard.Policy(5, Duration.ofMillis(50), Duration.ofSeconds(2)),
                new PipelineMetrics(registry));
        guard.addListener(heard::add);

        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED));
        await().atMost(Duration.ofSeconds(5)).until(() -> state.status() == Status.AVAILABLE);
        guard.recordFailure(failure(Kind.QUOTA_EXCEEDED)); // within the probe interval of the resume

        assertThat(state.status()).isEqualTo(Status.QUOTA_PAUSED);
        assertThat(pauses()).as("one episode").isEqualTo(1);
    }

    @Test
    void aQuotaFoundByTheProbeOfAnOpenCircuitTurnsItIntoAQuotaPause() {
        engine.probeFailure.set(Kind.QUOTA_EXCEEDED);
        guard(1);

        guard.recordFailure(failure(Kind.UNAVAILABLE));

        await().atMost(Duration.ofSeconds(5)).until(() -> state.status() == Status.QUOTA_PAUSED);
        assertThat(state.reason()).contains("usage endpoint");
    }

    @Test
    void refusalsAndRejectedKeysAreCountedButPauseNothing() {
        guard(1);
        guard.recordFailure(failure(Kind.REJECTED));
        guard.recordFailure(failure(Kind.AUTHENTICATION));
        assertThat(state.status()).isEqualTo(Status.AVAILABLE);
        assertThat(errors("400")).isEqualTo(1);
        assertThat(errors("403")).isEqualTo(1);
    }

    @Test
    void timeoutsAndConnectionFailuresAreToldApart() {
        assertThat(MtErrorKind.of(new TranslationException(Kind.UNAVAILABLE, "DeepL unreachable",
                new java.net.SocketTimeoutException("Read timed out")))).isEqualTo("timeout");
        assertThat(MtErrorKind.of(new TranslationException(Kind.UNAVAILABLE, "DeepL unreachable",
                new java.net.ConnectException("Connection refused")))).isEqualTo("connection");
        assertThat(MtErrorKind.of(failure(Kind.SERVER_ERROR))).isEqualTo("5xx");
        assertThat(MtErrorKind.of(failure(Kind.RATE_LIMITED))).isEqualTo("429");
    }

    @Test
    void backoffHonoursALongerRetryAfterAndCapsTheDoubling() {
        TranslationException withRetryAfter = new TranslationException(Kind.RATE_LIMITED, "429", null, Duration.ofSeconds(7));
        assertThat(Backoff.after(withRetryAfter, Duration.ofMillis(500))).isEqualTo(Duration.ofSeconds(7));
        assertThat(Backoff.after(failure(Kind.RATE_LIMITED), Duration.ofMillis(500)))
                .isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(Backoff.next(Duration.ofSeconds(20), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }
}
