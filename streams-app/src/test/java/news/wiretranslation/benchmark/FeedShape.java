package news.wiretranslation.benchmark;

import java.util.List;
import java.util.Locale;

import news.wiretranslation.avro.RawArticle;

/** What a feed is made of, as measured on it: the figures that say whether its articles look like wire copy. */
record FeedShape(int articles, double meanCharacters, double meanParagraphs, long flashArticles) {

    /** Characters of the headline and the body (paragraphs and sign-off, with the blank lines between them). */
    static FeedShape of(List<RawArticle> feed) {
        return new FeedShape(feed.size(),
                feed.stream().mapToInt(a -> a.getHeadline().length() + a.getBody().length()).average().orElse(0),
                feed.stream().mapToInt(a -> a.getBody().split("\n\n").length).average().orElse(0),
                feed.stream().filter(a -> a.getUrgency() == 1).count());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d articles, %.0f characters and %.1f paragraphs an article on average (headline,"
                + " body with sign-off), %d flash", articles, meanCharacters, meanParagraphs, flashArticles);
    }
}
