package news.wiretranslation.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import news.wiretranslation.avro.Article;
import org.junit.jupiter.api.Test;

class TransformedLanguageTagTest {

    @Test
    void aTranslationFromFrenchIntoUsEnglishIsEnUsTransformedFromFrenchByMachine() {
        String tag = TransformedLanguageTag.of(NinjsWriterTest.translated()).orElseThrow();

        assertThat(tag).isEqualTo("en-US-t-fr-t0-und");
        Locale parsed = Locale.forLanguageTag(tag);
        assertThat(parsed.getLanguage()).isEqualTo("en");
        assertThat(parsed.getCountry()).isEqualTo("US");
        assertThat(parsed.getExtension('t')).isEqualTo("fr-t0-und");
    }

    @Test
    void theSourceLanguageIsWrittenInTheExtensionsLowerCase() {
        Article article = NinjsWriterTest.translated();
        article.setLanguage("de");
        article.getTranslation().setSourceLanguage("pt-BR");

        assertThat(TransformedLanguageTag.of(article)).contains("de-t-pt-br-t0-und");
    }

    @Test
    void noTagForAnArticleNotTranslatedOrALanguageThatIsNotATag() {
        Article malformed = NinjsWriterTest.translated();
        malformed.getTranslation().setSourceLanguage("french!");

        assertThat(TransformedLanguageTag.of(NinjsWriterTest.passedThrough())).isEmpty();
        assertThat(TransformedLanguageTag.of(malformed)).isEmpty();
    }
}
