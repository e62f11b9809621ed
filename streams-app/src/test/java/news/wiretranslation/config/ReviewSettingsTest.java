package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReviewSettingsTest {

    @Test
    void defaultsBindTheDeskToLoopbackAndChooseNothingBeyondTheFlagged() {
        ServiceConfig.Review review = TestConfigs.load(TestConfigs.localSettingsWith()).review();

        assertThat(review.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(review.port()).isEqualTo(8090);
        assertThat(review.proxyHeader()).isEmpty();
        assertThat(review.secureCookie()).isFalse();
        assertThat(review.selects("afp", 1)).isFalse();
    }

    @Test
    void chosenSourcesAndUrgenciesSelectTranslationsForReview() {
        ServiceConfig.Review review = TestConfigs.load(TestConfigs.localSettingsWith("QUALITY_REVIEW_TOPIC",
                "articles.review", "REVIEW_SOURCES", "afp, rss:example.org", "REVIEW_URGENCIES", "1,2")).review();

        assertThat(review.selects("rss:example.org", 5)).isTrue();
        assertThat(review.selects("dpa", 2)).isTrue();
        assertThat(review.selects("dpa", 3)).isFalse();
        assertThat(review.selects("dpa", null)).isFalse();
    }

    @Test
    void choosingTranslationsForReviewWithoutAReviewTopicStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> TestConfigs.load(TestConfigs.localSettingsWith("REVIEW_SOURCES", "afp")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("REVIEW_SOURCES")
                .hasMessageContaining("QUALITY_REVIEW_TOPIC");
        assertThatThrownBy(() -> TestConfigs.load(TestConfigs.localSettingsWith("QUALITY_REVIEW_TOPIC", "r",
                "REVIEW_URGENCIES", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("REVIEW_URGENCIES");
        assertThatThrownBy(() -> TestConfigs.load(TestConfigs.localSettingsWith("REVIEW_AUTH_PROXY_HEADER", "X User")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("REVIEW_AUTH_PROXY_HEADER");
    }
}
