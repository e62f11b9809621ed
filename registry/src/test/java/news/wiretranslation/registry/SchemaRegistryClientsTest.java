package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import news.wiretranslation.avro.RawArticle;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

    private static final String PASSWORD = "hunter2-secret";

    @AfterEach
    void dropScopes() {
        MockSchemaRegistry.dropScope("clients-a");
        MockSchemaRegistry.dropScope("clients-b");
    }

    @Test
    void missingRegistryUrlIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void missingRegistryUrlStopsSerdeConfiguration() {
        assertThatThrownBy(() -> new AvroSerde<>(RawArticle.class).configure(Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void urlThatIsNotHttpIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "localhost:8081")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("localhost:8081");
    }

    @Test
    void urlCarryingCredentialsIsRejectedWithoutShowingThem() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(
                Map.of("schema.registry.url", "http://user:" + PASSWORD + "@127.0.0.1:8081")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void mockUrlGivesTheRegistrySharedByItsScope() {
        SchemaRegistryClient first = SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://clients-a"));
        SchemaRegistryClient second = SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://clients-a"));
        SchemaRegistryClient other = SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://clients-b"));

        assertThat(first).isInstanceOf(MockSchemaRegistry.class).isSameAs(second).isNotSameAs(other);
    }

    @Test
    void droppedScopeStartsAFreshRegistry() {
        MockSchemaRegistry before = MockSchemaRegistry.forScope("clients-a");
        before.register("s-value", RawArticle.getClassSchema());

        MockSchemaRegistry.dropScope("clients-a");

        MockSchemaRegistry after = MockSchemaRegistry.forScope("clients-a");
        assertThat(after).isNotSameAs(before);
        assertThat(after.subjects()).isEmpty();
    }

    @Test
    void mockUrlNeedsAScopeAndMustStandAlone() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryClients.create(
                Map.of("schema.registry.url", "mock://clients-a,http://127.0.0.1:8081")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryClients.create(
                Map.of("schema.registry.url", "http://127.0.0.1:8081,mock://clients-a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void httpUrlsGiveTheRestClientAndAcceptAListOrCommas() {
        assertThat(SchemaRegistryClients.create(Map.of("schema.registry.url", "http://127.0.0.1:8081")))
                .isInstanceOf(RestSchemaRegistryClient.class);

        SchemaRegistryClientConfig fromText = SchemaRegistryClientConfig.from(
                Map.of("schema.registry.url", "http://127.0.0.1:8081, https://127.0.0.1:8082"));
        SchemaRegistryClientConfig fromList = SchemaRegistryClientConfig.from(
                Map.of("schema.registry.url", List.of("http://127.0.0.1:8081", "https://127.0.0.1:8082")));

        assertThat(fromText.urls()).hasSize(2).isEqualTo(fromList.urls());
        assertThat(fromText.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(fromText.basicAuth()).isEmpty();
    }

    @Test
    void unknownCredentialsSourceIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.credentials.source", "TOKEN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic.auth.credentials.source")
                .hasMessageContaining("TOKEN")
                .hasMessageContaining("USER_INFO");
    }

    @Test
    void confluentCredentialsSourcesThisClientLacksAreRejectedAsUnsupported() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic.auth.credentials.source")
                .hasMessageContaining("not support");
    }

    @Test
    void userInfoSourceWithoutUserInfoIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void userInfoWithoutColonIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void userInfoWithoutCredentialsSourceIsRejectedRatherThanIgnored() {
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.user.info", "svc:" + PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic.auth.credentials.source=USER_INFO")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void userInfoGivenAsKafkaPasswordIsReadAndNeverPrinted() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.from(Map.of(
                "schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", new Password("svc:" + PASSWORD)));

        assertThat(config.basicAuth()).contains(new BasicAuthCredentials("svc", PASSWORD));
        assertThat(config.toString()).contains("svc").doesNotContain(PASSWORD);
    }

    @Test
    void timeoutsMustBePositiveNumbersNamingTheSetting() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.from(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "http.read.timeout.ms", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.read.timeout.ms");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.from(Map.of("schema.registry.url", "http://127.0.0.1:8081",
                "http.connect.timeout.ms", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.connect.timeout.ms");
    }

    @Test
    void serdeFlagsMustBeBooleansNamingTheSetting() {
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);

        assertThatThrownBy(() -> serde.configure(Map.of("schema.registry.url", "mock://clients-a",
                "auto.register.schemas", "yes"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> serde.configure(Map.of("schema.registry.url", "mock://clients-a",
                "use.latest.version", "1"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use.latest.version");
    }

    @Test
    void serdeFlagsDefaultToConfluentsDefaults() {
        assertThat(AvroSerdeConfig.from(Map.of())).isEqualTo(new AvroSerdeConfig(true, false));
        assertThat(AvroSerdeConfig.from(Map.of("auto.register.schemas", "FALSE", "use.latest.version", true)))
                .isEqualTo(new AvroSerdeConfig(false, true));
    }
}
