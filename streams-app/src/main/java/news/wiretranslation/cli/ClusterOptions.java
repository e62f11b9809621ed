package news.wiretranslation.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.Setting;
import news.wiretranslation.registry.SchemaRegistryClients;
import picocli.CommandLine.Option;

/**
 * Where the Kafka cluster and the schema registry are: options shared by the commands that talk to them. The settings
 * are the service's own, read by its loader (environment, then {@code --config}, then the defaults); the options
 * override single settings on top, so a tool reaches the cluster and the registry exactly as the service does.
 */
final class ClusterOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with the service's settings, as for run. Environment variables win.")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS). "
                    + "Security (SASL, SSL) as the service's KAFKA_* settings say.")
    String bootstrapServers;

    @Option(names = "--registry", paramLabel = "URL",
            description = "Schema registry URL(s), or mock://<scope> for the in-process registry (default: $SCHEMA_REGISTRY_URL). "
                    + "Basic auth, trust store, timeouts and retries as the service's SCHEMA_REGISTRY_* settings say.")
    String registryUrl;

    /** Replaced in tests. */
    Map<String, String> environment = System.getenv();

    /** The service's settings with the options on top. */
    ConfigLoader settings() {
        return ConfigLoader.of(environment, Optional.ofNullable(configFile))
                .withOption(Setting.KAFKA_BOOTSTRAP_SERVERS, "--bootstrap-servers", bootstrapServers)
                .withOption(Setting.SCHEMA_REGISTRY_URL, "--registry", registryUrl);
    }

    /**
     * The bootstrap servers and the Kafka security settings, as a Kafka client's properties.
     *
     * @throws ConfigException when the servers are missing or a security setting is wrong (naming it)
     */
    Map<String, Object> kafkaClientProperties() {
        return settings().kafkaClientProperties();
    }

    /**
     * The registry client's settings under Confluent's names, as the service builds them.
     *
     * @throws ConfigException when the registry is missing or a registry setting is wrong (naming it)
     */
    Map<String, Object> registryClientSettings() {
        Map<String, Object> configs = RegistrySettings.serdeConfigs(settings().registry());
        try {
            SchemaRegistryClients.create(configs); // validates the URL, credentials and trust store; contacts nothing
        } catch (IllegalArgumentException e) {
            throw new ConfigException("The schema registry settings (--registry, SCHEMA_REGISTRY_*): " + e.getMessage(), e);
        }
        return configs;
    }
}
