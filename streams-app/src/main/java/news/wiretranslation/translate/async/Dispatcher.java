package news.wiretranslation.translate.async;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the translate step hands an article's texts to be translated, and learns of their translation through a
 * {@link Ticket}. Two ways: {@link TranslationDispatcher} (batched, on threads of its own: the stream thread never
 * waits for the engine) and {@link InlineDispatcher} (one request per article, on the calling stream thread: the
 * synchronous design, kept as the benchmark's baseline).
 */
public interface Dispatcher extends AutoCloseable {
    /** The least urgent IPTC urgency; an urgency out of range counts as this. */
    int ROUTINE = 9;

    /**
     * Takes the texts of one article, waiting up to {@code wait} for room.
     *
     * @param texts   non-empty texts (empty ones need no engine)
     * @param urgency IPTC urgency, 1 (flash) to 9; out-of-range values count as 9
     * @return the ticket, or empty when there was no room in time
     */
    Optional<Ticket> trySubmit(Lane lane, List<String> texts, int urgency, Duration wait) throws InterruptedException;

    /** Takes the texts of one article whether or not there is room (for articles admitted before, on resuming). */
    Ticket submitNow(Lane lane, List<String> texts, int urgency);

    /** True when a ticket is answered before the hand-over returns (the translation is done on the caller's thread). */
    default boolean answersOnSubmit() {
        return false;
    }

    @Override
    void close();
}
