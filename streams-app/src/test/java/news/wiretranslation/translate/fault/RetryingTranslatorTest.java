package news.wiretranslation.translate.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import org.junit.jupiter.api.Test;

class RetryingTranslatorTest {
    private static final TranslationRequest REQUEST = new TranslationRequest("fr", "EN-US", List.of("Bonjour"));
    private final List<Duration> sleeps = new ArrayList<>();

    /** Fails with the queued errors, then succeeds. */
    private static final class Flaky implements Translator {
        final Deque<TranslationException> failures = new ArrayDeque<>();
        int calls;

        @Override
        public String engine() {
            return "flaky";
        }

        @Override
        public TranslationResult translate(TranslationRequest request) throws TranslationException {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return new TranslationResult(List.of("Hello"), "flaky", null, "fr", 7);
        }
    }

    private RetryingTranslator retrying(Flaky flaky, int attempts) {
        return new RetryingTranslator(flaky, attempts, Duration.ofMillis(100), sleeps::add);
    }

    @Test
    void retriableFailuresAreRetriedWithGrowingBackoff() throws Exception {
        Flaky flaky = new Flaky();
        flaky.failures.add(new TranslationException(TranslationException.Kind.RATE_LIMITED, "429"));
        flaky.failures.add(new TranslationException(TranslationException.Kind.SERVER_ERROR, "503"));

        assertThat(retrying(flaky, 3).translate(REQUEST).texts()).containsExactly("Hello");
        assertThat(flaky.calls).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheEnginesError() {
        Flaky flaky = new Flaky();
        for (int i = 0; i < 5; i++) {
            flaky.failures.add(new TranslationException(TranslationException.Kind.UNAVAILABLE, "timeout " + i));
        }

        assertThatThrownBy(() -> retrying(flaky, 3).translate(REQUEST)).hasMessage("timeout 2");
        assertThat(flaky.calls).isEqualTo(3);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        Flaky flaky = new Flaky();
        flaky.failures.add(new TranslationException(TranslationException.Kind.REJECTED, "400"));

        assertThatThrownBy(() -> retrying(flaky, 3).translate(REQUEST))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.REJECTED));
        assertThat(flaky.calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void waitsAtLeastTheEnginesRetryAfter() throws Exception {
        Flaky flaky = new Flaky();
        flaky.failures.add(new TranslationException(TranslationException.Kind.RATE_LIMITED, "429", null, Duration.ofSeconds(3)));

        assertThat(retrying(flaky, 3).translate(REQUEST).texts()).containsExactly("Hello");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aWaitThatWouldPassTheBudgetOfOneCallIsNotWaited() {
        Flaky flaky = new Flaky();
        flaky.failures.add(new TranslationException(TranslationException.Kind.RATE_LIMITED, "429, come back in 10 min",
                null, Duration.ofMinutes(10)));
        RetryingTranslator retrying = new RetryingTranslator(flaky, 5, Duration.ofMillis(100), sleeps::add,
                Duration.ofSeconds(60), null);

        assertThatThrownBy(() -> retrying.translate(REQUEST)).hasMessage("429, come back in 10 min");
        assertThat(flaky.calls).isEqualTo(1);
        assertThat(sleeps).as("a stream thread must not sleep past max.poll.interval.ms").isEmpty();
    }
}
