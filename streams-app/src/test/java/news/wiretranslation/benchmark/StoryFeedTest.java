package news.wiretranslation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;

class StoryFeedTest {

    private static List<RawArticle> articles(StoryFeed.Options options) {
        return StoryFeed.generate(options).stream().map(StoryFeed.Item::article).toList();
    }

    @Test
    void wireCopyArticlesAverageTheLengthAskedForInNineParagraphs() {
        FeedShape shape = FeedShape.of(articles(StoryFeed.Options.wireCopy(300, 2026, 2700)));

        assertThat(shape.meanCharacters()).isCloseTo(2700, offset(135.0));
        assertThat(shape.meanParagraphs()).isEqualTo(9.0);
    }

    @Test
    void theArticleLengthIsAnOption() {
        FeedShape shorter = FeedShape.of(articles(StoryFeed.Options.wireCopy(300, 2026, 1500)));
        FeedShape longer = FeedShape.of(articles(StoryFeed.Options.wireCopy(300, 2026, 5000)));

        assertThat(shorter.meanCharacters()).isCloseTo(1500, offset(150.0));
        assertThat(longer.meanCharacters()).isCloseTo(5000, offset(250.0));
        assertThat(longer.meanParagraphs()).isEqualTo(9.0);
    }

    @Test
    void theDefaultFeedOfTheIntegrationTestsIsUnchanged() {
        // The integration tests were written against these shorter articles of 6-10 paragraphs.
        FeedShape shape = FeedShape.of(articles(StoryFeed.Options.defaults(300, 2026)));

        assertThat(shape.meanCharacters()).isBetween(1500.0, 2100.0);
        assertThat(shape.meanParagraphs()).isBetween(7.0, 9.5);
    }

    @Test
    void newStoriesPublishedOnceCarryTheUrgencyAsked() {
        List<RawArticle> flash = articles(StoryFeed.Options.wireCopy(50, 1, 2700).withRevisions(1, 1.0, 1));
        List<RawArticle> routine = articles(StoryFeed.Options.wireCopy(50, 1, 2700).withRevisions(1, 0.0, 1));

        assertThat(flash).hasSize(50).allMatch(a -> a.getUrgency() == 1 && a.getRevision() == 1);
        assertThat(routine).hasSize(50).allMatch(a -> a.getUrgency() > 1);
    }
}
