package news.wiretranslation.translate.async;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One distinct text to translate, for one or more articles. Guarded by the dispatcher's lock. */
final class TextJob {
    enum State { QUEUED, IN_FLIGHT, DONE }

    /** An article's interest in a text: its {@code index}, and which {@code piece} of it (-1: the whole text). */
    record Waiter(QueuedArticle ticket, int index, int piece) {
    }

    /** Most urgent first, then in arrival order. */
    static final Comparator<TextJob> MOST_URGENT_FIRST =
            Comparator.<TextJob>comparingInt(job -> job.priority).thenComparingLong(job -> job.order);

    final Lane lane;
    final String text;
    final long bytes;
    final long order;
    final long enqueuedNanos;
    final List<Waiter> waiters = new ArrayList<>(1);
    int priority;
    State state = State.QUEUED;

    TextJob(Lane lane, String text, long bytes, int priority, long order, long enqueuedNanos) {
        this.lane = lane;
        this.text = text;
        this.bytes = bytes;
        this.priority = priority;
        this.order = order;
        this.enqueuedNanos = enqueuedNanos;
    }
}
