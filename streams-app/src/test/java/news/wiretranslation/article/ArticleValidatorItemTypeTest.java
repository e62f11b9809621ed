package news.wiretranslation.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleValidatorItemTypeTest {
    private final ArticleValidator validator = new ArticleValidator();

    @ParameterizedTest(name = "{0}")
    @NullSource
    @ValueSource(strings = {"text", "Text", "composite", "component"})
    void textAndPackagesWithATextBodyPass(String itemType) {
        assertThat(validator.validate(article(itemType, "Le texte."))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"picture", "video", "audio", "graphic", "event", "planning", "hologram"})
    void everyOtherNatureIsNotText(String itemType) {
        assertThatThrownBy(() -> validator.validate(article(itemType, "A caption."))).isInstanceOfSatisfying(
                DeadLetterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.NOT_TEXT);
                    assertThat(e.stage()).isEqualTo(Stage.VALIDATE);
                    assertThat(e.articleId()).isEqualTo("item-1");
                    assertThat(e.getMessage()).startsWith("item type '" + itemType + "' is not text");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"composite", "component"})
    void aPackageWithoutATextBodyIsNotText(String itemType) {
        assertThatThrownBy(() -> validator.validate(article(itemType, " "))).isInstanceOfSatisfying(
                DeadLetterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.NOT_TEXT);
                    assertThat(e.getMessage()).startsWith("item type '" + itemType + "' without a text body");
                });
    }

    private static RawArticle article(String itemType, String body) {
        Instant now = Instant.now();
        return RawArticle.newBuilder().setId("item-1").setSource("agency").setHeadline("Titre").setBody(body)
                .setItemType(itemType).setPublishedAt(now).setReceivedAt(now).setAttributes(Map.of()).build();
    }
}
