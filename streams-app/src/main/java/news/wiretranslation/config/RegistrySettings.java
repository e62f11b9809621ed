package news.wiretranslation.config;

import java.util.HashMap;
import java.util.Map;

/** Translates the service's registry settings into the Confluent serde setting names that operators know. */
public final class RegistrySettings {
    public static final String URL = "schema.registry.url";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";

    private RegistrySettings() {
    }

    public static Map<String, Object> serdeConfigs(ServiceConfig.Registry registry) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(URL, registry.url());
        configs.put(AUTO_REGISTER, registry.autoRegister());
        configs.put(USE_LATEST_VERSION, registry.useLatestVersion());
        registry.basicAuthUserInfo().ifPresent(userInfo -> {
            configs.put(CREDENTIALS_SOURCE, "USER_INFO");
            configs.put(USER_INFO, userInfo);
        });
        registry.truststoreLocation().ifPresent(location -> {
            configs.put(TRUSTSTORE_LOCATION, location);
            configs.put(TRUSTSTORE_TYPE, registry.truststoreType());
            registry.truststorePassword().ifPresent(password -> configs.put(TRUSTSTORE_PASSWORD, password));
        });
        configs.put(CONNECT_TIMEOUT_MS, registry.timeout().toMillis());
        configs.put(READ_TIMEOUT_MS, registry.timeout().toMillis());
        configs.put(MAX_RETRIES, registry.maxRetries());
        configs.put(RETRIES_WAIT_MS, registry.retriesWait().toMillis());
        return configs;
    }
}
