package news.wiretranslation.review.queue;

/** The desk's two state stores, both with a changelog topic in Kafka: the desk keeps no state of its own. */
public final class QueueStores {
    /** Item key to the article waiting for a decision (the newest revision that arrived). */
    public static final String QUEUE = "review-queue";
    /**
     * Item key to the newest revision that was decided (approved or rejected) or published without review: an older
     * revision arriving later never waits again, and a second decision on it finds nothing.
     */
    public static final String SETTLED = "review-settled";

    private QueueStores() {
    }
}
