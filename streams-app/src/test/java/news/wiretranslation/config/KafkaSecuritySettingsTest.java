package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.service.StreamsSettings;
import org.junit.jupiter.api.Test;

class KafkaSecuritySettingsTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"wire\" password=\"scram-secret\";";

    private static Map<String, String> env() {
        return new HashMap<>(TestConfigs.baseSettings("broker:9093", "http://registry:8081"));
    }

    @Test
    void saslAndSslSettingsReachKafkaStreamsAsKafkasOwnClientSettings() {
        Map<String, String> env = env();
        env.put("KAFKA_SECURITY_PROTOCOL", "sasl_ssl");
        env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("KAFKA_SASL_JAAS_CONFIG", JAAS);
        env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-secret");
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");

        ServiceConfig config = TestConfigs.load(env);
        Properties props = StreamsSettings.of(config);

        assertThat(props).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.password", "trust-secret")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .doesNotContainKey("ssl.keystore.location");
        assertThat(config.toString()).doesNotContain("scram-secret").doesNotContain("trust-secret");
    }

    @Test
    void plaintextIsTheDefaultAndAddsNothingElse() {
        Properties props = StreamsSettings.of(TestConfigs.load(env()));
        assertThat(props).containsEntry("security.protocol", "PLAINTEXT").doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void aSaslProtocolWithoutCredentialsStopsStartUpNamingTheSetting() {
        Map<String, String> env = env();
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        assertThatThrownBy(() -> TestConfigs.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void anUnknownProtocolStopsStartUpNamingTheSetting() {
        Map<String, String> env = env();
        env.put("KAFKA_SECURITY_PROTOCOL", "TLS");
        assertThatThrownBy(() -> TestConfigs.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
    }

    @Test
    void aMissingTrustStoreFileStopsStartUpNamingTheSetting() {
        Map<String, String> env = env();
        env.put("KAFKA_SECURITY_PROTOCOL", "SSL");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/nonexistent/truststore.p12");
        assertThatThrownBy(() -> TestConfigs.load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_SSL_TRUSTSTORE_LOCATION");
    }

    @Test
    void theToolsReadTheSecuritySettingsAloneWithoutTheServicesOtherSettings() {
        Map<String, String> env = Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "PLAIN", "KAFKA_SASL_JAAS_CONFIG", JAAS);

        Map<String, Object> props = new ConfigLoader(env, new Properties()).kafkaSecurity().clientProperties("broker:9093");

        assertThat(props).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", JAAS);
        assertThatThrownBy(() -> new ConfigLoader(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), new Properties()).kafkaSecurity())
                .isInstanceOf(ConfigException.class).hasMessageContaining("KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void everyClientOfTheServiceStartsFromTheSameConnectionSettings() {
        Map<String, String> env = env();
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_JAAS_CONFIG", JAAS);
        ServiceConfig config = TestConfigs.load(env);

        assertThat(config.kafkaClientProperties()).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", JAAS);
        assertThat(StreamsSettings.of(config)).containsAllEntriesOf(config.kafkaClientProperties());
    }
}
