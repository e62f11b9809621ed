package news.wiretranslation.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.registry.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends raw articles to a topic: key = article id (so that every revision of a story lands on one partition, in
 * order), value = the article as Confluent wire-format Avro.
 *
 * <p>Every article is serialized before the first is sent: a registry that is unreachable or refuses the schema, or
 * an article too big for Kafka, then stops the run with nothing sent. The producer is idempotent with
 * {@code acks=all}, so its own retries cannot duplicate or reorder a record, and {@link #send} returns only when
 * every record is acknowledged.
 */
final class ArticlePublisher implements AutoCloseable {

    /** Kafka's default limit on one record batch is 1 MiB; stay under it with room for the record's framing. */
    static final int MAX_RECORD_BYTES = 1_000_000;

    private final String topic;
    private final AvroSerde<RawArticle> serde;
    private final KafkaProducer<String, byte[]> producer;

    /** @param cluster the bootstrap servers and security settings ({@code ClusterOptions.kafkaClientProperties}) */
    ArticlePublisher(Map<String, Object> cluster, Map<String, Object> serdeConfigs, String topic) {
        this.topic = topic;
        this.serde = new AvroSerde<>(RawArticle.class);
        this.serde.configure(serdeConfigs, false);
        Map<String, Object> props = new HashMap<>(cluster);
        props.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "wire-translation-publish",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(60).toMillis()));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** An article serialized for the topic. */
    record Serialized(RawArticle article, byte[] value) {
    }

    /**
     * Serializes every article (registering or looking up the schema).
     *
     * @throws IllegalArgumentException naming the first article too big to send
     */
    List<Serialized> serialize(List<RawArticle> articles) {
        List<Serialized> serialized = new ArrayList<>(articles.size());
        for (RawArticle article : articles) {
            byte[] value = serde.serializer().serialize(topic, article);
            int size = value.length + article.getId().getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("article '" + article.getId() + "' is " + size
                        + " bytes as a record, above Kafka's default limit of about 1 MB");
            }
            serialized.add(new Serialized(article, value));
        }
        return serialized;
    }

    /**
     * Sends the records and waits for each acknowledgement, in order.
     *
     * @return where each record was written, in the order given
     * @throws ExecutionException with the first failure (records before it may have been written)
     */
    List<RecordMetadata> send(List<Serialized> records) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (Serialized record : records) {
            acks.add(producer.send(new ProducerRecord<>(topic, record.article().getId(), record.value())));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>(acks.size());
        for (Future<RecordMetadata> ack : acks) {
            written.add(ack.get());
        }
        return written;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        serde.close();
    }
}
