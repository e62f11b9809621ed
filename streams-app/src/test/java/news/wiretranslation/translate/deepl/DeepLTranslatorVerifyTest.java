package news.wiretranslation.translate.deepl;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link DeepLTranslator#verify()}: the start-up check of key and reachability. */
class DeepLTranslatorVerifyTest {

    private DeepLStandIn standIn;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn().start();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private DeepLTranslator translatorWithKey(String key) {
        return new DeepLTranslator(new DeepLSettings(key, standIn.url(), Duration.ofSeconds(5), null));
    }

    @Test
    void passesWithTheRightKey() {
        assertThatCode(() -> translatorWithKey(standIn.authKey()).verify()).doesNotThrowAnyException();
    }

    @Test
    void passesWhenTheQuotaIsUsedUp() {
        standIn.setQuotaExceeded(true);

        assertThatCode(() -> translatorWithKey(standIn.authKey()).verify()).doesNotThrowAnyException();
    }

    @Test
    void namesTheSettingButNotTheKeyWhenTheKeyIsWrong() {
        String wrongKey = "0000-not-the-key-1111:fx";

        TranslationException failure = catchThrowableOfType(TranslationException.class,
                () -> translatorWithKey(wrongKey).verify());

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.getMessage()).contains("DEEPL_AUTH_KEY").doesNotContain(wrongKey);
        assertThat(String.valueOf(failure.getCause())).doesNotContain(wrongKey);
    }

    @Test
    void classifiesOtherFailuresLikeTranslations() {
        standIn.failNext(1, 503);

        TranslationException failure = catchThrowableOfType(TranslationException.class,
                () -> translatorWithKey(standIn.authKey()).verify());

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
    }
}
