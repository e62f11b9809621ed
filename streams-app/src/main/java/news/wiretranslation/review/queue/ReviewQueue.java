package news.wiretranslation.review.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import news.wiretranslation.avro.Article;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What waits for an editor, as the web pages read it: the desk's queue store, per target language, urgent stories
 * on top and the newest first among equally urgent ones.
 */
public final class ReviewQueue {
    /** IPTC urgency of an article that has none: the middle of the scale, as the translation queue counts it. */
    static final int DEFAULT_URGENCY = 5;

    /** Most urgent (lowest IPTC number) first; then the newest story; then by id, so the order is stable. */
    public static final Comparator<Article> ORDER = Comparator
            .comparingInt((Article article) -> article.getUrgency() == null ? DEFAULT_URGENCY : article.getUrgency())
            .thenComparing(Article::getVersionCreated, Comparator.reverseOrder())
            .thenComparing(Article::getId);

    private final Supplier<ReadOnlyKeyValueStore<String, Article>> store;

    /** @param store the queue store, asked anew each time (Kafka Streams hands out a new view after a rebalance) */
    public ReviewQueue(Supplier<ReadOnlyKeyValueStore<String, Article>> store) {
        this.store = store;
    }

    /** The items waiting in {@code language} (BCP 47, any case), in {@link #ORDER}. */
    public List<Article> waiting(String language) {
        String prefix = language.toLowerCase(Locale.ROOT) + "/";
        List<Article> items = new ArrayList<>();
        try (KeyValueIterator<String, Article> all = store.get().prefixScan(prefix,
                new org.apache.kafka.common.serialization.StringSerializer())) {
            while (all.hasNext()) {
                KeyValue<String, Article> entry = all.next();
                items.add(entry.value);
            }
        }
        items.sort(ORDER);
        return items;
    }

    /** The item waiting for this story in this language, if one does. */
    public Optional<Article> item(ItemKey key) {
        return Optional.ofNullable(store.get().get(key.text()));
    }
}
