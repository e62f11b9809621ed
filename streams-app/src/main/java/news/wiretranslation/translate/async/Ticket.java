package news.wiretranslation.translate.async;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import news.wiretranslation.translate.TranslationException;

/** One article's texts handed to a {@link Dispatcher}: its answer to come, and what the article may still ask. */
public interface Ticket {
    Lane lane();

    /**
     * Completes with one result per text, in order; or exceptionally with the {@link TranslationException} that
     * refused it, or a {@link CancellationException} after {@link #cancel()}. Completed on a dispatcher's thread
     * (or the caller's, for an {@link InlineDispatcher}): what the caller does with it is its own.
     */
    CompletableFuture<List<TextResult>> result();

    /** Serves this article's remaining texts at {@code urgency} if that is more urgent than before. */
    void boost(int urgency);

    /** Current urgency of this article's texts. */
    int urgency();

    /** Withdraws the article: its texts that no other article waits for leave the queue; its room is freed. */
    void cancel();
}
