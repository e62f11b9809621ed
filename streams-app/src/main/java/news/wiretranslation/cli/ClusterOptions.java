package news.wiretranslation.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.Setting;
import news.wiretranslation.registry.SchemaRegistryClients;
import picocli.CommandLine.Option;

/** Where the Kafka cluster and the schema registry are: options shared by the commands that talk to them. */
final class ClusterOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--registry", paramLabel = "URL",
            description = "Schema registry URL(s), or mock://<scope> for the in-process registry (default: $SCHEMA_REGISTRY_URL). "
                    + "Basic auth is read from $SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO.")
    String registryUrl;

    /**
     * @throws ConfigException when neither the option nor the environment variable gives the servers
     */
    String bootstrapServers() {
        return EnvDefaults.resolve(bootstrapServers, Setting.KAFKA_BOOTSTRAP_SERVERS).orElseThrow(() ->
                new ConfigException("--bootstrap-servers is required (or set " + Setting.KAFKA_BOOTSTRAP_SERVERS.env() + ")"));
    }

    /**
     * The bootstrap servers and the Kafka security settings ({@code KAFKA_SECURITY_PROTOCOL}, SASL, SSL) read from the
     * environment as the service reads them, as a Kafka client's properties.
     *
     * @throws ConfigException when the servers are missing or a security setting is wrong (naming it)
     */
    Map<String, Object> kafkaClientProperties() {
        return ConfigLoader.fromEnvironment(Optional.empty()).kafkaSecurity().clientProperties(bootstrapServers());
    }

    /**
     * The serde settings under Confluent's names, as the service builds them.
     *
     * @throws ConfigException when neither the option nor the environment variable gives the registry
     */
    Map<String, Object> serdeConfigs() {
        String url = EnvDefaults.resolve(registryUrl, Setting.SCHEMA_REGISTRY_URL).orElseThrow(() ->
                new ConfigException("--registry is required (or set " + Setting.SCHEMA_REGISTRY_URL.env() + ")"));
        Map<String, Object> configs = new HashMap<>();
        configs.put(RegistrySettings.URL, url);
        configs.put(RegistrySettings.AUTO_REGISTER,
                EnvDefaults.resolve(null, Setting.SCHEMA_REGISTRY_AUTO_REGISTER).orElse("true"));
        EnvDefaults.resolve(null, Setting.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO).ifPresent(userInfo -> {
            configs.put(RegistrySettings.CREDENTIALS_SOURCE, "USER_INFO");
            configs.put(RegistrySettings.USER_INFO, userInfo);
        });
        try {
            SchemaRegistryClients.create(configs); // validates the URL and credentials; contacts nothing
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--registry / " + Setting.SCHEMA_REGISTRY_URL.env() + ": " + e.getMessage(), e);
        }
        return configs;
    }
}
