package news.wiretranslation.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import news.wiretranslation.avro.RawArticle;

/**
 * Checks what the Avro schema cannot: that an article decoded from the wire carries the content the pipeline
 * needs. Fails with the field that is wrong, so the producer's team can fix it from the dead letter alone.
 *
 * <p>Timestamps ({@code publishedAt}, {@code receivedAt}) must lie between {@link #EARLIEST} and now plus
 * {@link #FUTURE_TOLERANCE}. Both are Avro longs, so any number arrives: a year of -17,700 or 292,278,994 is a
 * producer's bug (seconds or microseconds taken for milliseconds, an uninitialised field, a sign error), and an
 * article with it would sort wrongly, break latency metrics and reach consumers with a date no newsroom system
 * can show. 1900 is before any wire archive a newsroom would replay through the service; a day ahead covers clocks
 * out of step and a local time sent as UTC (at most 14 hours ahead), while seconds-for-milliseconds land in
 * January 1970 (accepted: it cannot be told from an archive date) and microseconds tens of thousands of years ahead.
 */
public final class ArticleValidator {
    /** The earliest timestamp accepted. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** How far ahead of this instance's clock a timestamp may be. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final Clock clock;

    public ArticleValidator(Clock clock) {
        this.clock = clock;
    }

    public ArticleValidator() {
        this(Clock.systemUTC());
    }

    public RawArticle validate(RawArticle raw) {
        if (raw == null) {
            throw new DeadLetterException(DeadLetterReason.EMPTY_RECORD, Stage.VALIDATE, null,
                    "the record has no value (a tombstone); an article was expected");
        }
        String id = raw.getId();
        if (id == null || id.isBlank()) {
            throw invalid(null, "id is blank");
        }
        if (raw.getSource() == null || raw.getSource().isBlank()) {
            throw invalid(id, "source is blank");
        }
        if (raw.getRevision() < 1) {
            throw invalid(id, "revision is " + raw.getRevision() + "; revisions start at 1");
        }
        Integer urgency = raw.getUrgency();
        if (urgency != null && (urgency < 1 || urgency > 9)) {
            throw invalid(id, "urgency is " + urgency + "; IPTC urgency runs from 1 (flash) to 9");
        }
        ItemType.whyNotText(raw.getItemType(), raw.getBody()).ifPresent(why -> {
            throw new DeadLetterException(DeadLetterReason.NOT_TEXT, Stage.VALIDATE, id, why);
        });
        checkTimestamp(id, "publishedAt", raw.getPublishedAt());
        checkTimestamp(id, "receivedAt", raw.getReceivedAt());
        if (isBlank(raw.getHeadline()) && isBlank(raw.getBody())) {
            throw new DeadLetterException(DeadLetterReason.EMPTY_ARTICLE, Stage.VALIDATE, id,
                    "headline and body are both empty");
        }
        return raw;
    }

    private void checkTimestamp(String id, String field, Instant value) {
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE).truncatedTo(ChronoUnit.SECONDS);
        if (value.isBefore(EARLIEST) || value.isAfter(latest)) {
            throw invalid(id, field + " is " + value + " (" + value.toEpochMilli() + " ms since the epoch); expected "
                    + EARLIEST + " to now + 1 day (" + latest + "); was a time in seconds or microseconds sent as milliseconds?");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static DeadLetterException invalid(String id, String problem) {
        return new DeadLetterException(DeadLetterReason.INVALID_ARTICLE, Stage.VALIDATE, id, problem);
    }
}
