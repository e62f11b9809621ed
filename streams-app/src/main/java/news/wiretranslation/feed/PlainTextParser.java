package news.wiretranslation.feed;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Plain text: the first non-blank line is the headline and everything after it the body, paragraphs separated by
 * blank lines as wire services send them. The id is the file name; the file carries no other metadata.
 */
final class PlainTextParser implements ArticleParser {

    @Override
    public List<ParsedArticle> parse(ArticleInput input, int skipLines, Instant now) throws ArticleReadException {
        List<String> lines = Arrays.asList(input.content().split("\r\n|[\r\n]", -1));
        if (skipLines > 0) {
            if (lines.size() <= skipLines) {
                throw new ArticleReadException(input.name(), "has " + lines.size() + " line(s), nothing is left after skipping "
                        + skipLines);
            }
            lines = lines.subList(skipLines, lines.size());
        }
        int headlineIndex = 0;
        while (headlineIndex < lines.size() && lines.get(headlineIndex).isBlank()) {
            headlineIndex++;
        }
        if (headlineIndex == lines.size()) {
            throw new ArticleReadException(input.name(), "is empty: a headline line and a body were expected");
        }
        String headline = lines.get(headlineIndex).strip();
        String body = String.join("\n", lines.subList(headlineIndex + 1, lines.size())).strip();
        return List.of(new ParsedArticle(0, ParsedArticle.newArticle(now).setHeadline(headline).setBody(body)));
    }
}
