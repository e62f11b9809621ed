package news.wiretranslation.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleLabelerTest {

    @Test
    void languagesDisagreeOnlyWhenTwoPresentOnesDiffer() {
        assertThat(ArticleLabeler.disagree("fr", "fr", null)).isFalse();
        assertThat(ArticleLabeler.disagree(null, "fr", "fr")).isFalse();
        assertThat(ArticleLabeler.disagree("it", "fr", "fr")).isTrue();
        assertThat(ArticleLabeler.disagree(null, "fr", "es")).isTrue();
    }
}
