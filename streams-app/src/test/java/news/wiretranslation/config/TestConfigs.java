package news.wiretranslation.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Builds configurations for tests the way the service does: from settings, through the real loader. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static Map<String, String> baseSettings(String bootstrapServers, String registryUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("SCHEMA_REGISTRY_URL", registryUrl);
        env.put("DEEPL_AUTH_KEY", "test-key:fx");
        env.put("TARGET_LANGUAGES", "EN-US,DE");
        return env;
    }

    public static ServiceConfig load(Map<String, String> env) {
        return new ConfigLoader(env, new Properties()).load();
    }
}
