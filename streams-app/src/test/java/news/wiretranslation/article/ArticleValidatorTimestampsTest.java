package news.wiretranslation.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;

class ArticleValidatorTimestampsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    private final ArticleValidator validator = new ArticleValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPublishedAtInTheYearMinus17700IsRefusedNamingTheField() {
        RawArticle raw = article(Instant.parse("-17700-03-01T00:00:00Z"), NOW);

        assertThatThrownBy(() -> validator.validate(raw)).isInstanceOfSatisfying(DeadLetterException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeadLetterReason.INVALID_ARTICLE);
            assertThat(e.stage()).isEqualTo(Stage.VALIDATE);
            assertThat(e.getMessage()).startsWith("publishedAt is -17700-03-01T00:00:00Z").contains("1900-01-01T00:00:00Z");
        });
    }

    @Test
    void aReceivedAtInMicrosecondsIsRefusedNamingTheField() {
        RawArticle raw = article(NOW, Instant.ofEpochMilli(NOW.toEpochMilli() * 1000));

        assertThatThrownBy(() -> validator.validate(raw)).isInstanceOfSatisfying(DeadLetterException.class,
                e -> assertThat(e.getMessage()).startsWith("receivedAt is +"));
    }

    @Test
    void timestampsFrom1900ToADayAheadPass() {
        assertThat(validator.validate(article(Instant.parse("1900-01-01T00:00:00Z"), NOW))).isNotNull();
        assertThat(validator.validate(article(NOW.plusSeconds(86_400), NOW))).isNotNull();
        assertThatThrownBy(() -> validator.validate(article(NOW.plusSeconds(86_401), NOW)))
                .hasMessageStartingWith("publishedAt is 2026-12-08T06:00:01Z");
        assertThatThrownBy(() -> validator.validate(article(Instant.parse("1899-12-31T23:59:59Z"), NOW)))
                .hasMessageStartingWith("publishedAt is 1899-12-31T23:59:59Z");
    }

    private static RawArticle article(Instant publishedAt, Instant receivedAt) {
        return RawArticle.newBuilder().setId("story-1").setSource("agency").setHeadline("Titre").setBody("Texte.")
                .setPublishedAt(publishedAt).setReceivedAt(receivedAt).setAttributes(Map.of()).build();
    }
}
