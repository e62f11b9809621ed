package news.wiretranslation.registry;

import java.util.Locale;
import java.util.Map;

/**
 * Makes the client that {@code schema.registry.url} asks for: the shared in-memory registry for
 * {@code mock://<scope>}, the REST client otherwise.
 */
public final class SchemaRegistryClients {

    static final String MOCK_SCHEME = "mock://";

    private SchemaRegistryClients() {
    }

    /**
     * Validates the settings and returns a client.
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong (e.g. {@code schema.registry.url})
     */
    public static SchemaRegistryClient create(Map<String, ?> configs) {
        String urls = new ConfigValues(configs).string(SchemaRegistryClientConfig.URL_CONFIG).orElse("");
        if (urls.toLowerCase(Locale.ROOT).startsWith(MOCK_SCHEME)) {
            return MockSchemaRegistry.forScope(mockScope(urls));
        }
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.from(configs));
    }

    private static String mockScope(String urls) {
        String scope = urls.substring(MOCK_SCHEME.length()).trim();
        if (scope.contains(",")) {
            throw new IllegalArgumentException(SchemaRegistryClientConfig.URL_CONFIG
                    + " '" + urls + "': a mock:// URL must be the only URL");
        }
        if (scope.isEmpty()) {
            throw new IllegalArgumentException(SchemaRegistryClientConfig.URL_CONFIG
                    + " '" + urls + "': mock:// needs a scope name, e.g. mock://tests");
        }
        return scope;
    }
}
