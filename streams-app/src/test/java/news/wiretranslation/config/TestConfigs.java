package news.wiretranslation.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.translate.deepl.DeepLStandIn;

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

    /** Base settings of application {@code app}, translating with the DeepL-API stand-in {@code deepL}. */
    public static Map<String, String> standInSettings(String bootstrapServers, String registryUrl, DeepLStandIn deepL,
                                                      String app) {
        Map<String, String> env = baseSettings(bootstrapServers, registryUrl);
        env.put("DEEPL_AUTH_KEY", deepL.authKey());
        env.put("DEEPL_SERVER_URL", deepL.url());
        env.put("APPLICATION_ID", app);
        return env;
    }

    /** The same, with topics of the application's own: {@code app.raw}, {@code app.out.<lang>}, {@code app.dlq}. */
    public static Map<String, String> ownTopicSettings(String bootstrapServers, String registryUrl, DeepLStandIn deepL,
                                                       String app) {
        Map<String, String> env = standInSettings(bootstrapServers, registryUrl, deepL, app);
        env.put("INPUT_TOPIC", app + ".raw");
        env.put("OUTPUT_TOPIC_PREFIX", app + ".out.");
        env.put("DLQ_TOPIC", app + ".dlq");
        return env;
    }

    /** Base settings for a broker and registry on 127.0.0.1 (never contacted), plus the given name-value pairs. */
    public static Map<String, String> localSettingsWith(String... pairs) {
        Map<String, String> env = baseSettings("127.0.0.1:9092", "http://127.0.0.1:8081");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    public static ServiceConfig load(Map<String, String> env) {
        return new ConfigLoader(env, new Properties()).load();
    }
}
