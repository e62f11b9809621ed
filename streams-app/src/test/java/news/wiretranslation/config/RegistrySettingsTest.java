package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import news.wiretranslation.registry.SchemaRegistryClientConfig;
import org.junit.jupiter.api.Test;

/** The service's registry settings reach the serdes under Confluent's names, with the documented defaults. */
class RegistrySettingsTest {

    private static Map<String, String> with(String... pairs) {
        return TestConfigs.localSettingsWith(pairs);
    }

    @Test
    void defaultsGiveBoundedTimeoutsAndConfluentsRetries() {
        ServiceConfig.Registry registry = TestConfigs.load(with()).registry();
        Map<String, Object> serde = RegistrySettings.serdeConfigs(registry);

        assertThat(serde).containsEntry("schema.registry.url", "http://127.0.0.1:8081")
                .containsEntry("auto.register.schemas", true)
                .containsEntry("use.latest.version", false)
                .containsEntry("http.connect.timeout.ms", 10_000L)
                .containsEntry("http.read.timeout.ms", 10_000L)
                .containsEntry("max.retries", 3)
                .containsEntry("retries.wait.ms", 1_000L)
                .doesNotContainKeys("schema.registry.ssl.truststore.location", "basic.auth.user.info");
        SchemaRegistryClientConfig client = SchemaRegistryClientConfig.from(serde);
        assertThat(client.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(client.maxRetries()).isEqualTo(3);
    }

    @Test
    void everyRegistrySettingIsPassedOnUnderItsConfluentName() {
        ServiceConfig.Registry registry = TestConfigs.load(with(
                "SCHEMA_REGISTRY_AUTO_REGISTER", "false",
                "SCHEMA_REGISTRY_USE_LATEST_VERSION", "true",
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/registry/trust.p12",
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "tr0ub4dor",
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "pkcs12",
                "SCHEMA_REGISTRY_TIMEOUT_MS", "2500",
                "SCHEMA_REGISTRY_MAX_RETRIES", "0",
                "SCHEMA_REGISTRY_RETRIES_WAIT_MS", "250")).registry();

        assertThat(RegistrySettings.serdeConfigs(registry))
                .containsEntry("auto.register.schemas", false)
                .containsEntry("use.latest.version", true)
                .containsEntry("schema.registry.ssl.truststore.location", "/etc/registry/trust.p12")
                .containsEntry("schema.registry.ssl.truststore.password", "tr0ub4dor")
                .containsEntry("schema.registry.ssl.truststore.type", "PKCS12")
                .containsEntry("http.connect.timeout.ms", 2_500L)
                .containsEntry("http.read.timeout.ms", 2_500L)
                .containsEntry("max.retries", 0)
                .containsEntry("retries.wait.ms", 250L);
        assertThat(registry.toString()).contains("/etc/registry/trust.p12").doesNotContain("tr0ub4dor");
    }

    @Test
    void badRegistrySettingsStopStartUpNamingTheSettingAndHidingSecrets() {
        assertThatThrownBy(() -> TestConfigs.load(with("SCHEMA_REGISTRY_MAX_RETRIES", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SCHEMA_REGISTRY_MAX_RETRIES");
        assertThatThrownBy(() -> TestConfigs.load(with("SCHEMA_REGISTRY_TIMEOUT_MS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SCHEMA_REGISTRY_TIMEOUT_MS");
        assertThatThrownBy(() -> TestConfigs.load(with("SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PEM")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE");
        assertThatThrownBy(() -> TestConfigs.load(with("SCHEMA_REGISTRY_USE_LATEST_VERSION", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SCHEMA_REGISTRY_USE_LATEST_VERSION");
        assertThat(Setting.SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD.isSecret()).isTrue();
    }

    @Test
    void registrySettingsLoadWithoutTheServiceOnlySettings() {
        // `schemas check` needs the registry and the topics, not Kafka or DeepL.
        Map<String, String> env = Map.of("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081", "INPUT_TOPIC", "in");
        ConfigLoader loader = new ConfigLoader(env, new Properties());

        assertThat(loader.registry().url()).isEqualTo("http://127.0.0.1:8081");
        assertThat(loader.topics().input()).isEqualTo("in");
        assertThat(loader.targetLanguages()).extracting(TargetLanguage::code).containsExactly("EN-US");
        assertThat(new ServiceConfig.Registry("mock://x", Optional.empty(), true).maxRetries()).isEqualTo(3);
    }
}
