package news.wiretranslation.feed;

import static news.wiretranslation.feed.NinjsFields.hasText;
import static news.wiretranslation.feed.NinjsFields.text;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import news.wiretranslation.avro.BodyFormat;

/**
 * The main body of a ninjs item, whatever its version, and how it is encoded.
 *
 * <p>Where each version keeps the body:
 * <ul>
 *   <li>2.x and 3.x: {@code bodies[]}, entries of {@code role}, {@code contenttype} ({@code contentType} in 3.x)
 *       and {@code value}. An entry is readable when its content type is plain text ({@code text/plain}) or HTML
 *       ({@code text/html}, {@code application/xhtml+xml}, TT's {@code text/html5}); an entry without a content type
 *       is plain text, or HTML when its role says so ({@code html}, {@code xhtml}), as the schema leaves it to the
 *       provider. XML bodies (NITF, TT's {@code application/xml} copy) are not readable here. The main body is the
 *       readable entry with role {@code main}, else the first readable one in the provider's order (providers list
 *       their main body first: TT's plain text before its HTML, the IPTC examples' text before its XHTML).</li>
 *   <li>1.x: {@code body_html}, then {@code body_xhtml} (Business Wire's only body), then {@code body_text}: the
 *       marked-up ones keep the paragraph structure.</li>
 *   <li>A text item with no body at all (NTB's short items): its first description, in the same order
 *       ({@code descriptions[]}, then {@code description_html}, {@code description_xhtml}, {@code description_text}).
 *       Not for other natures: a picture's caption or an event's description is not an article.</li>
 * </ul>
 * In a ninjs plain-text body every line break is a paragraph break (agencies do not hard-wrap ninjs text), so lines
 * become paragraphs for the pipeline, which otherwise joins wrapped lines.
 *
 * @param value  the body as the pipeline reads it
 * @param format HTML or TEXT
 */
record NinjsBody(String value, BodyFormat format) {

    /** The item's main body; descriptions stand in for it only when {@code descriptionsAreBody}. */
    static Optional<NinjsBody> of(JsonNode item, boolean descriptionsAreBody) {
        Optional<NinjsBody> body = main(item.path("bodies"))
                .or(() -> text(item, "body_html", "body_xhtml").map(NinjsBody::html))
                .or(() -> text(item, "body_text").map(NinjsBody::plain));
        if (body.isPresent() || !descriptionsAreBody) {
            return body;
        }
        return main(item.path("descriptions"))
                .or(() -> text(item, "description_html", "description_xhtml").map(NinjsBody::html))
                .or(() -> text(item, "description_text").map(NinjsBody::plain));
    }

    /** The readable entry with role main, else the first readable entry, of a bodies or descriptions array. */
    private static Optional<NinjsBody> main(JsonNode entries) {
        Optional<NinjsBody> first = Optional.empty();
        for (JsonNode entry : entries) {
            Optional<NinjsBody> readable = readable(entry);
            if (readable.isPresent() && "main".equalsIgnoreCase(entry.path("role").asText(""))) {
                return readable;
            }
            if (first.isEmpty()) {
                first = readable;
            }
        }
        return first;
    }

    private static Optional<NinjsBody> readable(JsonNode entry) {
        if (!hasText(entry.path("value"))) {
            return Optional.empty();
        }
        String value = entry.path("value").asText();
        String type = text(entry, "contenttype", "contentType").orElse("").toLowerCase(Locale.ROOT).strip();
        String role = entry.path("role").asText("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml+xml")
                || (type.isEmpty() && role.contains("html"))) {
            return Optional.of(html(value));
        }
        if (type.isEmpty() || type.startsWith("text/plain")) {
            return Optional.of(plain(value));
        }
        return Optional.empty();
    }

    private static NinjsBody html(String value) {
        return new NinjsBody(value, BodyFormat.HTML);
    }

    private static NinjsBody plain(String value) {
        return new NinjsBody(value.strip().replaceAll("\\s*(\r\n|[\r\n])\\s*", "\n\n"), BodyFormat.TEXT);
    }
}
