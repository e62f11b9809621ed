package news.wiretranslation.feed;

import java.time.Instant;
import java.util.List;

/** Reads one input format into articles. Implementations keep no state between calls. */
interface ArticleParser {

    /**
     * @param input     the input's text and names
     * @param skipLines plain-text inputs: lines to drop before the headline
     * @param now       the time to use where the input gives none
     * @throws ArticleReadException naming the input, the line when known, and what is wrong
     */
    List<ParsedArticle> parse(ArticleInput input, int skipLines, Instant now) throws ArticleReadException;
}
