package news.wiretranslation.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses the date-times feeds carry: ISO-8601 instants ({@code ...Z}) or with an offset ({@code ...+02:00}). */
final class Timestamps {
    private Timestamps() {
    }

    /**
     * @throws DateTimeParseException when the text is neither form
     */
    static Instant parse(String text) {
        String trimmed = text.trim();
        try {
            return Instant.parse(trimmed);
        } catch (DateTimeParseException notAnInstant) {
            return OffsetDateTime.parse(trimmed).toInstant();
        }
    }
}
