package news.wiretranslation.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a real (REST) Schema Registry, read from Confluent's setting names.
 *
 * <p>Validation happens here, at configure time, so that a typo stops the service at start-up with a message naming
 * the setting rather than on the first record.
 *
 * @param urls           base URLs, tried in turn when one cannot be reached
 * @param basicAuth      credentials for HTTP Basic authentication, if any
 * @param connectTimeout how long to wait for a TCP connection to one URL
 * @param readTimeout    how long to wait for a whole response once the request is sent
 * @param trustStore     the certificates that {@code https://} registries are trusted by; empty = the JVM's default
 * @param maxRetries     how many times a request is sent again after a retriable failure (unreachable, timeout,
 *                       408, 429, 5xx); 0 = never
 * @param retriesWait    the wait before the first retry, doubled before each further one
 * @param retriesMaxWait the longest wait between two attempts
 */
public record SchemaRegistryClientConfig(
        List<URI> urls, Optional<BasicAuthCredentials> basicAuth, Duration connectTimeout, Duration readTimeout,
        Optional<RegistryTrustStore> trustStore, int maxRetries, Duration retriesWait, Duration retriesMaxWait) {

    /** Comma-separated base URLs of the registry, or {@code mock://<scope>} for the in-memory one. Required. */
    public static final String URL_CONFIG = "schema.registry.url";
    /** Where Basic credentials come from. Only {@code USER_INFO} is supported. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG = "basic.auth.credentials.source";
    /** {@code user:password} for {@code basic.auth.credentials.source=USER_INFO}. */
    public static final String USER_INFO_CONFIG = "basic.auth.user.info";
    /** Connect timeout per URL in milliseconds; Confluent's default, 60000. */
    public static final String HTTP_CONNECT_TIMEOUT_MS_CONFIG = "http.connect.timeout.ms";
    /** Request (response) timeout in milliseconds; Confluent's default, 60000. */
    public static final String HTTP_READ_TIMEOUT_MS_CONFIG = "http.read.timeout.ms";

    /** Trust store file for {@code https://} registries (Confluent's name). Empty: the JVM's default CAs. */
    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    /** The trust store's password, if it has one. Never shown. */
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    /** The trust store's format: {@code JKS} (default, as Confluent's) or {@code PKCS12}. */
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
    /** Retries of one request after a retriable failure (Confluent's name and default, 3). */
    public static final String MAX_RETRIES_CONFIG = "max.retries";
    /** Wait before the first retry in milliseconds, doubled each retry (Confluent's name and default, 1000). */
    public static final String RETRIES_WAIT_MS_CONFIG = "retries.wait.ms";
    /** Longest wait between two attempts in milliseconds (Confluent's name and default, 20000). */
    public static final String RETRIES_MAX_WAIT_MS_CONFIG = "retries.max.wait.ms";

    /** The only credentials source this client implements. */
    public static final String USER_INFO_SOURCE = "USER_INFO";
    static final long DEFAULT_TIMEOUT_MS = 60_000;
    static final int DEFAULT_MAX_RETRIES = 3;
    static final long DEFAULT_RETRIES_WAIT_MS = 1_000;
    static final long DEFAULT_RETRIES_MAX_WAIT_MS = 20_000;

    public SchemaRegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL_CONFIG + " must name at least one URL");
        }
        Objects.requireNonNull(basicAuth, "basicAuth");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(trustStore, "trustStore");
        if (maxRetries < 0) {
            throw new IllegalArgumentException(MAX_RETRIES_CONFIG + " must be 0 or more");
        }
        if (retriesWait == null || retriesWait.isNegative() || retriesMaxWait == null || retriesMaxWait.isNegative()) {
            throw new IllegalArgumentException(RETRIES_WAIT_MS_CONFIG + " and " + RETRIES_MAX_WAIT_MS_CONFIG
                    + " must be 0 or more");
        }
    }

    /** Plain HTTP or the JVM's default trust, and Confluent's default retries. */
    public SchemaRegistryClientConfig(
            List<URI> urls, Optional<BasicAuthCredentials> basicAuth, Duration connectTimeout, Duration readTimeout) {
        this(urls, basicAuth, connectTimeout, readTimeout, Optional.empty(), DEFAULT_MAX_RETRIES,
                Duration.ofMillis(DEFAULT_RETRIES_WAIT_MS), Duration.ofMillis(DEFAULT_RETRIES_MAX_WAIT_MS));
    }

    /**
     * Reads and validates the settings.
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    public static SchemaRegistryClientConfig from(Map<String, ?> configs) {
        ConfigValues values = new ConfigValues(configs);
        String urlList = values.string(URL_CONFIG).orElseThrow(() -> new IllegalArgumentException(
                "Missing required setting " + URL_CONFIG
                        + ": the Schema Registry base URL(s), comma-separated, or mock://<scope> for an in-memory registry"));
        return new SchemaRegistryClientConfig(
                parseUrls(urlList),
                basicAuth(values),
                Duration.ofMillis(values.positiveMillis(HTTP_CONNECT_TIMEOUT_MS_CONFIG).orElse(DEFAULT_TIMEOUT_MS)),
                Duration.ofMillis(values.positiveMillis(HTTP_READ_TIMEOUT_MS_CONFIG).orElse(DEFAULT_TIMEOUT_MS)),
                trustStore(values),
                values.nonNegativeInt(MAX_RETRIES_CONFIG).orElse(DEFAULT_MAX_RETRIES),
                Duration.ofMillis(values.nonNegativeMillis(RETRIES_WAIT_MS_CONFIG).orElse(DEFAULT_RETRIES_WAIT_MS)),
                Duration.ofMillis(values.nonNegativeMillis(RETRIES_MAX_WAIT_MS_CONFIG).orElse(DEFAULT_RETRIES_MAX_WAIT_MS)));
    }

    private static Optional<RegistryTrustStore> trustStore(ConfigValues values) {
        Optional<String> location = values.string(SSL_TRUSTSTORE_LOCATION_CONFIG);
        if (location.isEmpty()) {
            if (values.string(SSL_TRUSTSTORE_PASSWORD_CONFIG).isPresent()) {
                throw new IllegalArgumentException(SSL_TRUSTSTORE_PASSWORD_CONFIG + " is set but "
                        + SSL_TRUSTSTORE_LOCATION_CONFIG + " is not: set the trust store file too");
            }
            return Optional.empty();
        }
        RegistryTrustStore store;
        try {
            store = new RegistryTrustStore(java.nio.file.Path.of(location.get()),
                    values.string(SSL_TRUSTSTORE_PASSWORD_CONFIG), values.string(SSL_TRUSTSTORE_TYPE_CONFIG).orElse(null));
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(SSL_TRUSTSTORE_LOCATION_CONFIG + " '" + location.get()
                    + "' is not a file path: " + e.getMessage(), e);
        }
        store.load();
        return Optional.of(store);
    }

    private static List<URI> parseUrls(String urlList) {
        List<URI> urls = new ArrayList<>();
        for (String text : urlList.split(",")) {
            String trimmed = text.trim();
            if (!trimmed.isEmpty()) {
                urls.add(parseUrl(trimmed));
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL_CONFIG + " must name at least one URL");
        }
        return urls;
    }

    private static URI parseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid URL in " + URL_CONFIG + ": " + e.getMessage(), e);
        }
        if (uri.getRawUserInfo() != null) {
            // Checked before anything echoes the URL: it carries a password.
            throw new IllegalArgumentException(URL_CONFIG + " must not carry credentials (value not shown): set "
                    + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=" + USER_INFO_SOURCE + " and " + USER_INFO_CONFIG);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("mock")) {
            throw new IllegalArgumentException(URL_CONFIG + " '" + text
                    + "': a mock:// URL must be the only URL, and is served by SchemaRegistryClients.create");
        }
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("Invalid URL '" + text + "' in " + URL_CONFIG
                    + ": expected http://host:port or https://host:port");
        }
        return uri;
    }

    private static Optional<BasicAuthCredentials> basicAuth(ConfigValues values) {
        Optional<String> source = values.string(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG);
        Optional<String> userInfo = values.string(USER_INFO_CONFIG);
        if (source.isEmpty()) {
            if (userInfo.isPresent()) {
                // Confluent would silently send no credentials here; failing now saves a puzzling 401 later.
                throw new IllegalArgumentException(USER_INFO_CONFIG + " is set but " + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG
                        + " is not: set " + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=" + USER_INFO_SOURCE);
            }
            return Optional.empty();
        }
        String sourceName = source.get();
        if (!sourceName.equalsIgnoreCase(USER_INFO_SOURCE)) {
            String known = switch (sourceName.toUpperCase(Locale.ROOT)) {
                case "URL", "SASL_INHERIT" -> "is a Confluent value this client does not support";
                default -> "is unknown";
            };
            throw new IllegalArgumentException(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + " '" + sourceName + "' " + known
                    + ": the supported value is " + USER_INFO_SOURCE);
        }
        String info = userInfo.orElseThrow(() -> new IllegalArgumentException(USER_INFO_CONFIG + " is required when "
                + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=" + USER_INFO_SOURCE + ": give it as user:password"));
        return Optional.of(BasicAuthCredentials.parse(info));
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be greater than 0");
        }
    }
}
