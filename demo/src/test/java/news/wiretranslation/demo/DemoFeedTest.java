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

    @Test
    void theOfflineFeedOpensWithArticlesApertiumTranslatesDirectlyAndKeepsTheSeedArticle() {
        List<RawArticle> offline = DemoFeed.offline();

        assertThat(offline).extracting(RawArticle::getSource).as("no German, Welsh or Georgian")
                .doesNotContain("dpa-demo", "cymru-demo", "ge-demo");
        assertThat(offline).extracting(RawArticle::getSource).first().isEqualTo("afp-demo");
        assertThat(offline.subList(0, 5)).extracting(RawArticle::getSource).as("the first screen: translated, not passed through")
                .doesNotContain("efe-demo");
        assertThat(offline).extracting(RawArticle::getId).contains(DemoFeed.SEED_ID);
        assertThat(offline.stream().map(RawArticle::getSource).distinct().toList())
                .containsExactlyElementsOf(DemoFeed.OFFLINE_SOURCES);
        List<RawArticle> story = offline.stream().filter(a -> a.getId().equals("afp-demo-greve-controleurs")).toList();
        assertThat(story).extracting(RawArticle::getRevision).as("revisions keep their order").containsExactly(1, 2, 3);
        assertThat(offline).hasSize((int) feed.stream().filter(a -> DemoFeed.OFFLINE_SOURCES.contains(a.getSource())).count());
    }

    @Test
    void theOfflineFeedGoesOutInTwoRoundsTranslationsFirstThenTheSpanishPassThroughs() {
        List<List<RawArticle>> rounds = DemoFeed.offlineRounds();

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0)).extracting(RawArticle::getSource).doesNotContain("efe-demo").contains("afp-demo", "rt-fr");
        assertThat(rounds.get(1)).isNotEmpty().extracting(RawArticle::getSource).containsOnly("efe-demo");
        assertThat(rounds.get(0).size() + rounds.get(1).size()).isEqualTo(DemoFeed.offline().size());
    }

    private static String primary(String language) {
        return language.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }
}
