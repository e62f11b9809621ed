package news.wiretranslation.config;

/**
 * Every setting the service reads, with its default and meaning. One list, so that the loader, the
 * table in docs/configuration.md and the error messages cannot drift apart (a test checks that table names each one).
 *
 * <p>Each setting is read from the environment variable {@link #env()} or, when that is unset, from the
 * optional properties file under {@link #property()} (the same name, lower case, dots for underscores).
 */
public enum Setting {
    KAFKA_BOOTSTRAP_SERVERS(null, "Kafka bootstrap servers, host:port[,host:port...]. Required."),
    APPLICATION_ID("wire-translation", "Kafka Streams application.id: consumer group, transactional ids and internal topic prefix."),
    SCHEMA_REGISTRY_URL(null, "Confluent-API schema registry URL(s), comma-separated; mock://<scope> for an in-process registry. Required."),
    SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO("", "user:password for the registry's basic auth (sets basic.auth.credentials.source=USER_INFO). Never logged."),
    SCHEMA_REGISTRY_AUTO_REGISTER("true", "Register the service's writer schemas on first use (auto.register.schemas)."),
    SCHEMA_REGISTRY_USE_LATEST_VERSION("false", "With auto-registration off, write with the subject's latest version, which must be the service's own schema (use.latest.version)."),
    SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION("", "Trust store file for an https:// registry (schema.registry.ssl.truststore.location); empty = the JVM's default CAs."),
    SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD("", "Password of that trust store (schema.registry.ssl.truststore.password). Never logged."),
    SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE("JKS", "Format of that trust store: JKS or PKCS12 (schema.registry.ssl.truststore.type)."),
    SCHEMA_REGISTRY_TIMEOUT_MS("10000", "Connect timeout and response timeout of one registry request, in milliseconds (http.connect.timeout.ms, http.read.timeout.ms)."),
    SCHEMA_REGISTRY_MAX_RETRIES("3", "Retries of a registry request that failed retriably (unreachable, timeout, 408, 429, 5xx) before the stream thread is restarted and the record retried (max.retries)."),
    SCHEMA_REGISTRY_RETRIES_WAIT_MS("1000", "Wait before the first registry retry, doubled each retry up to 20 s (retries.wait.ms)."),
    INPUT_TOPIC("articles.raw", "Topic of raw articles (Avro RawArticle)."),
    OUTPUT_TOPIC_PREFIX("articles.normalized.", "Output topic per target language: prefix + the language code in lower case, e.g. articles.normalized.en-us."),
    DLQ_TOPIC("articles.dlq", "Dead-letter topic (Avro DeadLetter, original bytes kept)."),
    TARGET_LANGUAGES("EN-US", "Comma-separated target languages as DeepL names them, e.g. EN-US,DE,FR,PT-BR."),
    SOURCE_LANGUAGES("", "Comma-separated ISO 639-1 languages accepted as sources; empty = every language DeepL translates from."),
    TRANSLATOR("deepl", "Machine-translation backend: deepl or apertium."),
    DEEPL_AUTH_KEY("", "DeepL API authentication key. Required when TRANSLATOR=deepl. Never logged."),
    DEEPL_SERVER_URL("", "DeepL API base URL; empty = chosen by the client from the key (api-free for keys ending in :fx)."),
    DEEPL_TIMEOUT_MS("10000", "Timeout of one DeepL HTTP request, in milliseconds."),
    DEEPL_MODEL_TYPE("", "DeepL model_type: quality_optimized, prefer_quality_optimized or latency_optimized, for every target, per target (DE=latency_optimized), or both (quality_optimized,DE=latency_optimized); empty = DeepL's default."),
    DEEPL_PROXY_URL("", "HTTP proxy DeepL is reached through, http://[user:password@]host:port; empty = a direct connection. Never logged."),
    DEEPL_EXTRA_HEADERS("", "Extra HTTP headers sent with every DeepL request, Name=value[,Name2=value2] (e.g. a gateway's header, or the DeepL mock's fault scenario); not Authorization, User-Agent or other headers the client sets. Values never logged."),
    APERTIUM_URL("", "Apertium-APY base URL when TRANSLATOR=apertium; empty = the local apertium command."),
    APERTIUM_TIMEOUT_MS("30000", "Timeout of one Apertium call (a process or an HTTP request), in milliseconds."),
    DEEPL_PRICE_PER_MILLION_CHARACTERS("25", "What DeepL charges per million billed characters, in your contract's currency: the cost meters (wire_translation_cost_total) multiply DeepL's billed characters by it. The default is DeepL API Pro's published usage price, USD 25 per million characters (EUR 20; besides the monthly base fee), as listed on deepl.com in 2025: set your contract's. A number, 0 or more."),
    APERTIUM_PRICE_PER_MILLION_CHARACTERS("0", "What Apertium costs per million characters sent, in the same currency: 0 for the self-hosted engine (set it to count what its servers cost, say); the cost meters multiply the characters sent to Apertium, which bills nothing, by it. A number, 0 or more."),
    TRANSLATION_MAX_ATTEMPTS("3", "Sync mode: attempts per translation request on retriable errors (429, 5xx, timeouts) before the stream thread is restarted and the record retried."),
    TRANSLATION_RETRY_BACKOFF_MS("500", "First backoff between attempts, doubled each attempt."),
    TRANSLATION_MODE("async", "async: the translate step hands texts to a batching dispatcher and emits results from a punctuator (pending store, per-story order); sync: the stream thread waits for the engine (the baseline)."),
    TRANSLATION_CONCURRENCY("8", "Async mode: engine requests in flight at once (dispatcher threads), shared by every stream thread of the instance."),
    TRANSLATION_BATCH_MAX_TEXTS("50", "Async mode: texts in one engine request at most (DeepL accepts 50)."),
    TRANSLATION_BATCH_MAX_BYTES("131072", "Async mode: request body size at most, in bytes, as sent form-encoded (DeepL accepts 128 KiB); 1 KiB of it is kept for the other parameters."),
    TRANSLATION_BATCH_LINGER_MS("5", "Async mode: how long the oldest queued text of a language pair waits for others before a partial batch leaves."),
    TRANSLATION_QUEUE_CAPACITY("4000", "Async mode: texts queued or in flight at most; when full, the stream thread waits (back-pressure)."),
    TRANSLATION_BACKPRESSURE_TIMEOUT_MS("20000", "Async mode: the longest a stream thread waits for room in the queue before it fails and its records are processed again; at most 120000 (max.poll.interval.ms is 300000)."),
    TRANSLATION_EMIT_INTERVAL_MS("10", "Async mode: how often finished articles are emitted when no input arrives (wall-clock punctuator; also Kafka Streams poll.ms)."),
    TRANSLATION_RETRY_MAX_BACKOFF_MS("30000", "Async mode: the longest wait between two attempts of a failed request (retried without limit, starting at TRANSLATION_RETRY_BACKOFF_MS)."),
    TRANSLATION_MEMORY("true", "Keep a paragraph-level translation memory (async mode): paragraphs translated before with the same engine, settings and language pair are not sent to the engine again."),
    TRANSLATION_MEMORY_MAX_AGE_DAYS("30", "A remembered translation older than this many days is not used and is deleted (it is translated anew)."),
    TRANSLATION_MEMORY_MAX_ENTRIES("200000", "Paragraphs remembered per target language and input partition (each stream task keeps its own memory); beyond this the oldest are deleted."),
    NORMALIZATION_RULES_FILE("", "Boilerplate rules file (name, sources, kind, regex per line; docs/records.md: Normalization); empty = the built-in rules."),
    DISCLAIMERS_FILE("", "Properties file of disclaimer templates per target language (fr=... {source} ... {engine}); empty = the built-in ones."),
    QUALITY_CHECKS("true", "Flag untranslated fragments, suspicious length ratios and empty translations on every translation."),
    QUALITY_MIN_LENGTH_RATIO("0.5", "A translation shorter than this fraction of its source's length is flagged."),
    QUALITY_MAX_LENGTH_RATIO("2.0", "A translation longer than this multiple of its source's length is flagged."),
    QUALITY_REVIEW_TOPIC("", "When set, translations with quality flags (and those REVIEW_SOURCES and REVIEW_URGENCIES name) go to this topic for review instead of the output topic; the review desk (the review command) reads it."),
    DETECTION_ACCURACY("low", "Lingua accuracy mode: low (~1 s load, ~40 MB) or high (~10 s, ~900 MB; better on headline-only items)."),
    DETECTION_MAX_CHARS("500", "Characters of headline + body the detector looks at (cost grows with length)."),
    DETECTION_MIN_CONFIDENCE("0.95", "Below this calibrated confidence (the share of such detections that are right) the declared language is used; without one the article is dead-lettered."),
    PROCESSING_GUARANTEE("exactly_once_v2", "Kafka Streams processing.guarantee: exactly_once_v2 or at_least_once."),
    NUM_STREAM_THREADS("1", "Kafka Streams stream threads in this instance."),
    STATE_DIR("", "Kafka Streams state directory; empty = <java.io.tmpdir>/kafka-streams."),
    REPLICATION_FACTOR("-1", "Replication factor of the internal topics and of topics the service creates; -1 = the broker's default."),
    COMMIT_INTERVAL_MS("", "Kafka Streams commit.interval.ms: how long an output may wait for its transaction. Empty = 1000 ms in async mode, where the translate step asks for a commit as soon as it has emitted while the input is caught up (records under 3 s old), at most every 100 ms; Kafka's default (100 ms under exactly-once) in sync mode."),
    SHUTDOWN_TIMEOUT_MS("30000", "How long SIGTERM waits for Kafka Streams to close cleanly."),
    NUM_STANDBY_REPLICAS("0", "Kafka Streams num.standby.replicas: warm copies of each task's state kept on other instances, so a failover does not restore from the changelog."),
    GROUP_INSTANCE_ID("", "Static membership: a stable name for this instance (the pod name); each stream thread joins as <name>-<thread>. A restart within SESSION_TIMEOUT_MS then causes no rebalance. Empty = dynamic membership."),
    SESSION_TIMEOUT_MS("", "Consumer session.timeout.ms: how long the group waits for a silent instance before moving its partitions; empty = Kafka's default (45000)."),
    TRANSACTION_TIMEOUT_MS("", "Exactly-once: producer transaction.timeout.ms, how long a crashed instance's open transaction blocks its partitions for the next owner; empty = max(60000, TRANSLATION_BACKPRESSURE_TIMEOUT_MS + 30000) in async mode, 10000 (Kafka Streams) in sync mode."),
    HTTP_BIND_ADDRESS("127.0.0.1", "Address the metrics and health HTTP server listens on; 0.0.0.0 in a container, so probes and scrapers reach it."),
    HTTP_PORT("8080", "Port of the metrics and health HTTP server (/metrics, /health/live, /health/ready, /health/engine); 0 = any free port."),
    LOG_FORMAT("plain", "Log lines: plain (text) or json (one JSON object per line, with articleId, revision and stage as fields)."),
    GLOSSARY_DIR("", "Directory of glossary files, one per language pair, named after it (fr-en.tsv, de-en.csv: source term, target term per line); DeepL glossaries are created from them. Empty = no glossaries."),
    PROTECTED_TERMS_FILE("", "File of terms never to translate (names, tickers, titles), one per line; empty = none."),
    GLOSSARY_RELOAD_INTERVAL_MS("30000", "How often GLOSSARY_DIR and PROTECTED_TERMS_FILE are read again; a change is synced to DeepL and used for new requests. 0 = only at start-up."),
    DEEPL_FORMALITY("", "DeepL formality per target language, e.g. DE=more,FR=prefer_less (default, more, less, prefer_more, prefer_less); more and less only for targets DeepL supports formality for. Empty = DeepL's default."),
    DEEPL_CONTEXT_FROM_HEADLINE("false", "Send each article's headline as DeepL's context (not billed) with its texts; each article then has its own requests."),
    DEEPL_STYLE_ID("", "DeepL style rule (style_id) for every target, per target (DE=<id>), or both; DeepL's style rules are per language, so a rule whose language is not the target's stops start-up, as does an id DeepL does not know. Not with model_type latency_optimized. Empty = none."),
    DEEPL_CUSTOM_INSTRUCTIONS_FILE("", "File of DeepL custom instructions, one per line, 'TARGET: instruction' or '*: instruction' for every target (# comments); at most 10 per target and 300 characters each (DeepL's limits), only for targets DeepL takes them for (DE, EN, ES, FR, IT, JA, KO, ZH and variants). Read at start-up. Empty = none."),
    DEEPL_GLOSSARY_IDS("", "DeepL glossaries managed at DeepL (multilingual, v3) sent with every request besides the service's own from GLOSSARY_DIR: ids for every target, per target (DE=<id>), or both, comma-separated; at most 5 glossaries in one request, the service's own included. A request carries only those with a dictionary for its language pair. Empty = none."),
    DEEPL_TRANSLATION_MEMORY_ID("", "DeepL translation memory (translation_memory_id) for every target, per target (DE=<id>), or both; an id DeepL does not know, or whose languages do not include the target, stops start-up. Empty = none."),
    DEEPL_TRANSLATION_MEMORY_THRESHOLD("", "Minimum match percentage (0-100) for DeepL to use a translation memory's segment (translation_memory_threshold); needs DEEPL_TRANSLATION_MEMORY_ID. Empty = DeepL's default."),
    DEEPL_REPORTING_TAG("", "Sent as the X-DeepL-Reporting-Tag header with every DeepL request, so DeepL's cost reports can be split by it (e.g. the deployment or desk); 1-100 letters, digits, '-', '_', '.', ':' or '/'. Empty = none."),
    CIRCUIT_BREAKER_FAILURES("5", "Consecutive failed engine requests (429, 5xx, timeouts, connection errors) that open the circuit: translation and consumption pause until a probe finds the engine back."),
    CIRCUIT_BREAKER_PROBE_INTERVAL_MS("30000", "While the circuit is open, how often the engine is probed (DeepL's usage endpoint, not billed)."),
    QUOTA_PROBE_INTERVAL_MS("60000", "While translation is paused for an exhausted quota (DeepL HTTP 456), how often DeepL's usage endpoint is asked whether the characters left can take the articles held."),
    KAFKA_SECURITY_PROTOCOL("PLAINTEXT", "Kafka security.protocol of every client the service opens: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL."),
    KAFKA_SASL_MECHANISM("", "Kafka sasl.mechanism, e.g. PLAIN, SCRAM-SHA-512, OAUTHBEARER; empty = Kafka's default (GSSAPI)."),
    KAFKA_SASL_JAAS_CONFIG("", "Kafka sasl.jaas.config (the login module and its credentials); required with a SASL_ protocol. Never logged."),
    KAFKA_SSL_TRUSTSTORE_LOCATION("", "Kafka ssl.truststore.location: trust store for the brokers' certificates; empty = the JVM's default CAs."),
    KAFKA_SSL_TRUSTSTORE_PASSWORD("", "Kafka ssl.truststore.password. Never logged."),
    KAFKA_SSL_TRUSTSTORE_TYPE("", "Kafka ssl.truststore.type: JKS or PKCS12; empty = Kafka's default (JKS)."),
    KAFKA_SSL_KEYSTORE_LOCATION("", "Kafka ssl.keystore.location: the client's own certificate, for brokers that require mutual TLS."),
    KAFKA_SSL_KEYSTORE_PASSWORD("", "Kafka ssl.keystore.password. Never logged."),
    KAFKA_SSL_KEY_PASSWORD("", "Kafka ssl.key.password: the password of the private key in the key store. Never logged."),
    REVIEW_SOURCES("", "Sources (RawArticle.source, comma-separated, e.g. afp,rss:example.org) whose every translation goes to QUALITY_REVIEW_TOPIC for an editor, flagged or not; needs QUALITY_REVIEW_TOPIC. Empty = none."),
    REVIEW_URGENCIES("", "IPTC urgencies (comma-separated, 1 to 9, e.g. 1,2) whose every translation goes to QUALITY_REVIEW_TOPIC for an editor, flagged or not; needs QUALITY_REVIEW_TOPIC. Empty = none."),
    REVIEW_APPLICATION_ID("wire-translation-review", "Review desk: its Kafka Streams application.id (its own consumer group, transactional ids and state: the queue store's changelog)."),
    REVIEW_REQUESTS_TOPIC("articles.review.requests", "Review desk: topic of the editors' decision requests (Avro ReviewRequest, key = story id); created with the review topic's partition count."),
    REVIEW_DECISIONS_TOPIC("articles.review.decisions", "Review desk: the audit topic, one Avro ReviewDecision per decision (who, when, what, revision, settings fingerprint)."),
    REVIEW_HTTP_BIND_ADDRESS("127.0.0.1", "Review desk: address its web server listens on; another address only behind a TLS-terminating reverse proxy."),
    REVIEW_HTTP_PORT("8090", "Review desk: port of its web server; 0 = any free port."),
    REVIEW_USERS_FILE("", "Review desk: file of editors, one name:bcrypt-hash per line (review hash-password makes the hash); required unless REVIEW_AUTH_PROXY_HEADER is set."),
    REVIEW_AUTH_PROXY_HEADER("", "Review desk: take the editor's name from this request header, set by the newsroom's authenticating reverse proxy, instead of a sign-in (e.g. X-Forwarded-User). Only safe when nothing but that proxy can reach the desk. Empty = off."),
    REVIEW_COOKIE_SECURE("false", "Review desk: mark the session cookie Secure (sent over HTTPS only); true behind a TLS-terminating proxy."),
    REVIEW_DISCLAIMERS_FILE("", "Properties file of the reviewed-translation disclaimers per target language (fr=... {source} ... {engine} ...), replacing the built-in ones; empty = the built-in ones."),
    MAX_ARTICLE_BYTES("1048576", "Largest raw article accepted, in bytes of the input record's value; a larger one is dead-lettered on arrival as ARTICLE_TOO_LARGE, before any work is spent on it. The default, 1 MiB, is about the most a raw topic left at Kafka's defaults carries (message.max.bytes 1048588). The records the service writes for one article are up to about 3.7x its size (measured: the pending-store entry, with the raw bytes, the decoded article and its normalized text, 3.0x; an output whose paragraphs are all flagged untranslated 3.7x; docs/operations.md: Sizes), so the producer's max.request.size and the max.message.bytes of the topics the service creates (and of its changelogs) are set to 4 x this + 64 KiB; start-up stops when a topic it writes to holds less. At most 20000000 (the records must stay under the broker's socket.request.max.bytes, 100 MB by default).");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String env() {
        return name();
    }

    public String property() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /** The default, or null when the setting is required. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return this == DEEPL_AUTH_KEY || this == DEEPL_PROXY_URL || this == DEEPL_EXTRA_HEADERS
                || this == SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO
                || this == SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD
                || this == KAFKA_SASL_JAAS_CONFIG || this == KAFKA_SSL_TRUSTSTORE_PASSWORD
                || this == KAFKA_SSL_KEYSTORE_PASSWORD || this == KAFKA_SSL_KEY_PASSWORD;
    }
}
