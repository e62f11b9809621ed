package news.wiretranslation.service;

import java.util.Properties;

import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.deadletter.DeadLetterDeserializationHandler;
import news.wiretranslation.deadletter.DeadLetterProcessingHandler;
import news.wiretranslation.deadletter.DeadLetterProductionHandler;
import news.wiretranslation.deadletter.DeadLetterRecords;
import news.wiretranslation.deadletter.OutputRefusals;
import news.wiretranslation.topology.CommitPacing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams properties the service runs with, derived from its configuration. */
public final class StreamsSettings {
    private StreamsSettings() {
    }

    /**
     * A replay instance's settings: the service's, except that a record that cannot be deserialized is logged and
     * skipped, since the live service dead-lettered it when it first read it.
     */
    public static Properties forReplay(ServiceConfig config, DeadLetterRecords.Counter deadLetters,
                                       OutputRefusals refusals) {
        Properties props = of(config, deadLetters, refusals);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        return props;
    }

    /** The service's settings, dead letters uncounted (for tests of the settings alone). */
    public static Properties of(ServiceConfig config) {
        return of(config, DeadLetterRecords.Counter.NONE, new OutputRefusals());
    }

    /**
     * The service's settings; the exception handlers count the dead letters they write into {@code deadLetters}, and
     * the production handler remembers outputs the broker refused under exactly-once in {@code refusals}, which the
     * translate steps must share (see {@code TranslateStep.refusals}).
     */
    public static Properties of(ServiceConfig config, DeadLetterRecords.Counter deadLetters, OutputRefusals refusals) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        // With SASL/SSL: Kafka's own client settings, for the consumer, producers and admin client alike.
        props.putAll(config.kafkaClientProperties());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.streams().processingGuarantee());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streams().threads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.streams().replicationFactor());
        config.streams().stateDir().ifPresent(dir -> props.put(StreamsConfig.STATE_DIR_CONFIG, dir));
        config.streams().commitIntervalMs().ifPresent(ms -> props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, ms));
        if (config.async().mode() == ServiceConfig.TranslationMode.ASYNC) {
            // Fewer, larger transactions under a backlog; the translate step asks for commits sooner when caught up.
            // (The synchronous baseline keeps Kafka's defaults, as it always had.)
            props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, CommitPacing.BACKLOG_COMMIT_INTERVAL.toMillis());
            // An idle stream thread looks for finished translations this often (poll.ms bounds its wait for input).
            props.put(StreamsConfig.POLL_MS_CONFIG, config.async().emitInterval().toMillis());
            // A stream thread waiting for room in the translation queue holds its transaction open: the broker must
            // not abort it meanwhile (Kafka Streams sets 10 s under exactly-once).
            long transactionTimeout = Math.max(60_000, config.async().backpressureTimeout().toMillis() + 30_000);
            props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) transactionTimeout);
        }
        scaleOut(config.streams(), props);
        // Every record an article may need (about 3x its size, MAX_ARTICLE_BYTES) can be sent, and the changelogs
        // Kafka Streams creates hold it; the topics the service creates match (TopicProvisioner).
        int recordLimit = config.sizes().recordLimit();
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), recordLimit);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(recordLimit));
        // A new consumer group starts with the oldest article: nothing published before start-up is skipped.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

        // Failures become dead letters in one Avro format, written in the same transaction as the outputs.
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetter());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put(DeadLetterRecords.COUNTER_CONFIG, deadLetters);
        props.put(OutputRefusals.CONFIG, refusals);
        // The handlers serialize dead letters with the registry settings.
        props.putAll(RegistrySettings.serdeConfigs(config.registry()));
        return props;
    }

    /**
     * How instances share the work. A transaction left open by a crashed instance blocks its partitions for the
     * next owner until the broker aborts it, so the transaction timeout bounds the failover pause together with the
     * session timeout (an instance restarted on the same state directory keeps its process id, hence its
     * transactional ids, and fences its predecessor at once).
     */
    private static void scaleOut(ServiceConfig.Streams streams, Properties props) {
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, streams.standbyReplicas());
        // Kafka Streams gives each stream thread's consumer "<id>-<thread index>".
        streams.groupInstanceId().ifPresent(id -> props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        streams.sessionTimeout().ifPresent(timeout ->
                props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) timeout.toMillis()));
        streams.transactionTimeout().ifPresent(timeout ->
                props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) timeout.toMillis()));
    }
}
