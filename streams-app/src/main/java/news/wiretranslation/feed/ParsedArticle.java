package news.wiretranslation.feed;

import java.time.Instant;
import java.util.HashMap;

import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * An article as one format's parser read it, not yet overridden or validated, with the line it came from so that
 * later errors can point at it.
 *
 * @param line    1-based line in the input, or 0 when the whole input is one article
 * @param article the article under construction
 */
record ParsedArticle(int line, RawArticle.Builder article) {

    /** A builder holding the defaults every format starts from: revision 1, TEXT, published and received now. */
    static RawArticle.Builder newArticle(Instant now) {
        return RawArticle.newBuilder()
                .setUrl(null)
                .setBodyFormat(BodyFormat.TEXT)
                .setDeclaredLanguage(null)
                .setRevision(1)
                .setUrgency(null)
                .setPublishedAt(now)
                .setReceivedAt(now)
                .setAttributes(new HashMap<>());
    }
}
