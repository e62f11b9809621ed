package news.wiretranslation.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.logging.LogFormat;

/**
 * Reads {@link ServiceConfig} from environment variables, falling back to an optional properties file and
 * then to each {@link Setting}'s default. Every problem stops start-up with a message naming the setting.
 */
public final class ConfigLoader {
    private final Map<String, String> environment;
    private final Properties file;
    /** The command-line option that also gives a setting, named in the message when the setting is missing. */
    private final Map<Setting, String> options;

    public ConfigLoader(Map<String, String> environment, Properties file) {
        this(environment, file, Map.of());
    }

    private ConfigLoader(Map<String, String> environment, Properties file, Map<Setting, String> options) {
        this.environment = Map.copyOf(environment);
        this.file = file;
        this.options = Map.copyOf(options);
    }

    /** The process environment plus, when given, the properties file at {@code path}. */
    public static ConfigLoader fromEnvironment(Optional<Path> propertiesFile) {
        return of(System.getenv(), propertiesFile);
    }

    /** {@code environment} plus, when given, the properties file at {@code path}: what every command reads. */
    public static ConfigLoader of(Map<String, String> environment, Optional<Path> propertiesFile) {
        return new ConfigLoader(environment, propertiesFile.map(ConfigLoader::readProperties).orElseGet(Properties::new));
    }

    /**
     * This loader with {@code overrides} on top of the environment and the file, for a tool that runs the service with
     * a few settings of its own (e.g. the replay's application id).
     */
    public ConfigLoader withOverrides(Map<Setting, String> overrides) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        overrides.forEach((setting, value) -> merged.put(setting.env(), value));
        return new ConfigLoader(merged, file, options);
    }

    /**
     * This loader with a command-line option's value on top of the environment and the file; a null or blank value
     * (the option not given) leaves the setting as the environment, the file or its default says. When the setting is
     * missing, the message names the option too.
     */
    public ConfigLoader withOption(Setting setting, String option, String value) {
        Map<Setting, String> named = new java.util.HashMap<>(options);
        named.put(setting, option);
        ConfigLoader withName = new ConfigLoader(environment, file, named);
        return value == null || value.isBlank() ? withName : withName.withOverrides(Map.of(setting, value));
    }

    public static Properties readProperties(Path path) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + path + ": " + e.getMessage(), e);
        }
        return properties;
    }

    public ServiceConfig load() {
        return new ServiceConfig(
                bootstrapServers(),
                required(Setting.APPLICATION_ID),
                registry(),
                topics(),
                targetLanguages(),
                parse(Setting.SOURCE_LANGUAGES, ConfigLoader::sourceLanguages, "a comma-separated list of ISO 639-1 codes such as fr,de"),
                engine(),
                engine() == ServiceConfig.Engine.DEEPL ? Optional.of(deepL()) : Optional.empty(),
                new ServiceConfig.Apertium(
                        optional(Setting.APERTIUM_URL).map(url -> httpUrl(Setting.APERTIUM_URL, url)),
                        Duration.ofMillis(positiveInt(Setting.APERTIUM_TIMEOUT_MS))),
                new ServiceConfig.Retry(
                        positiveInt(Setting.TRANSLATION_MAX_ATTEMPTS),
                        Duration.ofMillis(nonNegativeLong(Setting.TRANSLATION_RETRY_BACKOFF_MS))),
                new ServiceConfig.Detection(
                        parse(Setting.DETECTION_ACCURACY, ConfigLoader::accuracy, "low or high"),
                        positiveInt(Setting.DETECTION_MAX_CHARS),
                        parse(Setting.DETECTION_MIN_CONFIDENCE, ConfigLoader::fraction, "a number from 0 to 1")),
                new ServiceConfig.Labelling(
                        optional(Setting.NORMALIZATION_RULES_FILE).map(v -> readableFile(Setting.NORMALIZATION_RULES_FILE, v)),
                        optional(Setting.DISCLAIMERS_FILE).map(v -> readableFile(Setting.DISCLAIMERS_FILE, v)),
                        bool(Setting.QUALITY_CHECKS),
                        parse(Setting.QUALITY_MIN_LENGTH_RATIO, ConfigLoader::positiveDouble, "a positive number"),
                        parse(Setting.QUALITY_MAX_LENGTH_RATIO, ConfigLoader::positiveDouble, "a positive number"),
                        optional(Setting.QUALITY_REVIEW_TOPIC).map(v -> topic(Setting.QUALITY_REVIEW_TOPIC))),
                new ServiceConfig.Streams(
                        parse(Setting.PROCESSING_GUARANTEE, ConfigLoader::guarantee, "exactly_once_v2 or at_least_once"),
                        positiveInt(Setting.NUM_STREAM_THREADS),
                        optional(Setting.STATE_DIR),
                        parse(Setting.REPLICATION_FACTOR, ConfigLoader::replicationFactor, "-1 or a number from 1 to 32767"),
                        optional(Setting.COMMIT_INTERVAL_MS).map(v -> parse(Setting.COMMIT_INTERVAL_MS, Long::parseLong, "milliseconds")),
                        Duration.ofMillis(nonNegativeLong(Setting.SHUTDOWN_TIMEOUT_MS)),
                        parse(Setting.NUM_STANDBY_REPLICAS, value -> inRange(value, 0, 10), "a whole number from 0 to 10"),
                        optional(Setting.GROUP_INSTANCE_ID).map(v -> groupInstanceId()),
                        optional(Setting.SESSION_TIMEOUT_MS).map(v -> Duration.ofMillis(
                                parse(Setting.SESSION_TIMEOUT_MS, value -> inRange(value, 1000, 3_600_000), "milliseconds from 1000 to 3600000"))),
                        transactionTimeout()),
                new ServiceConfig.Memory(
                        bool(Setting.TRANSLATION_MEMORY),
                        Duration.ofDays(positiveInt(Setting.TRANSLATION_MEMORY_MAX_AGE_DAYS)),
                        positiveInt(Setting.TRANSLATION_MEMORY_MAX_ENTRIES)),
                async(),
                new ServiceConfig.Http(
                        required(Setting.HTTP_BIND_ADDRESS),
                        parse(Setting.HTTP_PORT, value -> inRange(value, 0, 65535), "a port number from 0 to 65535")),
                parse(Setting.LOG_FORMAT, value -> LogFormat.valueOf(value.toUpperCase(Locale.ROOT)), "json or plain"),
                styleGuide(),
                faults(),
                kafkaSecurity(),
                new ServiceConfig.Sizes(parse(Setting.MAX_ARTICLE_BYTES, value -> inRange(value, 1024, 20_000_000),
                        "a number of bytes from 1024 to 20000000")),
                new ServiceConfig.Prices(
                        parse(Setting.DEEPL_PRICE_PER_MILLION_CHARACTERS, ConfigLoader::price, "a number, 0 or more (e.g. 25 or 20.5)"),
                        parse(Setting.APERTIUM_PRICE_PER_MILLION_CHARACTERS, ConfigLoader::price, "a number, 0 or more (e.g. 0 or 1.5)")),
                review());
    }

    /** {@code QUALITY_REVIEW_TOPIC}, when set. */
    public Optional<String> reviewTopic() {
        return optional(Setting.QUALITY_REVIEW_TOPIC).map(v -> topic(Setting.QUALITY_REVIEW_TOPIC));
    }

    /** The review desk's settings; choosing sources or urgencies for review needs the review topic. */
    public ServiceConfig.Review review() {
        Set<String> sources = parse(Setting.REVIEW_SOURCES, ConfigLoader::commaList, "comma-separated source names");
        Set<Integer> urgencies = parse(Setting.REVIEW_URGENCIES, ConfigLoader::urgencies,
                "comma-separated IPTC urgencies from 1 to 9");
        if (optional(Setting.QUALITY_REVIEW_TOPIC).isEmpty()) {
            Setting chosen = !sources.isEmpty() ? Setting.REVIEW_SOURCES : !urgencies.isEmpty() ? Setting.REVIEW_URGENCIES : null;
            if (chosen != null) {
                throw ConfigException.invalid(chosen, optional(chosen).orElse(""),
                        "translations chosen for review need a review topic: set QUALITY_REVIEW_TOPIC too");
            }
        }
        return new ServiceConfig.Review(sources, urgencies,
                required(Setting.REVIEW_APPLICATION_ID),
                topic(Setting.REVIEW_REQUESTS_TOPIC),
                topic(Setting.REVIEW_DECISIONS_TOPIC),
                required(Setting.REVIEW_HTTP_BIND_ADDRESS),
                parse(Setting.REVIEW_HTTP_PORT, value -> inRange(value, 0, 65535), "a port number from 0 to 65535"),
                optional(Setting.REVIEW_USERS_FILE).map(v -> readableFile(Setting.REVIEW_USERS_FILE, v)),
                optional(Setting.REVIEW_AUTH_PROXY_HEADER).map(v -> parse(Setting.REVIEW_AUTH_PROXY_HEADER,
                        ConfigLoader::headerName, "an HTTP header name such as X-Forwarded-User")),
                bool(Setting.REVIEW_COOKIE_SECURE),
                optional(Setting.REVIEW_DISCLAIMERS_FILE).map(v -> readableFile(Setting.REVIEW_DISCLAIMERS_FILE, v)));
    }

    static Set<String> commaList(String value) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    static Set<Integer> urgencies(String value) {
        Set<Integer> urgencies = new LinkedHashSet<>();
        for (String item : commaList(value)) {
            urgencies.add(inRange(item, 1, 9));
        }
        return urgencies;
    }

    static String headerName(String value) {
        if (!value.matches("[A-Za-z0-9-]{1,100}")) {
            throw new IllegalArgumentException("letters, digits and '-' only");
        }
        return value;
    }

    /** The Kafka bootstrap servers alone. */
    public String bootstrapServers() {
        return required(Setting.KAFKA_BOOTSTRAP_SERVERS);
    }

    /**
     * The bootstrap servers and the Kafka security settings as a Kafka client's properties, read as {@link #load()}
     * reads them, for the tools that talk to the cluster without the service's other settings (e.g. a DeepL key).
     *
     * @throws ConfigException naming the setting that is missing or wrong
     */
    public Map<String, Object> kafkaClientProperties() {
        return kafkaSecurity().clientProperties(bootstrapServers());
    }

    /**
     * The Kafka security settings alone, for the tools that talk to the cluster without running the service.
     *
     * @throws ConfigException naming the setting that is wrong
     */
    public ServiceConfig.KafkaSecurity kafkaSecurity() {
        String protocol = parse(Setting.KAFKA_SECURITY_PROTOCOL, value -> {
            String upper = value.toUpperCase(Locale.ROOT);
            if (!java.util.Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL").contains(upper)) {
                throw new IllegalArgumentException("unknown protocol");
            }
            return upper;
        }, "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL");
        Optional<String> jaas = optional(Setting.KAFKA_SASL_JAAS_CONFIG);
        if (protocol.startsWith("SASL_") && jaas.isEmpty()) {
            throw new ConfigException(Setting.KAFKA_SASL_JAAS_CONFIG.env() + " is required with "
                    + Setting.KAFKA_SECURITY_PROTOCOL.env() + "=" + protocol);
        }
        return new ServiceConfig.KafkaSecurity(protocol,
                optional(Setting.KAFKA_SASL_MECHANISM),
                jaas,
                optional(Setting.KAFKA_SSL_TRUSTSTORE_LOCATION).map(v -> readableFile(Setting.KAFKA_SSL_TRUSTSTORE_LOCATION, v).toString()),
                optional(Setting.KAFKA_SSL_TRUSTSTORE_PASSWORD),
                optional(Setting.KAFKA_SSL_TRUSTSTORE_TYPE),
                optional(Setting.KAFKA_SSL_KEYSTORE_LOCATION).map(v -> readableFile(Setting.KAFKA_SSL_KEYSTORE_LOCATION, v).toString()),
                optional(Setting.KAFKA_SSL_KEYSTORE_PASSWORD),
                optional(Setting.KAFKA_SSL_KEY_PASSWORD));
    }

    private ServiceConfig.Faults faults() {
        return new ServiceConfig.Faults(
                parse(Setting.CIRCUIT_BREAKER_FAILURES, value -> inRange(value, 1, 1000), "a whole number from 1 to 1000"),
                Duration.ofMillis(parse(Setting.CIRCUIT_BREAKER_PROBE_INTERVAL_MS, value -> inRange(value, 10, 3_600_000),
                        "milliseconds from 10 to 3600000")),
                Duration.ofMillis(parse(Setting.QUOTA_PROBE_INTERVAL_MS, value -> inRange(value, 10, 86_400_000),
                        "milliseconds from 10 to 86400000")));
    }

    /** The application id alone (the prefix of the DeepL glossaries' names). */
    public String applicationId() {
        return required(Setting.APPLICATION_ID);
    }

    /** The DeepL settings alone (key, server, timeout, model), for tools that talk to DeepL without Kafka. */
    public ServiceConfig.DeepL deepLSettings() {
        return deepL();
    }

    /** Glossaries, protected terms, formality and context: the files are checked to exist here, read at start-up. */
    public ServiceConfig.StyleGuide styleGuide() {
        Optional<Path> glossaryDir = optional(Setting.GLOSSARY_DIR).map(value -> {
            Path dir = Path.of(value);
            if (!Files.isDirectory(dir)) {
                throw ConfigException.invalid(Setting.GLOSSARY_DIR, value, "a directory of glossary files");
            }
            return dir;
        });
        return new ServiceConfig.StyleGuide(
                glossaryDir,
                optional(Setting.PROTECTED_TERMS_FILE).map(v -> readableFile(Setting.PROTECTED_TERMS_FILE, v)),
                Duration.ofMillis(nonNegativeLong(Setting.GLOSSARY_RELOAD_INTERVAL_MS)),
                formality(),
                bool(Setting.DEEPL_CONTEXT_FROM_HEADLINE));
    }

    /**
     * {@code DE=more,FR=less}: each target must be one of TARGET_LANGUAGES, and {@code more} or {@code less} only
     * where DeepL supports formality (elsewhere DeepL would refuse every request with HTTP 400).
     */
    private Map<String, String> formality() {
        Optional<String> value = optional(Setting.DEEPL_FORMALITY);
        if (value.isEmpty()) {
            return Map.of();
        }
        List<TargetLanguage> targets = targetLanguages();
        Map<String, String> formality = new java.util.LinkedHashMap<>();
        for (String part : value.get().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw ConfigException.invalid(Setting.DEEPL_FORMALITY, value.get(),
                        "expected TARGET=formality pairs such as DE=more,FR=less; '" + part.trim() + "' has no '='");
            }
            String target = kv[0].trim().toUpperCase(Locale.ROOT);
            String level = kv[1].trim().toLowerCase(Locale.ROOT);
            if (!FORMALITY_LEVELS.contains(level)) {
                throw ConfigException.invalid(Setting.DEEPL_FORMALITY, value.get(), "formality '" + level + "' for "
                        + target + " is not one of default, more, less, prefer_more, prefer_less");
            }
            if (targets.stream().noneMatch(t -> t.code().equals(target))) {
                throw ConfigException.invalid(Setting.DEEPL_FORMALITY, value.get(), target
                        + " is not one of TARGET_LANGUAGES " + targets);
            }
            if ((level.equals("more") || level.equals("less")) && !FORMALITY_TARGETS.contains(target)) {
                throw ConfigException.invalid(Setting.DEEPL_FORMALITY, value.get(), "DeepL supports no formality for "
                        + target + " and would refuse every request with formality=" + level + "; use prefer_" + level
                        + " (ignored where unsupported) or remove it. Targets with formality: "
                        + new java.util.TreeSet<>(FORMALITY_TARGETS));
            }
            formality.put(target, level);
        }
        return formality;
    }

    /** DeepL's target languages with {@code supports_formality=true} (GET /v2/languages?type=target). */
    static final Set<String> FORMALITY_TARGETS = Set.of("DE", "FR", "IT", "ES", "ES-419", "NL", "PL", "PT-BR", "PT-PT",
            "JA", "RU");

    private static final Set<String> FORMALITY_LEVELS = Set.of("default", "more", "less", "prefer_more", "prefer_less");

    private ServiceConfig.Async async() {
        ServiceConfig.TranslationMode mode = parse(Setting.TRANSLATION_MODE,
                value -> ServiceConfig.TranslationMode.valueOf(value.toUpperCase(Locale.ROOT)), "async or sync");
        int maxTexts = parse(Setting.TRANSLATION_BATCH_MAX_TEXTS, value -> inRange(value, 1, 50), "a whole number from 1 to 50");
        int maxBytes = parse(Setting.TRANSLATION_BATCH_MAX_BYTES, value -> inRange(value, 4096, 128 * 1024),
                "a whole number from 4096 to 131072");
        long backpressure = parse(Setting.TRANSLATION_BACKPRESSURE_TIMEOUT_MS, value -> inRange(value, 100, 120_000),
                "milliseconds from 100 to 120000");
        Duration initialBackoff = Duration.ofMillis(nonNegativeLong(Setting.TRANSLATION_RETRY_BACKOFF_MS));
        Duration maxBackoff = Duration.ofMillis(positiveInt(Setting.TRANSLATION_RETRY_MAX_BACKOFF_MS));
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw ConfigException.invalid(Setting.TRANSLATION_RETRY_MAX_BACKOFF_MS, Long.toString(maxBackoff.toMillis()),
                    "at least " + Setting.TRANSLATION_RETRY_BACKOFF_MS.env() + " (" + initialBackoff.toMillis() + ")");
        }
        return new ServiceConfig.Async(mode,
                parse(Setting.TRANSLATION_CONCURRENCY, value -> inRange(value, 1, 256), "a whole number from 1 to 256"),
                maxTexts, maxBytes,
                Duration.ofMillis(nonNegativeLong(Setting.TRANSLATION_BATCH_LINGER_MS)),
                positiveInt(Setting.TRANSLATION_QUEUE_CAPACITY),
                Duration.ofMillis(backpressure),
                Duration.ofMillis(positiveInt(Setting.TRANSLATION_EMIT_INTERVAL_MS)),
                maxBackoff);
    }

    /** Kafka Streams appends "-<thread>" to it; it becomes part of consumer and transactional names. */
    private String groupInstanceId() {
        return parse(Setting.GROUP_INSTANCE_ID, value -> {
            if (!value.matches("[a-zA-Z0-9._-]{1,200}")) {
                throw new IllegalArgumentException("use letters, digits, '.', '_' and '-', at most 200");
            }
            return value;
        }, "a name such as the pod name");
    }

    /** The open transaction of a stream thread waiting for room must outlive that wait. */
    private Optional<Duration> transactionTimeout() {
        Optional<String> raw = optional(Setting.TRANSACTION_TIMEOUT_MS);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        long timeout = parse(Setting.TRANSACTION_TIMEOUT_MS, value -> inRange(value, 1000, 900_000), "milliseconds from 1000 to 900000");
        long backpressure = optional(Setting.TRANSLATION_BACKPRESSURE_TIMEOUT_MS).map(Long::parseLong).orElse(0L);
        if (timeout < backpressure + 5_000) {
            throw ConfigException.invalid(Setting.TRANSACTION_TIMEOUT_MS, raw.get(), "at least "
                    + Setting.TRANSLATION_BACKPRESSURE_TIMEOUT_MS.env() + " + 5000 (" + (backpressure + 5_000) + ")");
        }
        return Optional.of(Duration.ofMillis(timeout));
    }

    private static int inRange(String value, int min, int max) {
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw new IllegalArgumentException("out of range");
        }
        return n;
    }

    private ServiceConfig.Engine engine() {
        return parse(Setting.TRANSLATOR, value -> ServiceConfig.Engine.valueOf(value.toUpperCase(Locale.ROOT)),
                "deepl or apertium");
    }

    /** The registry settings alone: for tools that talk to the registry without running the service. */
    public ServiceConfig.Registry registry() {
        String typeName = required(Setting.SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE).toUpperCase(Locale.ROOT);
        if (!typeName.equals("JKS") && !typeName.equals("PKCS12")) {
            throw ConfigException.invalid(Setting.SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE, typeName, "JKS or PKCS12");
        }
        return new ServiceConfig.Registry(
                required(Setting.SCHEMA_REGISTRY_URL),
                optional(Setting.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO).map(v -> requireUserInfo(v)),
                bool(Setting.SCHEMA_REGISTRY_AUTO_REGISTER),
                bool(Setting.SCHEMA_REGISTRY_USE_LATEST_VERSION),
                optional(Setting.SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION),
                optional(Setting.SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD),
                typeName,
                Duration.ofMillis(positiveInt(Setting.SCHEMA_REGISTRY_TIMEOUT_MS)),
                parse(Setting.SCHEMA_REGISTRY_MAX_RETRIES, ConfigLoader::retries, "a whole number from 0 to 100"),
                Duration.ofMillis(nonNegativeLong(Setting.SCHEMA_REGISTRY_RETRIES_WAIT_MS)));
    }

    /** The topic names alone. */
    public ServiceConfig.Topics topics() {
        return new ServiceConfig.Topics(
                topic(Setting.INPUT_TOPIC), required(Setting.OUTPUT_TOPIC_PREFIX), topic(Setting.DLQ_TOPIC));
    }

    /** The target languages alone. */
    public List<TargetLanguage> targetLanguages() {
        return parse(Setting.TARGET_LANGUAGES, ConfigLoader::targetLanguages,
                "a comma-separated list of DeepL target codes such as EN-US,DE");
    }

    static int retries(String value) {
        int n = Integer.parseInt(value);
        if (n < 0 || n > 100) {
            throw new IllegalArgumentException("out of range");
        }
        return n;
    }

    private ServiceConfig.DeepL deepL() {
        String key = optional(Setting.DEEPL_AUTH_KEY).orElseThrow(() -> new ConfigException(
                "Missing setting " + Setting.DEEPL_AUTH_KEY.env() + ": the DeepL API key is required when TRANSLATOR=deepl"
                        + " (set the environment variable or " + Setting.DEEPL_AUTH_KEY.property() + " in the properties file)"));
        Optional<String> serverUrl = optional(Setting.DEEPL_SERVER_URL).map(url -> httpUrl(Setting.DEEPL_SERVER_URL, url));
        // "quality_optimized" for every target, "DE=latency_optimized" for one, or both: "quality_optimized,DE=latency_optimized".
        Optional<String> modelType = Optional.empty();
        Map<String, String> byTarget = new java.util.LinkedHashMap<>();
        Optional<String> value = optional(Setting.DEEPL_MODEL_TYPE);
        List<TargetLanguage> targets = targetLanguages();
        for (String part : value.map(v -> v.split(",")).orElse(new String[0])) {
            String item = part.trim();
            String type = item.contains("=") ? item.substring(item.indexOf('=') + 1).trim() : item;
            if (!Set.of("quality_optimized", "prefer_quality_optimized", "latency_optimized").contains(type)) {
                throw ConfigException.invalid(Setting.DEEPL_MODEL_TYPE, value.get(), "model types quality_optimized, "
                        + "prefer_quality_optimized or latency_optimized, for all targets or per target (DE=latency_optimized);"
                        + " '" + type + "' is none of them");
            }
            if (!item.contains("=")) {
                modelType = Optional.of(type);
                continue;
            }
            String target = item.substring(0, item.indexOf('=')).trim().toUpperCase(Locale.ROOT);
            if (targets.stream().noneMatch(t -> t.code().equals(target))) {
                throw ConfigException.invalid(Setting.DEEPL_MODEL_TYPE, value.get(), "a model type for " + target
                        + ", which is not one of TARGET_LANGUAGES " + targets);
            }
            byTarget.put(target, type);
        }
        Map<String, String> models = new java.util.LinkedHashMap<>(byTarget);
        modelType.ifPresent(type -> models.put(DeepLCustomizationSettings.ALL_TARGETS, type));
        Map<String, String> headers = deepLHeaders();
        DeepLCustomizations customizations = new DeepLCustomizationSettings(this::optional, targets)
                .read(models, optional(Setting.GLOSSARY_DIR).isPresent(), headers.keySet());
        return new ServiceConfig.DeepL(key, serverUrl, Duration.ofMillis(positiveInt(Setting.DEEPL_TIMEOUT_MS)), modelType,
                byTarget, optional(Setting.DEEPL_PROXY_URL).map(ConfigLoader::deepLProxy), headers, customizations);
    }

    /** {@code http://[user:password@]host:port}; the message never repeats the value (it may hold a password). */
    static java.net.URI deepLProxy(String value) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            throw ConfigException.invalid(Setting.DEEPL_PROXY_URL, value, "an URL http://[user:password@]host:port");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw ConfigException.invalid(Setting.DEEPL_PROXY_URL, value,
                    "an URL http://[user:password@]host:port, with scheme http, a host and a port");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw ConfigException.invalid(Setting.DEEPL_PROXY_URL, value,
                    "an URL http://[user:password@]host:port, without a path, query or fragment");
        }
        String userInfo = uri.getUserInfo();
        if (userInfo != null && (!userInfo.contains(":") || userInfo.startsWith(":"))) {
            throw ConfigException.invalid(Setting.DEEPL_PROXY_URL, value,
                    "credentials as user:password before the host (percent-encode ':' and '@' in them)");
        }
        return uri;
    }

    /** Headers deepl-java sets itself, or that HTTP owns: not replaceable through {@code DEEPL_EXTRA_HEADERS}. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "user-agent", "content-type",
            "content-length", "host", "connection", "transfer-encoding", "proxy-authorization", "expect", "upgrade");

    /** {@code Name=value[,Name2=value2]}; messages name the header, never a value. */
    private Map<String, String> deepLHeaders() {
        Optional<String> value = optional(Setting.DEEPL_EXTRA_HEADERS);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String part : value.map(v -> v.split(",")).orElse(new String[0])) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            if (eq <= 0 || name.isEmpty()) {
                throw ConfigException.invalid(Setting.DEEPL_EXTRA_HEADERS, value.get(),
                        "Name=value pairs separated by commas; an entry has no '=' or no name");
            }
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw ConfigException.invalid(Setting.DEEPL_EXTRA_HEADERS, value.get(),
                        "header names of letters, digits and -; '" + name + "' is not one");
            }
            String headerValue = part.substring(eq + 1).strip();
            if (headerValue.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ConfigException.invalid(Setting.DEEPL_EXTRA_HEADERS, value.get(),
                        "header values without control characters (header " + name + ")");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw ConfigException.invalid(Setting.DEEPL_EXTRA_HEADERS, value.get(), "header " + name
                        + " is set by the DeepL client or by HTTP itself and cannot be replaced");
            }
            if (headers.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                throw ConfigException.invalid(Setting.DEEPL_EXTRA_HEADERS, value.get(), "header " + name + " given twice");
            }
            headers.put(name, headerValue);
        }
        return headers;
    }

    /** The raw value: environment first, then the file, then the default; blank counts as unset. */
    Optional<String> optional(Setting setting) {
        String value = environment.get(setting.env());
        if (value == null || value.isBlank()) {
            value = file.getProperty(setting.property());
        }
        if (value == null || value.isBlank()) {
            value = setting.defaultValue();
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private String required(Setting setting) {
        String option = options.containsKey(setting) ? "give " + options.get(setting) + ", or " : "";
        return optional(setting).orElseThrow(() -> new ConfigException("Missing setting " + setting.env()
                + ": " + setting.description() + " (" + option + "set the environment variable or " + setting.property()
                + " in the properties file)"));
    }

    private <T> T parse(Setting setting, Function<String, T> parser, String expected) {
        String value = optional(setting).orElse("");
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            throw ConfigException.invalid(setting, value, "expected " + expected + detail);
        }
    }

    private String topic(Setting setting) {
        return parse(setting, value -> {
            if (!value.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new IllegalArgumentException("topic names use letters, digits, '.', '_' and '-'");
            }
            return value;
        }, "a Kafka topic name");
    }

    private boolean bool(Setting setting) {
        return parse(setting, value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        }, "true or false");
    }

    private int positiveInt(Setting setting) {
        return parse(setting, value -> {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException("must be at least 1");
            }
            return n;
        }, "a positive whole number");
    }

    private long nonNegativeLong(Setting setting) {
        return parse(setting, value -> {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            return n;
        }, "a whole number, 0 or more");
    }

    private static Path readableFile(Setting setting, String value) {
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw ConfigException.invalid(setting, value, "a readable file");
        }
        return path;
    }

    static double positiveDouble(String value) {
        double d = Double.parseDouble(value);
        if (!(d > 0)) {
            throw new IllegalArgumentException("must be above 0");
        }
        return d;
    }

    private static String httpUrl(Setting setting, String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw ConfigException.invalid(setting, url, "an http:// or https:// URL");
        }
        return url;
    }

    private static String requireUserInfo(String value) {
        if (!value.contains(":")) {
            throw new ConfigException("Invalid setting " + Setting.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO.env()
                    + ": expected user:password");
        }
        return value;
    }

    static List<TargetLanguage> targetLanguages(String value) {
        Set<TargetLanguage> targets = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                targets.add(TargetLanguage.parse(part));
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target language is needed");
        }
        return new ArrayList<>(targets);
    }

    static Set<String> sourceLanguages(String value) {
        return value.isBlank() ? SourceLanguages.deepLDefaults() : SourceLanguages.parse(value);
    }

    static boolean accuracy(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "high" -> true;
            case "low" -> false;
            default -> throw new IllegalArgumentException("unknown accuracy mode");
        };
    }

    static double price(String value) {
        double d = Double.parseDouble(value);
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("must be 0 or more");
        }
        return d;
    }

    static double fraction(String value) {
        double d = Double.parseDouble(value);
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return d;
    }

    static String guarantee(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("exactly_once_v2") && !v.equals("at_least_once")) {
            throw new IllegalArgumentException("unknown guarantee");
        }
        return v;
    }

    static short replicationFactor(String value) {
        int n = Integer.parseInt(value);
        if (n != -1 && (n < 1 || n > Short.MAX_VALUE)) {
            throw new IllegalArgumentException("out of range");
        }
        return (short) n;
    }
}
