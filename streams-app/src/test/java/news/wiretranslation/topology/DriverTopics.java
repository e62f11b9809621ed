package news.wiretranslation.topology;

import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.registry.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The service's default topics (targets EN-US and DE) in a test driver, with serdes on the config's registry. */
record DriverTopics(AvroSerde<RawArticle> rawSerde, TestInputTopic<String, byte[]> input,
                    TestOutputTopic<String, Article> english, TestOutputTopic<String, Article> german,
                    TestOutputTopic<byte[], DeadLetter> deadLetters) {

    static DriverTopics open(TopologyTestDriver driver, ServiceConfig config) {
        Map<String, Object> registry = RegistrySettings.serdeConfigs(config.registry());
        return new DriverTopics(serde(RawArticle.class, registry),
                driver.createInputTopic("articles.raw", new StringSerializer(), new ByteArraySerializer()),
                driver.createOutputTopic("articles.normalized.en-us", new StringDeserializer(),
                        serde(Article.class, registry).deserializer()),
                driver.createOutputTopic("articles.normalized.de", new StringDeserializer(),
                        serde(Article.class, registry).deserializer()),
                driver.createOutputTopic("articles.dlq", new ByteArrayDeserializer(),
                        serde(DeadLetter.class, registry).deserializer()));
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, Map<String, Object> configs) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(configs, false);
        return serde;
    }
}
