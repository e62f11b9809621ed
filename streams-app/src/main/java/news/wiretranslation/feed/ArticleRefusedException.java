package news.wiretranslation.feed;

/**
 * A well-formed input holding an item the service does not translate: a picture, a video, an event, a composite
 * without text ({@link news.wiretranslation.article.ItemType}). Not an error in the input, so {@code publish}
 * reports it and goes on with the other inputs; the service would dead-letter it as {@code NOT_TEXT}.
 */
public final class ArticleRefusedException extends ArticleReadException {

    public ArticleRefusedException(String input, int line, String reason, Throwable cause) {
        super(input, line, reason, cause);
    }
}
