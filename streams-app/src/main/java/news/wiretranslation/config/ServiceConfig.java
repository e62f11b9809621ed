package news.wiretranslation.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import news.wiretranslation.logging.LogFormat;

/**
 * The service's whole configuration, typed and validated. Built by {@link ConfigLoader}; see {@link Setting}
 * for each value's meaning and default.
 */
public record ServiceConfig(
        String bootstrapServers,
        String applicationId,
        Registry registry,
        Topics topics,
        List<TargetLanguage> targetLanguages,
        Set<String> sourceLanguages,
        Engine engine,
        Optional<DeepL> deepL,
        Apertium apertium,
        Retry retry,
        Detection detection,
        Labelling labelling,
        Streams streams,
        Memory memory,
        Async async,
        Http http,
        LogFormat logFormat,
        StyleGuide styleGuide,
        Faults faults,
        KafkaSecurity kafkaSecurity,
        Sizes sizes,
        Prices prices,
        Review review) {

    public ServiceConfig {
        targetLanguages = List.copyOf(targetLanguages);
        sourceLanguages = Set.copyOf(sourceLanguages);
    }

    /** Where the cluster is and how to reach it: what every Kafka client of the service (and its tools) starts from. */
    public java.util.Map<String, Object> kafkaClientProperties() {
        return kafkaSecurity.clientProperties(bootstrapServers);
    }

    /**
     * Schema registry connection, in Confluent's setting names when handed to the serdes
     * ({@link RegistrySettings#serdeConfigs}).
     */
    public record Registry(String url, Optional<String> basicAuthUserInfo, boolean autoRegister,
                           boolean useLatestVersion, Optional<String> truststoreLocation,
                           Optional<String> truststorePassword, String truststoreType, Duration timeout,
                           int maxRetries, Duration retriesWait) {

        /** URL, credentials and auto-registration; every other value at its {@link Setting} default. */
        public Registry(String url, Optional<String> basicAuthUserInfo, boolean autoRegister) {
            this(url, basicAuthUserInfo, autoRegister, Defaults.REGISTRY.useLatestVersion(),
                    Defaults.REGISTRY.truststoreLocation(), Defaults.REGISTRY.truststorePassword(),
                    Defaults.REGISTRY.truststoreType(), Defaults.REGISTRY.timeout(), Defaults.REGISTRY.maxRetries(),
                    Defaults.REGISTRY.retriesWait());
        }

        /** The defaults, read by the loader from {@link Setting} so that they are written down once. */
        private static final class Defaults {
            static final Registry REGISTRY = new ConfigLoader(
                    java.util.Map.of(Setting.SCHEMA_REGISTRY_URL.env(), "mock://defaults"), new java.util.Properties()).registry();
        }

        @Override
        public String toString() {
            return "Registry[url=" + url + ", basicAuth=" + basicAuthUserInfo.map(s -> "<hidden>").orElse("none")
                    + ", autoRegister=" + autoRegister + ", useLatestVersion=" + useLatestVersion
                    + ", truststore=" + truststoreLocation.orElse("JVM default")
                    + truststorePassword.map(s -> " (password <hidden>)").orElse("") + ", truststoreType="
                    + truststoreType + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", retriesWait="
                    + retriesWait + "]";
        }
    }

    public record Topics(String input, String outputPrefix, String deadLetter) {
        public String output(TargetLanguage target) {
            return outputPrefix + target.topicSuffix();
        }
    }

    /** The machine-translation backend. */
    public enum Engine {
        /** DeepL's API, through its official Java client. */
        DEEPL,
        /** Apertium, self-hosted and offline: the local {@code apertium} command or an Apertium-APY server. */
        APERTIUM
    }

    /**
     * What each engine costs per million characters, in the contract's currency ({@code DEEPL_PRICE_PER_MILLION_CHARACTERS},
     * {@code APERTIUM_PRICE_PER_MILLION_CHARACTERS}): the price the cost meters and the replay's estimate use.
     */
    public record Prices(double deepLPerMillion, double apertiumPerMillion) {
        public double perMillion(Engine engine) {
            return switch (engine) {
                case DEEPL -> deepLPerMillion;
                case APERTIUM -> apertiumPerMillion;
            };
        }
    }

    /** Apertium settings: an APY server's URL, or empty for the local {@code apertium} command. */
    public record Apertium(Optional<String> apyUrl, Duration timeout) {
    }

    /** DeepL client settings. The key is never printed. */
    /**
     * @param modelType         DeepL's model_type for every target without one of its own
     * @param modelTypeByTarget model_type by target code (upper case, e.g. {@code DE} -> {@code latency_optimized})
     */
    /**
     * @param proxy   {@code DEEPL_PROXY_URL}, validated ({@code http://[user:password@]host:port}); empty = direct
     * @param headers {@code DEEPL_EXTRA_HEADERS}, in the order given; values may carry credentials
     * @param customizations style rules, custom instructions, DeepL-managed glossaries and translation memories,
     *                       the reporting tag
     */
    public record DeepL(String authKey, Optional<String> serverUrl, Duration timeout, Optional<String> modelType,
                        java.util.Map<String, String> modelTypeByTarget, Optional<java.net.URI> proxy,
                        java.util.Map<String, String> headers, DeepLCustomizations customizations) {
        public DeepL {
            customizations = customizations == null ? DeepLCustomizations.NONE : customizations;
            modelTypeByTarget = java.util.Map.copyOf(modelTypeByTarget);
            proxy = proxy == null ? Optional.empty() : proxy;
            headers = headers == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        }

        public DeepL(String authKey, Optional<String> serverUrl, Duration timeout, Optional<String> modelType,
                     java.util.Map<String, String> modelTypeByTarget) {
            this(authKey, serverUrl, timeout, modelType, modelTypeByTarget, Optional.empty(), java.util.Map.of());
        }

        public DeepL(String authKey, Optional<String> serverUrl, Duration timeout, Optional<String> modelType,
                     java.util.Map<String, String> modelTypeByTarget, Optional<java.net.URI> proxy,
                     java.util.Map<String, String> headers) {
            this(authKey, serverUrl, timeout, modelType, modelTypeByTarget, proxy, headers, DeepLCustomizations.NONE);
        }

        @Override
        public String toString() {
            return "DeepL[authKey=<hidden>, serverUrl=" + serverUrl.orElse("default") + ", timeout=" + timeout
                    + ", modelType=" + modelType.orElse("default") + ", modelTypeByTarget=" + modelTypeByTarget
                    + ", proxy=" + proxy.map(p -> p.getScheme() + "://" + (p.getRawUserInfo() == null ? "" : "<hidden>@")
                            + p.getHost() + ":" + p.getPort()).orElse("none")
                    + ", headers=" + headers.keySet() + " (values hidden), customizations=" + customizations + "]";
        }
    }

    public record Retry(int maxAttempts, Duration initialBackoff) {
    }

    /** How the translate step runs: see {@link Setting#TRANSLATION_MODE}. */
    public enum TranslationMode {
        ASYNC, SYNC
    }

    /** The asynchronous translate step and its dispatcher (see {@link Setting} for each value). */
    public record Async(TranslationMode mode, int concurrency, int batchMaxTexts, int batchMaxBytes, Duration linger,
                        int queueCapacity, Duration backpressureTimeout, Duration emitInterval,
                        Duration retryMaxBackoff) {
    }

    /**
     * The translation memory (see {@code TranslationMemory}).
     *
     * @param maxEntries per target language and per input partition
     */
    public record Memory(boolean enabled, Duration maxAge, long maxEntries) {
    }

    public record Detection(boolean highAccuracy, int maxChars, double minConfidence) {
    }

    /** What the service adds to and checks on each article besides translating it. */
    public record Labelling(Optional<Path> normalizationRules, Optional<Path> disclaimers, boolean qualityChecks,
                            double minLengthRatio, double maxLengthRatio, Optional<String> reviewTopic) {
    }

    /**
     * The review desk: which translations wait for an editor beside the flagged ones (read by the service), and the
     * desk's own application, topics, web server and sign-in (read by the {@code review} command).
     *
     * @param sources     sources whose every translation goes to review
     * @param urgencies   IPTC urgencies whose every translation goes to review
     * @param usersFile   editors and their BCrypt hashes; empty when the proxy header identifies them
     * @param proxyHeader the reverse proxy's header naming the editor; empty = sign-in with the users file
     * @param disclaimers overrides of the reviewed-translation disclaimers
     */
    public record Review(Set<String> sources, Set<Integer> urgencies, String applicationId, String requestsTopic,
                         String decisionsTopic, String bindAddress, int port, Optional<Path> usersFile,
                         Optional<String> proxyHeader, boolean secureCookie, Optional<Path> disclaimers) {
        public Review {
            sources = Set.copyOf(sources);
            urgencies = Set.copyOf(urgencies);
        }

        /** Whether every translation of this source or urgency (null = none given) waits for an editor. */
        public boolean selects(String source, Integer urgency) {
            return sources.contains(source) || urgency != null && urgencies.contains(urgency);
        }
    }

    /**
     * The newsroom's style guide as the engine applies it: glossaries, protected terms, formality per target and the
     * headline as context (see the settings of the same names).
     *
     * @param formality DeepL formality by target code (upper case, e.g. {@code DE} -> {@code more})
     */
    public record StyleGuide(Optional<Path> glossaryDir, Optional<Path> protectedTermsFile, Duration reloadInterval,
                             java.util.Map<String, String> formality, boolean headlineAsContext) {
        public StyleGuide {
            formality = java.util.Map.copyOf(formality);
        }
    }

    /** The machine-translation fault policy (see {@code translate/fault/EngineGuard}). */
    public record Faults(int circuitBreakerFailures, Duration circuitProbeInterval, Duration quotaProbeInterval) {
    }

    /**
     * How every Kafka client of the service authenticates and encrypts: Kafka's own client settings, passed through
     * unchanged ({@link #clientProperties()}). Secrets are never printed.
     */
    public record KafkaSecurity(String protocol, Optional<String> saslMechanism, Optional<String> saslJaasConfig,
                                Optional<String> truststoreLocation, Optional<String> truststorePassword,
                                Optional<String> truststoreType, Optional<String> keystoreLocation,
                                Optional<String> keystorePassword, Optional<String> keyPassword) {

        /** The bootstrap servers and these settings, as a Kafka client's properties. */
        public java.util.Map<String, Object> clientProperties(String bootstrapServers) {
            java.util.Map<String, Object> props = clientProperties();
            props.put("bootstrap.servers", bootstrapServers);
            return props;
        }

        /** The settings as Kafka client properties; only those that are set. */
        public java.util.Map<String, Object> clientProperties() {
            java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
            props.put("security.protocol", protocol);
            saslMechanism.ifPresent(v -> props.put("sasl.mechanism", v));
            saslJaasConfig.ifPresent(v -> props.put("sasl.jaas.config", v));
            truststoreLocation.ifPresent(v -> props.put("ssl.truststore.location", v));
            truststorePassword.ifPresent(v -> props.put("ssl.truststore.password", v));
            truststoreType.ifPresent(v -> props.put("ssl.truststore.type", v));
            keystoreLocation.ifPresent(v -> props.put("ssl.keystore.location", v));
            keystorePassword.ifPresent(v -> props.put("ssl.keystore.password", v));
            keyPassword.ifPresent(v -> props.put("ssl.key.password", v));
            return props;
        }

        @Override
        public String toString() {
            return "KafkaSecurity[protocol=" + protocol + ", saslMechanism=" + saslMechanism.orElse("default")
                    + ", saslJaasConfig=" + saslJaasConfig.map(s -> "<hidden>").orElse("none")
                    + ", truststore=" + truststoreLocation.orElse("JVM default")
                    + truststorePassword.map(s -> " (password <hidden>)").orElse("")
                    + ", keystore=" + keystoreLocation.orElse("none")
                    + keystorePassword.map(s -> " (password <hidden>)").orElse("")
                    + keyPassword.map(s -> " (key password <hidden>)").orElse("") + "]";
        }
    }

    /** The metrics and health HTTP server (paths in {@code news.wiretranslation.health.Endpoints}). */
    public record Http(String bindAddress, int port) {
    }

    /**
     * Kafka Streams settings. The last four decide how instances share the work: standby replicas, static
     * membership, the session timeout and the transaction timeout (which bound the pause when an instance dies).
     */
    public record Streams(String processingGuarantee, int threads, Optional<String> stateDir, short replicationFactor,
                          Optional<Long> commitIntervalMs, Duration shutdownTimeout, int standbyReplicas,
                          Optional<String> groupInstanceId, Optional<Duration> sessionTimeout,
                          Optional<Duration> transactionTimeout) {

        /** Static members keep their partitions across a restart, so a clean stop must not leave the group. */
        public boolean staticMembership() {
            return groupInstanceId.isPresent();
        }
    }

    /**
     * How large an article may be, and so how large a record the service may write: an article's records are up to
     * 3.0x its size (pending entry) and 3.7x (an output whose every paragraph is flagged untranslated) as measured
     * by ArticleRecordSizesTest, and
     * {@link #recordLimit()} allows 4x plus room for the fields around them.
     */
    public record Sizes(int maxArticleBytes) {
        /** Records written per article, at most, as a multiple of the article's size (measured 3.0 and 3.7). */
        public static final int EXPANSION = 4;
        /** Room for keys, headers and the fields of a record around the article's text. */
        public static final int HEADROOM_BYTES = 64 * 1024;

        /** The producer's max.request.size and the max.message.bytes the topics the service writes to need. */
        public int recordLimit() {
            return maxArticleBytes * EXPANSION + HEADROOM_BYTES;
        }
    }
}
