package news.wiretranslation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Detection;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.topology.TestArticles;
import org.junit.jupiter.api.Test;

/**
 * Which dead-letter reason an article gets when its language cannot be used: a text in a script no source language
 * uses is in a language the engine does not translate from ({@code UNSUPPORTED_LANGUAGE}, naming the script); only
 * a text in a supported script that cannot be told is {@code UNDETECTABLE_LANGUAGE}.
 */
class LanguageResolverTest {
    private static final Set<String> SOURCES = Set.of("en", "fr", "de", "ru", "ja");

    /** A detector that knows nothing, as Lingua answers for scripts none of its languages use. */
    private static final LanguageDetector NOTHING = text -> Optional.empty();

    private static DeadLetterException refusal(LanguageDetector detector, String headline, String body) {
        RawArticle raw = TestArticles.article("a-1", headline, body);
        raw.setDeclaredLanguage(null);
        NormalizedArticle text = new NormalizedArticle(headline, List.of(body));
        LanguageResolver resolver = new LanguageResolver(detector, SOURCES, 0.1, 500);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> resolver.resolve(raw, text));
        assertThat(thrown).isInstanceOf(DeadLetterException.class);
        return (DeadLetterException) thrown;
    }

    @Test
    void undeclaredTextsInScriptsNoSourceLanguageUsesAreUnsupportedAndTheMessageNamesTheScript() {
        assertThat(refusal(NOTHING, "საქართველოს მთავრობა", "ფინანსთა მინისტრმა ოთხშაბათს პარლამენტს ბიუჯეტის პროექტი წარუდგინა."))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.UNSUPPORTED_LANGUAGE);
                    assertThat(e.getMessage()).contains("Georgian script");
                });
        assertThat(refusal(NOTHING, "Հայաստանի կառավարություն", "Կառավարությունը չորեքշաբթի օրը ներկայացրեց նոր օրինագիծ։"))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.UNSUPPORTED_LANGUAGE);
                    assertThat(e.getMessage()).contains("Armenian script");
                });
        assertThat(refusal(NOTHING, "የኢትዮጵያ መንግሥት", "መንግሥቱ ረቡዕ ዕለት አዲስ ረቂቅ ሕግ አቀረበ። Reuters"))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.UNSUPPORTED_LANGUAGE);
                    assertThat(e.getMessage()).contains("Ethiopic script");
                });
    }

    @Test
    void anUndeclaredTextInASupportedScriptThatCannotBeToldIsUndetectable() {
        LanguageDetector unsure = text -> Optional.of(new Detection("fr", 0.02));

        assertThat(refusal(unsure, "Kiev", "OK").reason()).isEqualTo(DeadLetterReason.UNDETECTABLE_LANGUAGE);
        assertThat(refusal(NOTHING, "Kiev", "OK").reason()).isEqualTo(DeadLetterReason.UNDETECTABLE_LANGUAGE);
        assertThat(refusal(NOTHING, "2026", "12:30 +++").reason()).isEqualTo(DeadLetterReason.UNDETECTABLE_LANGUAGE);
    }

    @Test
    void aScriptOfAConfiguredLanguageIsNeverRefusedForItsScript() {
        // Cyrillic is Russian's: an undetectable Cyrillic snippet is undetectable, not unsupported.
        assertThat(refusal(NOTHING, "Киев", "да").reason()).isEqualTo(DeadLetterReason.UNDETECTABLE_LANGUAGE);
    }
}
