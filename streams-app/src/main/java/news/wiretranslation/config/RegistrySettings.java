package news.wiretranslation.config;

import java.util.HashMap;
import java.util.Map;

/** Translates the service's registry settings into the Confluent serde setting names that operators know. */
public final class RegistrySettings {
    public static final String URL = "schema.registry.url";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";

    private RegistrySettings() {
    }

    public static Map<String, Object> serdeConfigs(ServiceConfig.Registry registry) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(URL, registry.url());
        configs.put(AUTO_REGISTER, registry.autoRegister());
        registry.basicAuthUserInfo().ifPresent(userInfo -> {
            configs.put(CREDENTIALS_SOURCE, "USER_INFO");
            configs.put(USER_INFO, userInfo);
        });
        return configs;
    }
}
