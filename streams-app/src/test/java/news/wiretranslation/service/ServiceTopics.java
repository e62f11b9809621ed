package news.wiretranslation.service;

import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.registry.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What integration tests do to the service's topics from outside: create the input, publish articles, decode. */
public final class ServiceTopics {
    private ServiceTopics() {
    }

    public static void createTopic(String bootstrapServers, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Publishes the articles to the configured input topic, keyed by article id, as a producer would. */
    public static void publish(String bootstrapServers, ServiceConfig config, List<RawArticle> feed) {
        AvroSerde<RawArticle> serde = serde(RawArticle.class, config);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            for (RawArticle article : feed) {
                producer.send(new ProducerRecord<>(config.topics().input(), article.getId(),
                        serde.serializer().serialize(config.topics().input(), article)));
            }
            producer.flush();
        }
    }

    /** A serde configured with the service's registry settings. */
    public static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, ServiceConfig config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        return serde;
    }
}
