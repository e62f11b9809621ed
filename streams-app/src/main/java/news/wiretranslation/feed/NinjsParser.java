package news.wiretranslation.feed;

import static news.wiretranslation.feed.NinjsFields.hasText;
import static news.wiretranslation.feed.NinjsFields.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.wiretranslation.article.ItemType;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * One IPTC ninjs news item, whatever its version: the three generations name the same things differently, and
 * agencies still send all of them.
 *
 * <ul>
 *   <li>3.x: camelCase ({@code versionCreated}, {@code headlines[]}, {@code bodies[].contentType},
 *       {@code copyrightHolder}, {@code infoSources});</li>
 *   <li>2.x: the same arrays with lower-case names ({@code versioncreated}, {@code bodies[].contenttype},
 *       {@code copyrightholder}, {@code infosources});</li>
 *   <li>1.x: single fields {@code headline}, {@code body_html}, {@code body_xhtml}, {@code body_text},
 *       {@code description_text}, {@code byline}.</li>
 * </ul>
 *
 * <p>Mapping: id = a slug of {@code uri} (stable across versions, as the record key must be), and the {@code uri}
 * itself → itemUri, which the translation keeps as its original's URI; {@code type} → itemType (absent: an item
 * with {@code eventDetails} is an event, one with {@code plannedCoverage} a planning item, any other a text);
 * {@code version} → revision when it is a whole number of 1 or more; {@code urgency} → urgency (it must be 1-9);
 * {@code language} → declaredLanguage; {@code versioncreated} → publishedAt; {@code by} ({@code byline} in 1.x) →
 * byline. The headline is the one with role {@code main}, else the first, else the 1.x {@code headline}. The body
 * is {@link NinjsBody}'s choice. Source: the provider, as the item names it: its first information source
 * ({@code infosources[].name}), else its {@code copyrightholder}, else its {@code by}, else the domain its
 * {@code uri} is in (Business Wire's items name nothing else), as a slug ({@code "SIPA USA"} → {@code sipa-usa}).
 *
 * <p>An item that is not text ({@link ItemType}) is read all the same, with its type, so that the reader refuses it
 * with the validator's reason ({@link ArticleRefusedException}) instead of sending a caption as an article.
 */
final class NinjsParser implements ArticleParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A NewsML URN names its provider's domain: {@code urn:newsml:dpa.com:20090101:190510-99-167362}. */
    private static final Pattern NEWSML_URN = Pattern.compile("(?i)urn:newsml:([^:]+):.*");

    @Override
    public List<ParsedArticle> parse(ArticleInput input, int skipLines, Instant now) throws ArticleReadException {
        JsonNode item = readJson(input);
        String uri = text(item, "uri").orElseThrow(() ->
                new ArticleReadException(input.name(), "has no \"uri\", which every ninjs item must have"));
        String type = itemType(item);
        Optional<NinjsBody> body = NinjsBody.of(item, type == null || type.equals(ItemType.TEXT));
        RawArticle.Builder article = ParsedArticle.newArticle(now)
                .setId(Slugs.fromUri(uri))
                .setItemUri(uri)
                .setItemType(type)
                .setHeadline(headline(item).orElse(""))
                .setBody(body.map(NinjsBody::value).orElse(""))
                .setBodyFormat(body.map(NinjsBody::format).orElse(BodyFormat.TEXT))
                .setDeclaredLanguage(text(item, "language").orElse(null))
                .setUrgency(urgency(input, item));
        provider(item, uri).map(Slugs::slug).ifPresent(article::setSource);
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
        text(item, "by", "byline").ifPresent(article::setByline);
        boolean text = ItemType.whyNotText(type, article.getBody()).isEmpty();
        if (text && article.getHeadline().isBlank() && article.getBody().isBlank()) {
            throw new ArticleReadException(input.name(), "has neither a headline nor a body in a text format");
        }
        return List.of(new ParsedArticle(0, article));
    }

    /** The item's nature as its {@code type} says, in lower case; when it says none, inferred from 3.x's blocks. */
    private static String itemType(JsonNode item) {
        Optional<String> declared = text(item, "type").map(type -> type.strip().toLowerCase(Locale.ROOT));
        if (declared.isPresent()) {
            return declared.get();
        }
        if (item.path("eventDetails").isObject()) {
            return "event";
        }
        if (item.has("plannedCoverage")) {
            return "planning";
        }
        return null;
    }

    /** Who provides the item: information source, copyright holder, {@code by}, then the domain of its uri. */
    private static Optional<String> provider(JsonNode item, String uri) {
        for (JsonNode source : infoSources(item)) {
            Optional<String> name = text(source, "name");
            if (name.isPresent()) {
                return name;
            }
        }
        return text(item, "copyrightholder", "copyrightHolder")
                .or(() -> text(item, "by", "byline"))
                .or(() -> domain(uri));
    }

    private static JsonNode infoSources(JsonNode item) {
        return item.has("infoSources") ? item.path("infoSources") : item.path("infosources");
    }

    /** {@code businesswire.com} for {@code http://www.businesswire.com/news/...}; {@code dpa.com} for a NewsML URN. */
    private static Optional<String> domain(String uri) {
        Matcher urn = NEWSML_URN.matcher(uri.strip());
        if (urn.matches()) {
            return Optional.of(urn.group(1));
        }
        try {
            String host = new URI(uri.strip()).getHost();
            return host == null ? Optional.empty() : Optional.of(host.replaceFirst("(?i)^www\\.", ""));
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
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
}
