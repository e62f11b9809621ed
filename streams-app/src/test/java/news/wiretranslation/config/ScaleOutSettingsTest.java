package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.service.StreamsSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The settings that decide how several instances share the work: standbys, static membership, timeouts. */
class ScaleOutSettingsTest {

    private static Map<String, String> with(String... pairs) {
        return TestConfigs.localSettingsWith(pairs);
    }

    @Test
    void byDefaultMembershipIsDynamicWithoutStandbysAndKafkasTimeouts() {
        ServiceConfig config = TestConfigs.load(with());
        Properties props = StreamsSettings.of(config);

        assertThat(config.streams().staticMembership()).isFalse();
        assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(0);
        assertThat(props).doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        assertThat(props).doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        // async mode's own floor for the transaction timeout stays when the setting is empty
        assertThat(props.get(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))).isEqualTo(60_000);
    }

    @Test
    void staticMembershipStandbysAndTimeoutsReachKafkaStreams() {
        ServiceConfig config = TestConfigs.load(with("GROUP_INSTANCE_ID", "wire-translation-2",
                "NUM_STANDBY_REPLICAS", "1", "SESSION_TIMEOUT_MS", "120000",
                "TRANSLATION_BACKPRESSURE_TIMEOUT_MS", "5000", "TRANSACTION_TIMEOUT_MS", "15000"));
        Properties props = StreamsSettings.of(config);

        assertThat(config.streams().staticMembership()).isTrue();
        assertThat(config.streams().groupInstanceId()).contains("wire-translation-2");
        assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))).isEqualTo("wire-translation-2");
        assertThat(props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))).isEqualTo(120_000);
        assertThat(props.get(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))).isEqualTo(15_000);
        // Kafka Streams accepts the whole set
        assertThat(new StreamsConfig(props).getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(config.streams().sessionTimeout()).contains(Duration.ofMinutes(2));
    }

    @Test
    void badValuesStopStartUpNamingTheSetting() {
        assertThatThrownBy(() -> TestConfigs.load(with("GROUP_INSTANCE_ID", "pod name with spaces")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GROUP_INSTANCE_ID");
        assertThatThrownBy(() -> TestConfigs.load(with("NUM_STANDBY_REPLICAS", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NUM_STANDBY_REPLICAS");
        assertThatThrownBy(() -> TestConfigs.load(with("SESSION_TIMEOUT_MS", "500")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SESSION_TIMEOUT_MS");
        // a transaction must outlive the longest wait for room in the translation queue
        assertThatThrownBy(() -> TestConfigs.load(with("TRANSACTION_TIMEOUT_MS", "20000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TRANSACTION_TIMEOUT_MS")
                .hasMessageContaining("TRANSLATION_BACKPRESSURE_TIMEOUT_MS");
    }
}
