package news.wiretranslation.translate.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The end of the billing period in a {@code GET /v2/usage} answer: DeepL reports {@code start_time} and
 * {@code end_time} (ISO 8601) for Pro keys, nothing for Free keys. A quota used up in this period is renewed then.
 */
final class UsagePeriod {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UsagePeriod() {
    }

    /** The {@code end_time} of a usage answer; empty when it has none or it cannot be read (never an error). */
    static Optional<Instant> end(String body) {
        if (body == null || body.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode end = JSON.readTree(body).path("end_time");
            return end.isTextual() ? Optional.of(instant(end.asText())) : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty(); // the figure only informs operators: a format DeepL changes must not fail a probe
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant(); // with an offset other than Z
        }
    }
}
