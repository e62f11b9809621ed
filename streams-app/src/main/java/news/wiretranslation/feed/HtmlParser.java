package news.wiretranslation.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import news.wiretranslation.avro.BodyFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML page or fragment. The body is sent as the HTML itself ({@link BodyFormat#HTML}): the pipeline's
 * normalizer removes the site chrome and extracts the paragraphs, so that a page is cleaned the same way whichever
 * way it arrives. Only the metadata is read here: the headline from the article's {@code <h1>} (a page's first h1
 * may be a logo, so one inside {@code <article>} or {@code <main>} is preferred) or else {@code <title>}; the
 * language from {@code <html lang>}; the URL from {@code <link rel=canonical>}; the publication time from
 * {@code <meta property="article:published_time">}.
 */
final class HtmlParser implements ArticleParser {

    @Override
    public List<ParsedArticle> parse(ArticleInput input, int skipLines, Instant now) throws ArticleReadException {
        Document page = Jsoup.parse(input.content());
        String headline = headline(page);
        if (headline.isEmpty()) {
            throw new ArticleReadException(input.name(), "has no <h1> and no <title> to take the headline from");
        }
        var article = ParsedArticle.newArticle(now)
                .setHeadline(headline)
                .setBody(input.content())
                .setBodyFormat(BodyFormat.HTML)
                .setDeclaredLanguage(nonBlank(attribute(page, "html", "lang")))
                .setUrl(nonBlank(attribute(page, "link[rel=canonical]", "href")));
        String published = nonBlank(attribute(page, "meta[property=article:published_time]", "content"));
        if (published != null) {
            try {
                article.setPublishedAt(Timestamps.parse(published));
            } catch (DateTimeParseException e) {
                throw new ArticleReadException(input.name(), 0, "<meta property=\"article:published_time\"> '"
                        + published + "' is not an ISO-8601 date-time", e);
            }
        }
        return List.of(new ParsedArticle(0, article));
    }

    private static String headline(Document page) {
        for (String query : List.of("article h1", "main h1", "h1")) {
            Element h1 = page.selectFirst(query);
            if (h1 != null && !h1.text().isBlank()) {
                return h1.text().strip();
            }
        }
        return page.title().strip();
    }

    private static String attribute(Document page, String query, String name) {
        Element element = page.selectFirst(query);
        return element == null ? "" : element.attr(name);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
