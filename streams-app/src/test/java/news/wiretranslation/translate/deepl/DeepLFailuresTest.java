package news.wiretranslation.translate.deepl;

import com.deepl.api.DeepLException;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DeepLFailures}: the cases a stand-in cannot provoke. */
class DeepLFailuresTest {

    private static final String KEY = "secret-key-42:fx";

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void keepsTheInterruptFlagAndReportsUnavailable() {
        TranslationException failure = DeepLFailures.classify(new InterruptedException(), "translating", KEY);

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void hidesTheKeyEvenWhenAServerEchoesIt() {
        DeepLException echoed = new DeepLException("Bad request, error message: key " + KEY + " is odd");

        TranslationException failure = DeepLFailures.classify(echoed, "translating", KEY);

        assertThat(failure.getMessage()).doesNotContain(KEY).contains("<hidden auth key>");
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void reportsAnUnreadableAnswerAsServerError() {
        TranslationException failure = DeepLFailures.classify(
                new IllegalStateException("Expected BEGIN_OBJECT"), "translating", KEY);

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
    }
}
