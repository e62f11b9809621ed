package news.wiretranslation.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.normalize.TextNormalizer;
import news.wiretranslation.quality.InputQualityFlags;
import news.wiretranslation.topology.TestArticles;
import news.wiretranslation.translate.TranslationResult;
import org.junit.jupiter.api.Test;

/** What the output carries of the input's hygiene: no invalid declared language, a flag for invalid bytes. */
class InputHygieneLabelTest {
    private final ArticleLabeler labeler = new ArticleLabeler(Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC));
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void anInvalidDeclaredLanguageIsNeverCopiedAndTheNoteIsCarried() {
        RawArticle raw = TestArticles.english("s1");
        raw.setDeclaredLanguage("../../etc/passwd\n<script>");

        Article article = labeler.passedThrough(detected(raw, "en"), TargetLanguage.parse("en-US"));

        assertThat(article.getDeclaredLanguage()).isNull();
        assertThat(article.getNormalization()).contains(TextNormalizer.DECLARED_LANGUAGE_IGNORED_RULE);
    }

    @Test
    void aValidDeclaredLanguageIsCopiedAsItsPrimaryLanguage() {
        RawArticle raw = TestArticles.english("s1");
        raw.setDeclaredLanguage("en-GB");

        assertThat(labeler.passedThrough(detected(raw, "en"), TargetLanguage.parse("en-US")).getDeclaredLanguage())
                .isEqualTo("en");
    }

    @Test
    void invalidBytesRaiseAQualityFlagOnPassedThroughAndTranslatedArticles() {
        RawArticle raw = TestArticles.article("s2", "Central bank holds rates \uFFFD steady",
                "The central bank left its main rate unchanged on Thursday\uFFFD\uFFFD, saying inflation was easing.");
        DetectedArticle article = detected(raw, "en");

        Article passed = labeler.passedThrough(article, TargetLanguage.parse("en-US"));
        List<String> texts = ArticleLabeler.textsToTranslate(article);
        Article translated = labeler.translated(article, TargetLanguage.parse("de"),
                new TranslationResult(texts, "deepl", null, null, 10), "fp", List.of());

        for (Article output : List.of(passed, translated)) {
            assertThat(output.getQualityFlags()).singleElement().satisfies(flag -> {
                assertThat(flag.getCode()).isEqualTo(InputQualityFlags.INVALID_CHARACTERS);
                assertThat(flag.getMessage()).startsWith("the original held 3 replacement characters");
            });
            assertThat(output.getHeadline() + output.getBody()).doesNotContain("\uFFFD");
            assertThat(output.getNormalization()).contains(TextNormalizer.INVALID_CHARACTERS_RULE);
        }
    }

    @Test
    void aCleanArticleHasNoInputFlag() {
        assertThat(labeler.passedThrough(detected(TestArticles.english("s3"), "en"), TargetLanguage.parse("en-US"))
                .getQualityFlags()).isEmpty();
    }

    private DetectedArticle detected(RawArticle raw, String language) {
        return new DetectedArticle(raw, normalizer.normalize(raw), language, 1.0);
    }
}
