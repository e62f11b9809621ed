package news.wiretranslation.translate.meters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.translate.FakeTranslator;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeteredTranslatorTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsTextsAndCharactersSentAndTimesEachRequest() throws Exception {
        MeteredTranslator translator = new MeteredTranslator(new FakeTranslator(), registry);

        translator.translate(new TranslationRequest("fr", "EN-US", List.of("Bonjour", "Le monde")));
        translator.translate(new TranslationRequest("de", "EN-US", List.of("Hallo")));

        assertThat(registry.counter("wire_translation_mt_texts", "engine", "fake").count()).isEqualTo(3);
        assertThat(registry.counter("wire_translation_mt_characters_sent", "engine", "fake").count()).isEqualTo(7 + 8 + 5);
        assertThat(registry.get("wire_translation_mt_request").tags("engine", "fake", "outcome", "success").timer().count())
                .isEqualTo(2);
        assertThat(registry.get("wire_translation_mt_request").tags("outcome", "error").timer().count()).isZero();
    }

    @Test
    void everyErrorKindHasASeriesFromTheStart() {
        new MeteredTranslator(new FakeTranslator(), registry);

        assertThat(registry.find("wire_translation_mt_errors").counters()).hasSize(news.wiretranslation.translate.fault.MtErrorKind.KINDS.size())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @ParameterizedTest
    @CsvSource({"RATE_LIMITED, 429", "QUOTA_EXCEEDED, 456", "SERVER_ERROR, 5xx", "UNAVAILABLE, connection",
            "AUTHENTICATION, 403", "REJECTED, 400"})
    void timesAFailedRequestAsAnErrorAndRethrowsIt(Kind kind, String tag) {
        TranslationException failure = new TranslationException(kind, "failed");
        MeteredTranslator translator = new MeteredTranslator(failing(failure), registry);

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "DE", List.of("Bonjour"))))
                .isSameAs(failure);

        // Counting by kind is the fault policy's (EngineGuard), which hears of every outcome: not twice here.
        assertThat(registry.counter("wire_translation_mt_errors", "kind", tag).count()).isZero();
        assertThat(registry.get("wire_translation_mt_request").tags("outcome", "error").timer().count()).isEqualTo(1);
        assertThat(registry.get("wire_translation_mt_in_flight").gauge().value()).isZero();
    }

    @Test
    void tellsATimeoutFromAConnectionFailureByTheCause() {
        assertThat(news.wiretranslation.translate.fault.MtErrorKind.of(new TranslationException(Kind.UNAVAILABLE, "DeepL unreachable",
                new SocketTimeoutException("Read timed out")))).isEqualTo("timeout");
        assertThat(news.wiretranslation.translate.fault.MtErrorKind.of(new TranslationException(Kind.UNAVAILABLE, "Apertium",
                new HttpTimeoutException("request timed out")))).isEqualTo("timeout");
        assertThat(news.wiretranslation.translate.fault.MtErrorKind.of(new TranslationException(Kind.UNAVAILABLE, "DeepL unreachable",
                new java.net.ConnectException("Connection refused")))).isEqualTo("connection");
    }

    @Test
    void timesAnUnexpectedExceptionAsAnError() {
        MeteredTranslator translator = new MeteredTranslator(new Translator() {
            @Override
            public String engine() {
                return "broken";
            }

            @Override
            public TranslationResult translate(TranslationRequest request) {
                throw new IllegalStateException("bug");
            }
        }, registry);

        assertThatThrownBy(() -> translator.translate(new TranslationRequest("fr", "DE", List.of("x"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(registry.get("wire_translation_mt_request").tags("outcome", "error").timer().count()).isEqualTo(1);
    }

    @Test
    void showsRequestsInFlightWhileTheyWait() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        FakeTranslator fake = new FakeTranslator();
        MeteredTranslator translator = new MeteredTranslator(new Translator() {
            @Override
            public String engine() {
                return "slow";
            }

            @Override
            public TranslationResult translate(TranslationRequest request) throws TranslationException {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fake.translate(request);
            }
        }, registry);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<TranslationResult>> calls = List.of(
                    threads.submit(() -> translator.translate(new TranslationRequest("fr", "DE", List.of("a")))),
                    threads.submit(() -> translator.translate(new TranslationRequest("fr", "DE", List.of("b")))));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(registry.get("wire_translation_mt_in_flight").tag("engine", "slow").gauge().value()).isEqualTo(2);
            release.countDown();
            for (Future<TranslationResult> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
            assertThat(registry.get("wire_translation_mt_in_flight").tag("engine", "slow").gauge().value()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    private static Translator failing(TranslationException failure) {
        return new Translator() {
            @Override
            public String engine() {
                return "failing";
            }

            @Override
            public TranslationResult translate(TranslationRequest request) throws TranslationException {
                throw failure;
            }
        };
    }
}
