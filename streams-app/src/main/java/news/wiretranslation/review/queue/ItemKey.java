package news.wiretranslation.review.queue;

import java.util.Locale;

import news.wiretranslation.avro.Article;

/**
 * One item of the review queue: a story in one target language. Its revisions share the key, so a newer one
 * replaces an older one waiting. Written {@code <language>/<story id>} (a language tag holds no slash).
 */
public record ItemKey(String language, String storyId) {

    public static ItemKey of(Article article) {
        return new ItemKey(article.getLanguage(), article.getId());
    }

    public static ItemKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not a review item key: " + text);
        }
        return new ItemKey(text.substring(0, slash), text.substring(slash + 1));
    }

    /** The store key. Languages compare case-insensitively (en-US, en-us), so the key holds the lower case. */
    public String text() {
        return language.toLowerCase(Locale.ROOT) + "/" + storyId;
    }
}
