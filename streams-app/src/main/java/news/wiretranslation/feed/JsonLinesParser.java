package news.wiretranslation.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * The project's own feed format: one {@code RawArticle} per line as a JSON object with the schema's field names.
 *
 * <p>Required: {@code id}, {@code source}, {@code headline}, {@code body} (strings). Optional, with the schema's
 * defaults: {@code url}, {@code bodyFormat} ({@code "TEXT"} or {@code "HTML"}), {@code declaredLanguage},
 * {@code revision}, {@code urgency}, {@code attributes} (an object of strings); {@code publishedAt} and
 * {@code receivedAt} as ISO-8601 instants, defaulting to now. A field the schema does not have is an error rather
 * than ignored: in a hand-edited feed it is nearly always a misspelt optional field whose value would be lost.
 * Blank lines are skipped. Every bad line is reported, the first as the exception, the others suppressed in it.
 */
final class JsonLinesParser implements ArticleParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** RawArticle's fields, in schema order. */
    private static final List<String> FIELDS = List.of("id", "source", "url", "headline", "body", "bodyFormat",
            "declaredLanguage", "revision", "urgency", "publishedAt", "receivedAt", "attributes");

    @Override
    public List<ParsedArticle> parse(ArticleInput input, int skipLines, Instant now) throws ArticleReadException {
        String[] lines = input.content().split("\r\n|[\r\n]", -1);
        List<ParsedArticle> articles = new ArrayList<>();
        List<ArticleReadException> errors = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                articles.add(new ParsedArticle(i + 1, parseLine(lines[i], now)));
            } catch (BadLine e) {
                errors.add(new ArticleReadException(input.name(), i + 1, e.getMessage(), e.getCause()));
            }
        }
        if (!errors.isEmpty()) {
            ArticleReadException first = errors.get(0);
            errors.subList(1, errors.size()).forEach(first::addSuppressed);
            throw first;
        }
        if (articles.isEmpty()) {
            throw new ArticleReadException(input.name(), "holds no articles (every line is blank)");
        }
        return articles;
    }

    private static RawArticle.Builder parseLine(String line, Instant now) throws BadLine {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLine("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new BadLine("not a JSON object", null);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadLine("unknown field \"" + name + "\" (RawArticle has " + String.join(", ", FIELDS) + ")", null);
            }
        }
        RawArticle.Builder article = ParsedArticle.newArticle(now)
                .setId(required(node, "id"))
                .setSource(required(node, "source"))
                .setHeadline(required(node, "headline"))
                .setBody(required(node, "body"))
                .setUrl(optional(node, "url"))
                .setDeclaredLanguage(optional(node, "declaredLanguage"))
                .setBodyFormat(bodyFormat(node))
                .setUrgency(integer(node, "urgency"))
                .setAttributes(attributes(node));
        Integer revision = integer(node, "revision");
        if (revision != null) {
            article.setRevision(revision);
        }
        Instant published = instant(node, "publishedAt");
        if (published != null) {
            article.setPublishedAt(published);
        }
        Instant received = instant(node, "receivedAt");
        if (received != null) {
            article.setReceivedAt(received);
        }
        return article;
    }

    private static String required(JsonNode node, String field) throws BadLine {
        String value = optional(node, field);
        if (value == null) {
            throw new BadLine("\"" + field + "\" is missing", null);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) throws BadLine {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadLine("\"" + field + "\" must be a string, not " + value, null);
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String field) throws BadLine {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new BadLine("\"" + field + "\" must be a whole number, not " + value, null);
        }
        return value.asInt();
    }

    private static BodyFormat bodyFormat(JsonNode node) throws BadLine {
        String value = optional(node, "bodyFormat");
        if (value == null) {
            return BodyFormat.TEXT;
        }
        try {
            return BodyFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadLine("\"bodyFormat\" must be \"TEXT\" or \"HTML\", not \"" + value + "\"", null);
        }
    }

    private static Instant instant(JsonNode node, String field) throws BadLine {
        String value = optional(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadLine("\"" + field + "\" '" + value + "' is not an ISO-8601 instant such as 2025-03-01T09:30:00Z", e);
        }
    }

    private static Map<String, String> attributes(JsonNode node) throws BadLine {
        JsonNode value = node.path("attributes");
        Map<String, String> attributes = new HashMap<>();
        if (value.isMissingNode() || value.isNull()) {
            return attributes;
        }
        if (!value.isObject()) {
            throw new BadLine("\"attributes\" must be an object of strings", null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isTextual()) {
                throw new BadLine("attribute \"" + entry.getKey() + "\" must be a string, not " + entry.getValue(), null);
            }
            attributes.put(entry.getKey(), entry.getValue().asText());
        }
        return attributes;
    }

    /** A line's problem, before the input name and line number are known to the message. */
    private static final class BadLine extends Exception {
        BadLine(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
