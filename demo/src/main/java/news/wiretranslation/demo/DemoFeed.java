package news.wiretranslation.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.feed.ArticleFileReader;
import news.wiretranslation.feed.ArticleFormat;
import news.wiretranslation.feed.ArticleInput;
import news.wiretranslation.feed.ArticleOverrides;
import news.wiretranslation.feed.ArticleReadException;

/**
 * The sample articles the demo publishes, shipped as resources: {@value #FEED_RESOURCE}, short wire stories written
 * for this project in French, German, Spanish, English, Italian, Portuguese, Georgian and Welsh (a story in three
 * revisions, an HTML page with its site chrome, flash items), and {@value #SEED_RESOURCE}, a real machine-translated
 * article as it was copied from a web page.
 *
 * <p>The seed article's first line is the page's "Skip to content" link, so it is read with one line skipped: its
 * second line becomes the headline.
 */
public final class DemoFeed {
    public static final String FEED_RESOURCE = "/demo/feed.jsonl";
    public static final String SEED_RESOURCE = "/demo/seed-article-fr.txt";
    public static final String SEED_ID = "seed-article-fr";
    public static final String SEED_SOURCE = "rt-fr";
    /**
     * The offline demo's sources, in the order it publishes them: articles Apertium translates directly into Spanish
     * first (French, Italian, Portuguese, English: one installed pair each, no hop through a third language), the
     * seed article, then Spanish ones, which pass through. The German, Welsh and Georgian articles are left out:
     * Apertium has no pair for them (with DeepL, German is translated; Welsh and Georgian are refused on arrival).
     */
    static final List<String> OFFLINE_SOURCES = List.of("afp-demo", "ansa-demo", "lusa-demo", "ap-demo", SEED_SOURCE,
            "efe-demo");
    /** The offline demo's source in Spanish, its target: its articles pass through. */
    private static final String PASSED_THROUGH_OFFLINE = "efe-demo";

    private DemoFeed() {
    }

    /**
     * The feed's articles in file order, then the seed article. Articles without a time in the feed are stamped now.
     *
     * @throws IllegalStateException when a resource is missing or invalid: they ship with the code, so that is a bug
     */
    public static List<RawArticle> load() {
        ArticleFileReader reader = new ArticleFileReader();
        try {
            List<RawArticle> articles = new ArrayList<>(reader.read(
                    ArticleInput.of(FEED_RESOURCE, "feed", resource(FEED_RESOURCE)), ArticleFormat.JSONL, ArticleOverrides.NONE));
            articles.addAll(reader.read(ArticleInput.of(SEED_RESOURCE, SEED_ID, resource(SEED_RESOURCE)), ArticleFormat.TEXT,
                    new ArticleOverrides(SEED_ID, SEED_SOURCE, null, null, 1)));
            return List.copyOf(articles);
        } catch (ArticleReadException e) {
            throw new IllegalStateException("The demo feed shipped with wire-translation is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * What the offline (Apertium) demo publishes: the feed's articles of {@link #OFFLINE_SOURCES}, in that order of
     * sources (each source's articles, revisions included, in feed order).
     */
    public static List<RawArticle> offline() {
        return load().stream().filter(article -> OFFLINE_SOURCES.contains(article.getSource()))
                .sorted(Comparator.comparingInt(article -> OFFLINE_SOURCES.indexOf(article.getSource())))
                .toList();
    }

    /**
     * The offline feed in the rounds the demo publishes it: first the articles Apertium translates, then, once their
     * results are in, the Spanish ones, which pass through at once and would otherwise come first on the screen.
     */
    public static List<List<RawArticle>> offlineRounds() {
        List<RawArticle> feed = offline();
        return List.of(feed.stream().filter(a -> !PASSED_THROUGH_OFFLINE.equals(a.getSource())).toList(),
                feed.stream().filter(a -> PASSED_THROUGH_OFFLINE.equals(a.getSource())).toList());
    }

    private static String resource(String name) {
        try (InputStream in = DemoFeed.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + name, e);
        }
    }
}
