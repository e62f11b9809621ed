package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.registry.SchemaRegistryClientConfig;
import news.wiretranslation.service.StreamsSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every tool reaches the Kafka cluster and the schema registry exactly as the service does: the same settings, read
 * by the same loader, with the command-line options overriding single settings on top.
 */
class ToolsConnectAsTheServiceTest {
    private static final String STORE_PASSWORD = "trust-secret";
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"wire\" password=\"scram-secret\";";

    @TempDir
    Path dir;

    private Path trustStore;

    @BeforeEach
    void writeTrustStore() throws Exception {
        trustStore = dir.resolve("trust.p12");
        writeTrustStore(trustStore);
    }

    /** The registry and Kafka settings an operator of a private, authenticated cluster sets. */
    private Map<String, String> securedEnvironment() {
        Map<String, String> env = TestConfigs.localSettingsWith(
                "SCHEMA_REGISTRY_URL", "https://127.0.0.1:8081",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "wire:registry-secret",
                "SCHEMA_REGISTRY_AUTO_REGISTER", "false",
                "SCHEMA_REGISTRY_USE_LATEST_VERSION", "true",
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", trustStore.toString(),
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD,
                "SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "SCHEMA_REGISTRY_TIMEOUT_MS", "2500",
                "SCHEMA_REGISTRY_MAX_RETRIES", "7",
                "SCHEMA_REGISTRY_RETRIES_WAIT_MS", "250",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", trustStore.toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", STORE_PASSWORD,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        return env;
    }

    @Test
    void publishTailReplayAndSchemasBuildTheServicesRegistryClientSettings() {
        Map<String, String> env = securedEnvironment();
        ServiceConfig service = TestConfigs.load(env);
        Map<String, Object> serviceRegistry = RegistrySettings.serdeConfigs(service.registry());

        Map<String, Object> publish = cluster(env, "publish").registryClientSettings();
        Map<String, Object> tail = cluster(env, "tail").registryClientSettings();
        Map<String, Object> replay = RegistrySettings.serdeConfigs(replay(env).settings().load().registry());
        Map<String, Object> schemas = schemasCheck(env).registryClientSettings();

        assertThat(serviceRegistry)
                .containsEntry("schema.registry.url", "https://127.0.0.1:8081")
                .containsEntry("basic.auth.user.info", "wire:registry-secret")
                .containsEntry("use.latest.version", true)
                .containsEntry("auto.register.schemas", false)
                .containsEntry("schema.registry.ssl.truststore.location", trustStore.toString())
                .containsEntry("schema.registry.ssl.truststore.password", STORE_PASSWORD)
                .containsEntry("http.read.timeout.ms", 2_500L)
                .containsEntry("max.retries", 7)
                .containsEntry("retries.wait.ms", 250L);
        assertThat(StreamsSettings.of(service)).containsAllEntriesOf(serviceRegistry);
        assertThat(publish).isEqualTo(serviceRegistry);
        assertThat(tail).isEqualTo(serviceRegistry);
        assertThat(replay).isEqualTo(serviceRegistry);
        assertThat(schemas).isEqualTo(serviceRegistry);
        assertThat(SchemaRegistryClientConfig.from(publish)).isEqualTo(SchemaRegistryClientConfig.from(serviceRegistry));
    }

    @Test
    void publishTailAndReplayBuildTheServicesKafkaClientProperties() {
        Map<String, String> env = securedEnvironment();
        ServiceConfig service = TestConfigs.load(env);

        assertThat(service.kafkaClientProperties()).containsEntry("bootstrap.servers", "127.0.0.1:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", trustStore.toString());
        assertThat(StreamsSettings.of(service)).containsAllEntriesOf(service.kafkaClientProperties());
        assertThat(cluster(env, "publish").kafkaClientProperties()).isEqualTo(service.kafkaClientProperties());
        assertThat(cluster(env, "tail").kafkaClientProperties()).isEqualTo(service.kafkaClientProperties());
        assertThat(replay(env).settings().load().kafkaClientProperties()).isEqualTo(service.kafkaClientProperties());
    }

    @Test
    void theToolsNeedNoneOfTheServiceOnlySettings() {
        Map<String, String> env = securedEnvironment();
        env.remove("DEEPL_AUTH_KEY");
        env.remove("TARGET_LANGUAGES");

        assertThatThrownBy(() -> TestConfigs.load(env)).hasMessageContaining("DEEPL_AUTH_KEY");
        assertThat(cluster(env, "publish").registryClientSettings()).containsEntry("max.retries", 7);
        assertThat(cluster(env, "tail").kafkaClientProperties()).containsEntry("sasl.jaas.config", JAAS);
        assertThat(schemasCheck(env).registryClientSettings()).containsEntry("use.latest.version", true);
    }

    @Test
    void theOptionsOverrideTheirSettingAndKeepEveryOther() {
        Map<String, String> env = securedEnvironment();

        ClusterOptions options = cluster(env, "tail", "--bootstrap-servers", "127.0.0.1:19092",
                "--registry", "https://127.0.0.1:18081");
        Map<String, Object> schemas = schemasCheck(env, "--registry", "https://127.0.0.1:18081").registryClientSettings();

        Map<String, Object> registry = options.registryClientSettings();
        assertThat(registry).containsEntry("schema.registry.url", "https://127.0.0.1:18081");
        Map<String, Object> rest = new HashMap<>(registry);
        rest.remove("schema.registry.url");
        assertThat(RegistrySettings.serdeConfigs(TestConfigs.load(env).registry())).containsAllEntriesOf(rest);
        assertThat(schemas).isEqualTo(registry);
        assertThat(options.kafkaClientProperties()).containsEntry("bootstrap.servers", "127.0.0.1:19092")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", JAAS);
    }

    @Test
    void aConfigFileServesPublishAndTailAsItServesRunAndTheEnvironmentWins() throws Exception {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, String.join("\n",
                "kafka.bootstrap.servers=127.0.0.1:29092",
                "schema.registry.url=http://127.0.0.1:28081",
                "schema.registry.max.retries=9",
                "schema.registry.timeout.ms=1500"));
        Map<String, String> env = Map.of("SCHEMA_REGISTRY_MAX_RETRIES", "1");

        for (String command : new String[]{"publish", "tail"}) {
            ClusterOptions options = cluster(env, command, "--config", file.toString());
            assertThat(options.kafkaClientProperties()).containsEntry("bootstrap.servers", "127.0.0.1:29092");
            assertThat(options.registryClientSettings()).containsEntry("schema.registry.url", "http://127.0.0.1:28081")
                    .containsEntry("http.connect.timeout.ms", 1_500L)
                    .containsEntry("max.retries", 1);
        }
    }

    @Test
    void aMissingClusterOrRegistryNamesTheOptionAndTheSetting() {
        ClusterOptions options = cluster(Map.of(), "publish");

        assertThatThrownBy(options::kafkaClientProperties).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--bootstrap-servers").hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(options::registryClientSettings).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--registry").hasMessageContaining("SCHEMA_REGISTRY_URL");
    }

    @Test
    void aWrongRegistrySettingStopsATool() {
        Map<String, String> env = securedEnvironment();
        env.put("SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "not-the-password");

        assertThatThrownBy(() -> cluster(env, "publish").registryClientSettings()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore").hasMessageNotContaining("not-the-password");
    }

    @Test
    void tailReadsTheFirstTargetLanguageAndTheTopicNamesAsTheServiceParsesThem() {
        Map<String, String> env = Map.of("TARGET_LANGUAGES", " pt-br , EN-US", "OUTPUT_TOPIC_PREFIX", "news.",
                "DLQ_TOPIC", "news.dead");

        assertThat(tail(env).topic()).isEqualTo("news.pt-br");
        assertThat(tail(env, "--language", "de").topic()).isEqualTo("news.de");
        assertThat(tail(env, "--dlq").topic()).isEqualTo("news.dead");
        assertThat(tail(env, "--topic", "anything").topic()).isEqualTo("anything");
        assertThat(tail(Map.of()).topic()).isEqualTo("articles.normalized.en-us");
        assertThatThrownBy(() -> tail(Map.of("TARGET_LANGUAGES", "english")).topic())
                .isInstanceOf(ConfigException.class).hasMessageContaining("TARGET_LANGUAGES");
        assertThatThrownBy(() -> tail(Map.of(), "--language", "en us").topic())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--language");
    }

    private static Object command(String... args) {
        CommandLine.ParseResult parsed = WireTranslation.commandLine().parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().userObject();
    }

    private static ClusterOptions cluster(Map<String, String> env, String... args) {
        Object command = command(args);
        ClusterOptions options = command instanceof PublishCommand publish ? publish.cluster : ((TailCommand) command).cluster;
        options.environment = env;
        return options;
    }

    private static TailCommand tail(Map<String, String> env, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "tail";
        System.arraycopy(options, 0, args, 1, options.length);
        TailCommand tail = (TailCommand) command(args);
        tail.cluster.environment = env;
        return tail;
    }

    private static ReplayCommand replay(Map<String, String> env) {
        ReplayCommand replay = (ReplayCommand) command("replay");
        replay.environment = env;
        return replay;
    }

    private static SchemasCommand.Base schemasCheck(Map<String, String> env, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "schemas";
        args[1] = "check";
        System.arraycopy(options, 0, args, 2, options.length);
        SchemasCommand.Base check = (SchemasCommand.Base) command(args);
        check.environment = env;
        return check;
    }

    /** A PKCS12 trust store holding one certificate, taken from the JDK's own CAs. */
    private static void writeTrustStore(Path file) throws Exception {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        KeyStore jdk = KeyStore.getInstance(cacerts.toFile(), "changeit".toCharArray());
        String alias = Collections.list(jdk.aliases()).get(0);
        Certificate certificate = jdk.getCertificate(alias);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", certificate);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
    }
}
