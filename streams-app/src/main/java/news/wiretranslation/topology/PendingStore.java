package news.wiretranslation.topology;

import java.util.ArrayList;
import java.util.List;

import news.wiretranslation.config.TargetLanguage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The translate step's articles accepted and not yet emitted, per task and target, in a changelogged store keyed by
 * arrival number: written in the transaction that consumes the input, deleted in the one that emits the article,
 * so that whoever owns the task next resumes them (see {@link TranslationProcessor}).
 */
final class PendingStore {
    /** Name of the pending store, followed by the target's topic suffix. */
    static final String NAME_PREFIX = "translation-pending-";

    private final KeyValueStore<Long, byte[]> store;
    private long nextSequence;

    PendingStore(KeyValueStore<Long, byte[]> store) {
        this.store = store;
    }

    static String name(TargetLanguage target) {
        return NAME_PREFIX + target.topicSuffix();
    }

    /**
     * Cached: an article emitted within the commit interval it arrived in then costs the changelog one tombstone, not
     * a put and a delete.
     */
    static StoreBuilder<KeyValueStore<Long, byte[]>> builder(TargetLanguage target) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name(target)), Serdes.Long(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    /** Every article pending in the store, in arrival order; arrivals after them are numbered on. */
    List<PendingArticle> resume() {
        List<PendingArticle> articles = new ArrayList<>();
        long last = -1;
        try (KeyValueIterator<Long, byte[]> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<Long, byte[]> entry = entries.next();
                articles.add(PendingArticle.fromBytes(entry.value));
                last = Math.max(last, entry.key);
            }
        }
        nextSequence = last + 1;
        return articles;
    }

    /** The arrival number the next article added will have. */
    long nextSequence() {
        return nextSequence;
    }

    void add(PendingArticle article) {
        store.put(article.sequence(), article.toBytes());
        nextSequence = Math.max(nextSequence, article.sequence() + 1);
    }

    void remove(long sequence) {
        store.delete(sequence);
    }
}
