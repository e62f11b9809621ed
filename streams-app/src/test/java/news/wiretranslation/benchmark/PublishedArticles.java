package news.wiretranslation.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.registry.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the raw topic, in order, as a wire producer does; when asked, stamps each with
 * {@code receivedAt} = the moment it is sent (wall clock), and remembers the stamp so that the {@link OutputWatcher}
 * can time the article end to end.
 */
final class PublishedArticles {
    /** When an article was sent, and whether it is a flash (IPTC urgency 1). */
    record Stamp(long receivedAtMillis, boolean flash) {
    }

    private final String bootstrap;
    private final Map<String, Object> serdeConfig;
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    PublishedArticles(String bootstrap, String registryUrl) {
        this.bootstrap = bootstrap;
        this.serdeConfig = Map.of("schema.registry.url", registryUrl);
    }

    static String key(String id, int revision) {
        return id + "#" + revision;
    }

    Stamp stamp(String key) {
        return stamps.get(key);
    }

    /** Publishes as fast as the broker takes them; receivedAt stamped at sending when {@code stamp}. */
    void publish(String topic, List<RawArticle> articles, boolean stamp) {
        publish(topic, articles, stamp, 0, i -> { });
    }

    /**
     * Publishes {@code articles} in order; at {@code perSecond} articles a second when positive, else at once;
     * {@code sent} hears the index of each article as it goes.
     */
    void publish(String topic, List<RawArticle> articles, boolean stamp, double perSecond, IntConsumer sent) {
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);
        serde.configure(serdeConfig, false);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, perSecond > 0 ? 0 : 20,
                // Not idempotent, one request in flight: retries after a fresh topic's first NOT_LEADER errors keep
                // order without the idempotent producer's sequence trouble on this one-node broker.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                if (perSecond > 0) {
                    long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                RawArticle article = articles.get(i);
                if (stamp) {
                    long now = System.currentTimeMillis();
                    article = RawArticle.newBuilder(article).setReceivedAt(Instant.ofEpochMilli(now)).build();
                    stamps.put(key(article.getId(), article.getRevision()), new Stamp(now, article.getUrgency() == 1));
                }
                producer.send(new ProducerRecord<>(topic, article.getId(), serde.serializer().serialize(topic, article)),
                        (metadata, failure) -> {
                            if (failure != null) {
                                failed.incrementAndGet();
                            }
                        });
                sent.accept(i);
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " articles could not be published to " + topic);
        }
    }
}
