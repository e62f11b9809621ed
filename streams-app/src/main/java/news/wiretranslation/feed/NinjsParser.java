package news.wiretranslation.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * One IPTC ninjs news item, whatever its version: the three generations name the same things differently, and
 * agencies still send all of them.
 *
 * <ul>
 *   <li>3.x: camelCase ({@code versionCreated}, {@code headlines[]}, {@code bodies[].contentType},
 *       {@code copyrightHolder});</li>
 *   <li>2.x: the same arrays with lower-case names ({@code versioncreated}, {@code bodies[].contenttype},
 *       {@code copyrightholder});</li>
 *   <li>1.x: single fields {@code headline}, {@code body_html}, {@code body_text}, {@code description_text}.</li>
 * </ul>
 *
 * <p>Mapping: id = a slug of {@code uri} (stable across versions, as the record key must be); {@code version} →
 * revision when it is a whole number of 1 or more; {@code urgency} → urgency (it must be 1-9); {@code language} →
 * declaredLanguage; {@code versioncreated} → publishedAt; {@code copyrightholder} → source. The headline is the one
 * with role {@code main}, else the first. The body is the first of {@code bodies[]} in a text type (an XML body such
 * as TT's NITF copy is skipped), else the 1.x fields, else the first description (NTB's short items have only
 * that). An HTML body is sent as HTML. In a ninjs plain-text body every line break is a paragraph break (agencies
 * do not hard-wrap ninjs text), so lines become paragraphs for the pipeline, which otherwise joins wrapped lines.
 */
final class NinjsParser implements ArticleParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<ParsedArticle> parse(ArticleInput input, int skipLines, Instant now) throws ArticleReadException {
        JsonNode item = readJson(input);
        String uri = text(item, "uri").orElseThrow(() ->
                new ArticleReadException(input.name(), "has no \"uri\", which every ninjs item must have"));
        Optional<Text> body = body(item);
        RawArticle.Builder article = ParsedArticle.newArticle(now)
                .setId(Slugs.fromUri(uri))
                .setHeadline(headline(item).orElse(""))
                .setBody(body.map(Text::value).orElse(""))
                .setBodyFormat(body.map(Text::format).orElse(BodyFormat.TEXT))
                .setDeclaredLanguage(text(item, "language").orElse(null))
                .setUrgency(urgency(input, item));
        text(item, "copyrightholder", "copyrightHolder").map(Slugs::slug).ifPresent(article::setSource);
        revision(item).ifPresent(article::setRevision);
        Optional<String> created = text(item, "versioncreated", "versionCreated");
        if (created.isPresent()) {
            try {
                article.setPublishedAt(Timestamps.parse(created.get()));
            } catch (DateTimeParseException e) {
                throw new ArticleReadException(input.name(), 0, "versioncreated '" + created.get()
                        + "' is not an ISO-8601 date-time", e);
            }
        }
        Map<String, String> attributes = article.getAttributes();
        attributes.put("ninjs.uri", uri);
        text(item, "version").ifPresent(v -> attributes.put("ninjs.version", v));
        text(item, "slugline").ifPresent(v -> attributes.put("ninjs.slugline", v));
        text(item, "by").ifPresent(article::setByline);
        if (article.getHeadline().isBlank() && article.getBody().isBlank()) {
            throw new ArticleReadException(input.name(), "has neither a headline nor a body in a text format");
        }
        return List.of(new ParsedArticle(0, article));
    }

    private static JsonNode readJson(ArticleInput input) throws ArticleReadException {
        JsonNode item;
        try {
            item = JSON.readTree(input.content());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ArticleReadException(input.name(), line, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (item == null || !item.isObject()) {
            throw new ArticleReadException(input.name(), "is not a JSON object (one ninjs item was expected)");
        }
        return item;
    }

    private static Optional<String> headline(JsonNode item) {
        JsonNode headlines = item.path("headlines");
        for (JsonNode headline : headlines) {
            if ("main".equals(headline.path("role").asText()) && hasText(headline.path("value"))) {
                return Optional.of(headline.path("value").asText().strip());
            }
        }
        for (JsonNode headline : headlines) {
            if (hasText(headline.path("value"))) {
                return Optional.of(headline.path("value").asText().strip());
            }
        }
        return text(item, "headline").map(String::strip);
    }

    private static Optional<Text> body(JsonNode item) {
        return first(item.path("bodies"))
                .or(() -> text(item, "body_html").map(v -> new Text(v, BodyFormat.HTML)))
                .or(() -> text(item, "body_text").map(NinjsParser::plain))
                .or(() -> first(item.path("descriptions")))
                .or(() -> text(item, "description_html").map(v -> new Text(v, BodyFormat.HTML)))
                .or(() -> text(item, "description_text").map(NinjsParser::plain));
    }

    /** The first entry of a bodies or descriptions array whose content is text or HTML. */
    private static Optional<Text> first(JsonNode entries) {
        for (JsonNode entry : entries) {
            if (!hasText(entry.path("value"))) {
                continue;
            }
            String value = entry.path("value").asText();
            String type = text(entry, "contenttype", "contentType").orElse("").toLowerCase(Locale.ROOT);
            String role = entry.path("role").asText("").toLowerCase(Locale.ROOT);
            if (type.contains("html") || (type.isEmpty() && role.contains("html"))) {
                return Optional.of(new Text(value, BodyFormat.HTML));
            }
            if (type.isEmpty() || type.startsWith("text/plain")) {
                return Optional.of(plain(value));
            }
        }
        return Optional.empty();
    }

    private static Text plain(String value) {
        return new Text(value.strip().replaceAll("\\s*(\r\n|[\r\n])\\s*", "\n\n"), BodyFormat.TEXT);
    }

    private static Integer urgency(ArticleInput input, JsonNode item) throws ArticleReadException {
        JsonNode urgency = item.path("urgency");
        if (urgency.isMissingNode() || urgency.isNull()) {
            return null;
        }
        String text = urgency.asText().trim();
        boolean whole = urgency.canConvertToExactIntegral() || (urgency.isTextual() && text.matches("\\d{1,2}"));
        int value = urgency.isTextual() && whole ? Integer.parseInt(text) : urgency.asInt();
        if (!whole || value < 1 || value > 9) {
            throw new ArticleReadException(input.name(), "urgency " + urgency + " is not a whole number from 1 to 9");
        }
        return value;
    }

    /** ninjs 2.x and 3.x version is a string; some feeds write a number. Only whole numbers from 1 become revisions. */
    private static Optional<Integer> revision(JsonNode item) {
        return text(item, "version").flatMap(version -> {
            try {
                int revision = Integer.parseInt(version.trim());
                return revision >= 1 ? Optional.of(revision) : Optional.empty();
            } catch (NumberFormatException notNumeric) {
                return Optional.empty();
            }
        });
    }

    /** The first of the named fields present as a non-blank string or number. */
    private static Optional<String> text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    private static boolean hasText(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank();
    }

    private record Text(String value, BodyFormat format) {
    }
}
