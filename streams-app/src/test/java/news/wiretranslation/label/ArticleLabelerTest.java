package news.wiretranslation.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;

class ArticleLabelerTest {

    @Test
    void languagesDisagreeOnlyWhenTwoPresentOnesDiffer() {
        assertThat(ArticleLabeler.disagree("fr", "fr", null)).isFalse();
        assertThat(ArticleLabeler.disagree(null, "fr", "fr")).isFalse();
        assertThat(ArticleLabeler.disagree("it", "fr", "fr")).isTrue();
        assertThat(ArticleLabeler.disagree(null, "fr", "es")).isTrue();
    }

    @Test
    void theOriginalIsReferredToByItsOwnUriThenItsUrlThenTheServicesUrn() {
        RawArticle.Builder ninjs = raw().setItemUri("urn:newsml:dpa.com:20090101:190510-99-167362")
                .setUrl("https://www.dpa.com/story");
        RawArticle.Builder page = raw().setUrl("https://example.org/story");

        assertThat(ArticleLabeler.originalReference(ninjs.build())).isEqualTo("urn:newsml:dpa.com:20090101:190510-99-167362");
        assertThat(ArticleLabeler.originalReference(page.build())).isEqualTo("https://example.org/story");
        assertThat(ArticleLabeler.originalReference(raw().build())).isEqualTo("urn:wire-translation:file:story-1");
    }

    private static RawArticle.Builder raw() {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");
        return RawArticle.newBuilder().setId("story-1").setSource("file").setHeadline("Titre").setBody("Texte.")
                .setPublishedAt(now).setReceivedAt(now).setAttributes(Map.of());
    }
}
