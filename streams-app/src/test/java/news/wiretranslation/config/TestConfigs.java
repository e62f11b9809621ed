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

    /** The base settings (local broker and registry addresses) with these key, value pairs added. */
    public static Map<String, String> baseSettingsWith(String... keyValues) {
        Map<String, String> env = baseSettings("127.0.0.1:9092", "http://127.0.0.1:8081");
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    public static ServiceConfig load(Map<String, String> env) {
        return new ConfigLoader(env, new Properties()).load();
    }
}
