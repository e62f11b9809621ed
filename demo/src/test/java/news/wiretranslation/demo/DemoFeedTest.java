package news.wiretranslation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;

class DemoFeedTest {
    private final List<RawArticle> feed = DemoFeed.load();

    @Test
    void holdsEnoughArticlesInSixDeepLLanguagesAndOneItCannotTranslate() {
        assertThat(feed).hasSizeGreaterThanOrEqualTo(33);
        Map<String, Long> declared = feed.stream().filter(a -> a.getDeclaredLanguage() != null)
                .collect(Collectors.groupingBy(a -> primary(a.getDeclaredLanguage()), Collectors.counting()));
        assertThat(declared.keySet()).contains("fr", "de", "es", "en", "it", "pt");
        assertThat(declared.keySet().stream().filter(l -> !SourceLanguages.deepLDefaults().contains(l)).toList())
                .as("declared languages DeepL does not translate from").isNotEmpty();
        assertThat(declared.entrySet().stream()
                .filter(e -> !SourceLanguages.deepLDefaults().contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void hasAStoryInThreeRevisionsEachChangingTheText() {
        Map<String, List<RawArticle>> byId = feed.stream().collect(Collectors.groupingBy(RawArticle::getId));
        List<RawArticle> story = byId.values().stream().filter(revisions -> revisions.size() == 3).findFirst().orElseThrow();

        assertThat(story).extracting(RawArticle::getRevision).containsExactly(1, 2, 3);
        assertThat(story).extracting(RawArticle::getBody).doesNotHaveDuplicates();
        assertThat(story).extracting(RawArticle::getPublishedAt).isSorted();
        assertThat(byId.values()).filteredOn(revisions -> revisions.size() > 1).hasSize(1);
    }

    @Test
    void hasAnHtmlPageWithSiteChrome() {
        RawArticle page = feed.stream().filter(a -> a.getBodyFormat() == BodyFormat.HTML).findFirst().orElseThrow();

        assertThat(page.getBody()).contains("Skip to content", "<nav", "Share on", "<script", "<footer");
        assertThat(page.getUrl()).startsWith("https://");
    }

    @Test
    void looksLikeAWireFeed() {
        Set<String> sources = feed.stream().map(RawArticle::getSource).collect(Collectors.toSet());
        assertThat(sources).contains("afp-demo", "dpa-demo", "efe-demo", "ansa-demo", "lusa-demo", "ap-demo");
        assertThat(feed).filteredOn(a -> Integer.valueOf(1).equals(a.getUrgency())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(feed).filteredOn(a -> a.getDeclaredLanguage() == null).as("some articles leave the language to detection")
                .isNotEmpty();
        assertThat(feed).extracting(a -> a.getId() + "#" + a.getRevision()).doesNotHaveDuplicates();
    }

    @Test
    void endsWithTheSeedArticleWithoutItsSiteChromeLine() {
        RawArticle seed = feed.get(feed.size() - 1);

        assertThat(seed.getId()).isEqualTo(DemoFeed.SEED_ID);
        assertThat(seed.getSource()).isEqualTo("rt-fr");
        assertThat(seed.getHeadline()).startsWith("Les États-Unis donnent leur feu vert");
        assertThat(seed.getBody()).startsWith("Washington pense maintenant");
        assertThat(seed.getBodyFormat()).isEqualTo(BodyFormat.TEXT);
    }

    private static String primary(String language) {
        return language.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }
}
