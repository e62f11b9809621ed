package news.wiretranslation.review.queue;

import news.wiretranslation.avro.Article;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The queue as the desk's processors change it: the item waiting per key ({@link QueueStores#QUEUE}) and the newest
 * revision settled per key ({@link QueueStores#SETTLED}).
 */
public final class QueueState {
    private final KeyValueStore<String, Article> queue;
    private final KeyValueStore<String, Integer> settled;

    private QueueState(KeyValueStore<String, Article> queue, KeyValueStore<String, Integer> settled) {
        this.queue = queue;
        this.settled = settled;
    }

    /** The stores of the processor's task. */
    public static QueueState of(ProcessorContext<?, ?> context) {
        return new QueueState(context.getStateStore(QueueStores.QUEUE), context.getStateStore(QueueStores.SETTLED));
    }

    public Article waiting(String key) {
        return queue.get(key);
    }

    public void await(String key, Article article) {
        queue.put(key, article);
    }

    /** Whether this revision, or a newer one, was decided or published: then it never waits again. */
    public boolean isSettled(String key, int revision) {
        Integer settledRevision = settled.get(key);
        return settledRevision != null && settledRevision >= revision;
    }

    /** Records the revision as decided or published (never moving back), and removes what waits at or below it. */
    public void settle(String key, int revision) {
        if (!isSettled(key, revision)) {
            settled.put(key, revision);
        }
        Article waiting = queue.get(key);
        if (waiting != null && waiting.getVersion() <= revision) {
            queue.delete(key);
        }
    }
}
