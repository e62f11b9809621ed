package news.wiretranslation.review;

import java.util.Properties;

import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams settings of the desk: its own application id, the service's cluster, guarantee and limits. */
final class DeskStreamsSettings {
    /** A decision should show within a blink: commit (and so publish, under exactly-once) often. */
    private static final int COMMIT_INTERVAL_MS = 100;

    private DeskStreamsSettings() {
    }

    static Properties of(ServiceConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.review().applicationId());
        props.putAll(config.kafkaClientProperties());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.streams().processingGuarantee());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.streams().replicationFactor());
        config.streams().stateDir().ifPresent(dir -> props.put(StreamsConfig.STATE_DIR_CONFIG, dir));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        // The queue holds the service's review records, which may be as large as any record it writes.
        int recordLimit = config.sizes().recordLimit();
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), recordLimit);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(recordLimit));
        // A new desk starts with everything that waits: nothing sent to review before it started is skipped.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(RegistrySettings.serdeConfigs(config.registry()));
        return props;
    }
}
