package news.wiretranslation.review.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.registry.AvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes editors' decision requests to the requests topic, keyed by story id like the review topic, and waits until
 * Kafka has them: the editor is told "sent" only for a request that will be applied (or audited as too late).
 */
public final class DecisionSender implements AutoCloseable {
    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final KafkaProducer<String, ReviewRequest> producer;
    private final String topic;

    public DecisionSender(ServiceConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.review().applicationId() + "-web");
        AvroSerializer<ReviewRequest> values = new AvroSerializer<>(ReviewRequest.class);
        values.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
        this.topic = config.review().requestsTopic();
    }

    public void send(ReviewRequest request) {
        try {
            producer.send(new ProducerRecord<>(topic, request.getStoryId(), request)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the decision", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the decision: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
