package news.wiretranslation.logging;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log event per article and step, with the article's id, revision and stage as key-value pairs (fields of their
 * own in JSON logs, {@code key=value} in plain ones). Never the article's text: ids, languages, codes and counts.
 * Per-article progress is DEBUG (logger {@code news.wiretranslation.articles}); dead letters are INFO or WARN where
 * they are decided.
 */
public final class ArticleLog {
    public static final String ARTICLE_ID = "articleId";
    public static final String REVISION = "revision";
    public static final String STAGE = "stage";

    private static final Logger log = LoggerFactory.getLogger("news.wiretranslation.articles");

    private ArticleLog() {
    }

    /** The event builder for one article at one stage; add more pairs and log it. */
    public static LoggingEventBuilder event(LoggingEventBuilder builder, String articleId, Integer revision, String stage) {
        builder = builder.addKeyValue(ARTICLE_ID, articleId);
        if (revision != null) {
            builder = builder.addKeyValue(REVISION, revision);
        }
        return builder.addKeyValue(STAGE, stage);
    }

    public static void received(RawArticle article) {
        if (log.isDebugEnabled()) {
            event(log.atDebug(), article.getId(), article.getRevision(), "validate")
                    .addKeyValue("source", article.getSource())
                    .log("article received");
        }
    }

    public static void detected(DetectedArticle article) {
        if (log.isDebugEnabled()) {
            event(log.atDebug(), article.raw().getId(), article.raw().getRevision(), "detect")
                    .addKeyValue("language", article.language())
                    .addKeyValue("confidence", article.confidence())
                    .log("language decided");
        }
    }

    public static void written(Article article) {
        if (log.isDebugEnabled()) {
            event(log.atDebug(), article.getId(), article.getVersion(), "output")
                    .addKeyValue("targetLanguage", article.getLanguage())
                    .addKeyValue("machineTranslated", article.getMachineTranslated())
                    .addKeyValue("qualityFlags", article.getQualityFlags().size())
                    .log("article written");
        }
    }
}
