package news.wiretranslation.translate.deepl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A stand-in for DeepL's HTTP API, on 127.0.0.1, for tests and benchmarks that must not reach (or pay) DeepL.
 *
 * <p>It speaks enough of API v2 for deepl-java: {@code POST /v2/translate} (form-urlencoded, as deepl-java sends it,
 * or JSON), {@code GET /v2/usage} and {@code GET /v2/languages?type=source|target}. It checks the
 * {@code Authorization: DeepL-Auth-Key <key>} header and refuses requests like DeepL does: more than
 * {@value #MAX_TEXTS_PER_REQUEST} texts (400), a body over {@value #MAX_BODY_BYTES} bytes (413) - both also noted in
 * {@link #limitViolations()} - and unsupported languages (400).
 *
 * <p>Translations are deterministic and recognisable: {@code "[" + TARGET + "] " + text}, e.g. {@code [EN-US] Bonjour},
 * unless {@link #fixTranslation} registered one for that exact text. {@code billed_characters} is the text's length
 * in Unicode code points, answered per text when the request asks for it ({@code show_billed_characters}, which
 * deepl-java always sends). {@code detected_source_language} is the {@code source_lang} sent, upper-cased ({@code EN}
 * if none). {@code model_type_used} is always present: the requested {@code model_type} without its
 * {@code prefer_} prefix, else {@code quality_optimized} (real DeepL omits it when no model type was requested).
 *
 * <p>Faults are injected at run time and apply to requests on any endpoint, in this order: latency, then the
 * script ({@link #failNext}, {@link #hangNext}, {@link #passNext}, consumed one entry per request in the order
 * they were added; a hung request is answered normally afterwards, usually to a client
 * that gave up), then the auth check, then the rate limit; the quota applies to translations.
 *
 * <p>Glossaries: the multilingual v3 endpoints deepl-java calls ({@link StandInGlossaries}); a translation naming a
 * {@code glossary_id} gets its entries applied (404 for an unknown glossary). With {@code tag_handling=xml} the texts
 * must be well-formed XML (400 otherwise) and the content of {@code ignore_tags} elements is left alone, also by
 * {@link #translateWord}. {@code formality=more|less} is refused (400) for targets without formality, as DeepL does.
 *
 * <p>Customizations kept at DeepL ({@link StandInCustomizations}): style rules and translation memories that tests
 * add ({@link #addStyleRule}, {@link #addTranslationMemory}) and deepl-java reads ({@code GET /v3/style_rules/{id}},
 * {@code GET /v3/translation_memories/{id}}); a translation naming an unknown {@code style_id} or
 * {@code translation_memory_id} gets 404, DeepL's limits on {@code custom_instructions} and {@code glossary_ids}
 * (several glossaries, each applied) are enforced with 400. {@code /v2/usage} reports the billing period
 * ({@code start_time}, {@code end_time}) once {@link #setBillingPeriod} set one, as DeepL does for Pro keys. Every
 * parameter and header of a request is recorded, for tests of what the client sends.
 *
 * <p>Every translate request is recorded ({@link #requests()}), including refused ones. Requests are handled on
 * {@value #THREADS} threads, so concurrent requests overlap as they do against DeepL.
 */
public final class DeepLStandIn implements AutoCloseable {

    /** DeepL's limit of {@code text} parameters per request. */
    public static final int MAX_TEXTS_PER_REQUEST = 50;

    /** DeepL's limits on glossaries and custom instructions in one request. */
    public static final int MAX_GLOSSARIES_PER_REQUEST = 5;
    public static final int MAX_INSTRUCTIONS = 10;
    public static final int MAX_INSTRUCTION_CHARS = 300;

    /** DeepL's limit on the body of a text-translation request: 128 KiB. */
    public static final int MAX_BODY_BYTES = 128 * 1024;

    /** The monthly character limit {@code /v2/usage} reports (that of DeepL's free plan). */
    public static final long CHARACTER_LIMIT = 500_000;

    /** The limit {@code /v2/usage} reports. */
    private volatile long characterLimit = CHARACTER_LIMIT;
    /** When set, a translation that would bill past the limit gets 456, as DeepL's does. */
    private volatile boolean characterLimitEnforced;
    /** Characters of the period used before this stand-in's own answers (by other clients of the account). */
    private volatile long charactersUsedElsewhere;

    /** DeepL's source languages, lower case. */
    public static final Set<String> DEEPL_SOURCE_LANGUAGES = Set.of(
            "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it", "ja", "ko",
            "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr", "uk", "vi", "zh");

    /** DeepL's target languages, upper case (deprecated {@code EN} and {@code PT} included, as DeepL accepts them). */
    public static final Set<String> DEEPL_TARGET_LANGUAGES = Set.of(
            "AR", "BG", "CS", "DA", "DE", "EL", "EN", "EN-GB", "EN-US", "ES", "ES-419", "ET", "FI", "FR", "HE", "HU",
            "ID", "IT", "JA", "KO", "LT", "LV", "NB", "NL", "PL", "PT", "PT-BR", "PT-PT", "RO", "RU", "SK", "SL",
            "SV", "TH", "TR", "UK", "VI", "ZH", "ZH-HANS", "ZH-HANT");

    /** DeepL's targets with {@code supports_formality}: others refuse {@code formality=more|less} with 400. */
    public static final Set<String> FORMALITY_TARGETS = Set.of("DE", "FR", "IT", "ES", "ES-419", "NL", "PL", "PT-BR",
            "PT-PT", "JA", "RU");

    private static final int THREADS = 16;
    private static final String DEFAULT_MODEL = "quality_optimized";

    private final String authKey;
    private final int requestedPort;
    private final ObjectMapper json = new ObjectMapper();
    private final StandInFaults faults = new StandInFaults();
    private final Map<String, String> fixedTranslations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> wordTranslations = new ConcurrentHashMap<>();
    private final StandInGlossaries glossaries = new StandInGlossaries();
    private final StandInCustomizations customizations = new StandInCustomizations();
    /** The billing period {@code /v2/usage} reports (as DeepL does for Pro keys); null: none, as for Free keys. */
    private volatile Instant periodStart;
    private volatile Instant periodEnd;
    private volatile int unknownGlossaryStatus = 404;
    private volatile boolean glossaryCreationRefused;
    /** Every request's headers (names in lower case), for the checks of what the client sends. */
    private final List<Map<String, List<String>>> headersSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<RecordedRequest> recorded = new ArrayList<>(); // guarded by itself
    private final List<String> violations = new ArrayList<>(); // guarded by itself
    private final AtomicLong translatedTexts = new AtomicLong();
    private final AtomicLong billedCharacters = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Set<String> sourceLanguages = DEEPL_SOURCE_LANGUAGES;
    private volatile Set<String> targetLanguages = DEEPL_TARGET_LANGUAGES;
    private HttpServer server;
    private ExecutorService executor;
    private boolean stopped;

    /** A stand-in with a fresh random auth key on a free port. */
    public DeepLStandIn() {
        this("stand-in-" + UUID.randomUUID());
    }

    /** A stand-in that accepts only {@code authKey}, on a free port. */
    public DeepLStandIn(String authKey) {
        this(authKey, 0);
    }

    /** A stand-in that accepts only {@code authKey}, on {@code port} (0: a free one). */
    public DeepLStandIn(String authKey, int port) {
        this.authKey = authKey;
        this.requestedPort = port;
    }

    /** Binds to 127.0.0.1 and starts answering. Returns this, for {@code new DeepLStandIn().start()}. */
    public synchronized DeepLStandIn start() throws IOException {
        return start(null);
    }

    /**
     * Binds to 127.0.0.1 and answers over TLS with {@code tls}'s certificate ({@link #url()} is then
     * {@code https://127.0.0.1:port}), as DeepL's API does.
     */
    public synchronized DeepLStandIn startTls(javax.net.ssl.SSLContext tls) throws IOException {
        return start(tls);
    }

    private DeepLStandIn start(javax.net.ssl.SSLContext tls) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "deepl-stand-in-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort);
        if (tls == null) {
            server = HttpServer.create(address, 64);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /**
     * Stops answering; requests held by latency or {@link #hangNext} are released at once (and recorded) and their
     * clients see the connection close. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed.countDown();
        if (server != null && !stopped) {
            stopped = true;
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}, as {@code DeepLSettings.serverUrl} expects it. */
    public synchronized String url() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    public String authKey() {
        return authKey;
    }

    // ---- behaviour ----

    /** From now on, {@code source} translates to {@code target} instead of the tagged default. */
    public void fixTranslation(String source, String target) {
        fixedTranslations.put(source, target);
    }

    /** From now on, {@code source} translates to {@code translation} when the target is {@code targetLanguage} (e.g. EN-US). */
    public void fixTranslation(String source, String targetLanguage, String translation) {
        fixedTranslations.put(targetLanguage.toUpperCase(Locale.ROOT) + "\u0000" + source, translation);
    }

    /**
     * From now on, the whole word {@code word} becomes {@code translation} in texts translated into
     * {@code targetLanguage} (outside ignored tags, like DeepL's {@code ignore_tags}); the rest is tagged as usual.
     */
    public void translateWord(String targetLanguage, String word, String translation) {
        wordTranslations.computeIfAbsent(targetLanguage.toUpperCase(Locale.ROOT), t -> new ConcurrentHashMap<>())
                .put(word, translation);
    }

    /** Source languages to accept (any case); others get DeepL's 400. */
    public void setSupportedSourceLanguages(Collection<String> languages) {
        sourceLanguages = languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Target languages to accept (any case); others get DeepL's 400. */
    public void setSupportedTargetLanguages(Collection<String> languages) {
        targetLanguages = languages.stream().map(l -> l.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    // ---- faults ----

    /** Every request waits {@code base} plus a uniformly random share of {@code jitter} before it is answered. */
    public void setLatency(Duration base, Duration jitter) {
        faults.setLatency(base, jitter);
    }

    /** The next {@code n} requests fail with {@code status} (e.g. 429, 456, 500, 503). */
    public void failNext(int n, int status) {
        faults.failNext(n, status, null);
    }

    /** Like {@link #failNext(int, int)}, with a {@code Retry-After} header (whole seconds, rounded up). */
    public void failNext(int n, int status, Duration retryAfter) {
        faults.failNext(n, status, retryAfter);
    }

    /** The next {@code n} requests are held for {@code hang} before being answered: a client timeout in waiting. */
    public void hangNext(int n, Duration hang) {
        faults.hangNext(n, hang);
    }

    /**
     * The next {@code n} requests are handled normally, before any failure or hang scripted after this call: with
     * {@code passNext(1); failNext(1, 503)} the second request from now fails.
     */
    public void passNext(int n) {
        faults.passNext(n);
    }

    /** At most this many requests in any sliding second; more get 429. 0 removes the limit. */
    public void setRateLimit(int requestsPerSecond) {
        faults.setRateLimit(requestsPerSecond);
    }

    /** The monthly character limit {@code /v2/usage} reports (a soak bills more than the free plan's). */
    public void setCharacterLimit(long limit) {
        characterLimit = limit;
    }

    /**
     * With {@code true}, the character limit holds as DeepL's does: a translation whose texts would take the billed
     * characters past {@link #setCharacterLimit the limit} gets 456 (nothing billed), and {@code /v2/usage} reports
     * the characters billed so far against the limit; raise the limit to free quota.
     */
    public void enforceCharacterLimit(boolean enforced) {
        characterLimitEnforced = enforced;
    }

    /** Characters of the billing period used by others before: counted by {@code /v2/usage} and the enforced limit. */
    public void setCharactersUsedElsewhere(long characters) {
        charactersUsedElsewhere = characters;
    }

    /** While set, every translation gets 456 and {@code /v2/usage} reports the character limit reached. */
    public void setQuotaExceeded(boolean exceeded) {
        faults.setQuotaExceeded(exceeded);
    }

    /**
     * The status a translation naming a glossary the stand-in does not know gets, with the message
     * {@code Glossary not found}: 404 by default (deepl-java's and the DeepL mock's answer), 400 as the DeepL API
     * answered once the glossary had been deleted.
     */
    public void setUnknownGlossaryStatus(int status) {
        unknownGlossaryStatus = status;
    }

    /** While set, creating a glossary gets 400: a glossary the service lost cannot be made again. */
    public void setGlossaryCreationRefused(boolean refused) {
        glossaryCreationRefused = refused;
    }

    /**
     * Removes latency, scripted failures and hangs, the rate limit, the exhausted quota, the enforced limit and the
     * glossary faults.
     */
    public void clearFaults() {
        faults.clear();
        characterLimitEnforced = false;
        charactersUsedElsewhere = 0;
        unknownGlossaryStatus = 404;
        glossaryCreationRefused = false;
    }

    // ---- observation ----

    /** The translate requests received so far, in arrival order (a snapshot). */
    /** The values of the request header {@code name} (any case) of every request received, in order, one per request (null when absent). */
    public List<String> headerValues(String name) {
        return headersSeen.stream().map(h -> h.get(name.toLowerCase(Locale.ROOT)))
                .map(v -> v == null ? null : String.join(",", v)).collect(Collectors.toList());
    }

    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** How many translate requests were received, answered or refused. */
    public int requestCount() {
        synchronized (recorded) {
            return recorded.size();
        }
    }

    /** Texts translated in successful (200) answers. */
    public long textCount() {
        return translatedTexts.get();
    }

    /** Characters (code points) billed in successful answers. */
    public long billedCharacters() {
        return billedCharacters.get();
    }

    /** Each request that broke DeepL's per-request limits, described. Empty when every client behaved. */
    public List<String> limitViolations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** The calls that changed glossaries, in order: {@code CREATE <id> <name>}, {@code DELETE <id>}. */
    public List<String> glossaryChanges() {
        return glossaries.changes();
    }

    /** The glossaries stored now, oldest first: id, name and entries per {@code source>target}. */
    public List<StandInGlossaries.Stored> glossaries() {
        return glossaries.all();
    }

    /** Adds a glossary as a newsroom makes one in DeepL's interface (one dictionary): its id. */
    public String addGlossary(String name, String source, String target, Map<String, String> entries) {
        return glossaries.add(name, source, target, entries);
    }

    /** Adds a style rule for {@code language} (e.g. {@code de}), as made in DeepL's interface: its id. */
    public String addStyleRule(String name, String language) {
        return customizations.addStyle(name, language);
    }

    /** Adds a translation memory from {@code source} into {@code targets} (e.g. {@code fr}, [{@code de}]): its id. */
    public String addTranslationMemory(String name, String source, List<String> targets) {
        return customizations.addMemory(name, source, targets);
    }

    /** Deletes a style rule or translation memory at DeepL, behind the service's back. */
    public void deleteCustomization(String id) {
        customizations.delete(id);
    }

    /** Brings a deleted style rule or translation memory back under its id. */
    public void restoreCustomization(String id) {
        customizations.restore(id);
    }

    /**
     * Makes {@code /v2/usage} report the billing period ({@code start_time}, {@code end_time}), as DeepL does for
     * Pro keys; null for neither (Free keys).
     */
    public void setBillingPeriod(Instant start, Instant end) {
        periodStart = start;
        periodEnd = end;
    }

    /** Deletes a glossary behind the service's back, as someone with the account's key could. */
    public void deleteGlossary(String id) {
        glossaries.handle("DELETE", "/v3/glossaries/" + id, null);
    }

    /** Forgets recorded requests, violations and counters (faults and fixed translations stay). */
    public void reset() {
        synchronized (recorded) {
            recorded.clear();
        }
        synchronized (violations) {
            violations.clear();
        }
        translatedTexts.set(0);
        billedCharacters.set(0);
        headersSeen.clear();
    }

    // ---- serving ----

    /** An HTTP answer about to be sent. */
    private record Answer(int status, byte[] body, Duration retryAfter) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant at = Instant.now();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            headersSeen.add(headers);
            String path = exchange.getRequestURI().getPath();
            boolean translate = path.equals("/v2/translate");
            StandInParameters parameters = parametersOf(exchange, body,
                    translate || "POST".equals(exchange.getRequestMethod()));

            Answer answer = gate(exchange);
            if (answer == null) {
                answer = route(path, exchange, parameters, body.length);
            }
            if (translate) {
                record(parameters, body.length, at, answer.status());
            }
            send(exchange, answer);
        } catch (IOException e) {
            // The client went away (e.g. timed out during a hang): nothing left to answer.
        }
    }

    private StandInParameters parametersOf(HttpExchange exchange, byte[] body, boolean inBody) {
        try {
            return inBody
                    ? StandInParameters.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body)
                    : StandInParameters.fromQuery(exchange.getRequestURI().getRawQuery());
        } catch (IOException e) {
            return null;
        }
    }

    /** The injected faults and the auth check; null lets the request through. */
    private Answer gate(HttpExchange exchange) throws IOException {
        pause(faults.nextLatency());
        StandInFaults.Scripted scripted = faults.nextScripted();
        if (scripted != null && scripted.action() == StandInFaults.Action.HANG) {
            pause(scripted.hang());
        } else if (scripted != null && scripted.action() == StandInFaults.Action.FAIL) {
            return new Answer(scripted.status(), message(failureMessage(scripted.status())), scripted.retryAfter());
        }
        if (!("DeepL-Auth-Key " + authKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(403, "Authorization failure, check auth key");
        }
        if (!faults.admit(System.nanoTime())) {
            return error(429, "Too many requests");
        }
        return null;
    }

    private Answer route(String path, HttpExchange exchange, StandInParameters parameters, long bodyBytes)
            throws IOException {
        return switch (path) {
            case "/v2/translate" -> "POST".equals(exchange.getRequestMethod())
                    ? translate(parameters, bodyBytes) : error(405, "Method not allowed");
            case "/v2/usage" -> usage();
            case "/v2/languages" -> languages(parameters);
            default -> {
                StandInGlossaries.Reply reply = customizations.handle(exchange.getRequestMethod(), path);
                yield reply != null ? reply(reply) : glossaryEndpoint(exchange.getRequestMethod(), path, parameters);
            }
        };
    }

    private Answer glossaryEndpoint(String method, String path, StandInParameters parameters) throws IOException {
        if (glossaryCreationRefused && "POST".equals(method) && path.equals("/v3/glossaries")) {
            return error(400, "Glossary creation refused by the stand-in");
        }
        StandInGlossaries.Reply reply = glossaries.handle(method, path, parameters);
        if (reply == null) {
            return error(404, "Not found");
        }
        return reply(reply);
    }

    private Answer reply(StandInGlossaries.Reply reply) throws IOException {
        return new Answer(reply.status(), reply.body() == null ? new byte[0] : json.writeValueAsBytes(reply.body()), null);
    }

    private Answer translate(StandInParameters parameters, long bodyBytes) throws IOException {
        if (faults.quotaExceeded()) {
            return error(456, "Quota exceeded");
        }
        if (parameters == null) {
            return error(400, "Could not parse request body");
        }
        List<String> texts = parameters.all("text");
        if (bodyBytes > MAX_BODY_BYTES) {
            violation("request body of " + bodyBytes + " bytes (limit " + MAX_BODY_BYTES + ")");
            return error(413, "Request Entity Too Large");
        }
        if (texts.size() > MAX_TEXTS_PER_REQUEST) {
            violation(texts.size() + " texts in one request (limit " + MAX_TEXTS_PER_REQUEST + ")");
            return error(400, "Too many texts in request");
        }
        if (texts.isEmpty()) {
            return error(400, "Parameter 'text' not specified.");
        }
        String target = parameters.first("target_lang");
        if (target == null) {
            return error(400, "Parameter 'target_lang' not specified.");
        }
        String source = parameters.first("source_lang");
        if (source != null && !sourceLanguages.contains(source.toLowerCase(Locale.ROOT))) {
            return error(400, "Value for 'source_lang' not supported.");
        }
        String targetTag = target.toUpperCase(Locale.ROOT);
        if (!targetLanguages.contains(targetTag)) {
            return error(400, "Value for 'target_lang' not supported.");
        }

        String formality = parameters.first("formality");
        if (("more".equals(formality) || "less".equals(formality)) && !FORMALITY_TARGETS.contains(targetTag)) {
            return error(400, "'formality' is not supported for given 'target_lang'.");
        }
        Map<String, String> dictionary = new java.util.LinkedHashMap<>();
        List<String> glossaryIds = new ArrayList<>(RecordedRequest.listOf(parameters.all("glossary_ids")));
        if (parameters.first("glossary_id") != null) {
            if (!glossaryIds.isEmpty()) {
                return error(400, "glossary_id and glossary_ids cannot be used together");
            }
            glossaryIds.add(parameters.first("glossary_id"));
        }
        if (glossaryIds.size() > MAX_GLOSSARIES_PER_REQUEST) {
            return error(400, "At most " + MAX_GLOSSARIES_PER_REQUEST + " glossaries per request");
        }
        for (String glossaryId : glossaryIds) {
            if (source == null) {
                return error(400, "Use of a glossary requires the source_lang parameter to be specified");
            }
            if (!glossaries.exists(glossaryId)) {
                return error(unknownGlossaryStatus, "Glossary not found");
            }
            Map<String, String> entries = glossaries.dictionary(glossaryId, source, targetTag);
            if (entries == null) {
                return error(400, "Glossary has no dictionary for " + source + "->" + targetTag);
            }
            entries.forEach(dictionary::putIfAbsent); // the first glossary naming a term wins
        }
        Answer refused = refusedCustomization(parameters, targetTag);
        if (refused != null) {
            return refused;
        }
        boolean xml = "xml".equals(parameters.first("tag_handling"));
        List<String> ignored = parameters.first("ignore_tags") == null ? List.of()
                : List.of(parameters.first("ignore_tags").split(","));
        if (xml) {
            for (String text : texts) {
                if (!wellFormed(text)) {
                    return error(400, "Tag handling parsing failed, please check input.");
                }
            }
        }
        if (characterLimitEnforced) {
            long asked = texts.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
            if (charactersUsedElsewhere + billedCharacters.get() + asked > characterLimit) {
                return error(456, "Quota exceeded. The character limit has been reached.");
            }
        }
        boolean showBilled = "1".equals(parameters.first("show_billed_characters"))
                || "true".equalsIgnoreCase(parameters.first("show_billed_characters"));
        Map<String, String> words = new java.util.HashMap<>(wordTranslations.getOrDefault(targetTag, Map.of()));
        words.putAll(dictionary); // the glossary wins over the engine's own choice

        String detected = source == null ? "EN" : source.toUpperCase(Locale.ROOT);
        String model = modelUsed(parameters.first("model_type"));
        ObjectNode root = json.createObjectNode();
        ArrayNode translations = root.putArray("translations");
        long billed = 0;
        for (String text : texts) {
            int characters = text.codePointCount(0, text.length());
            billed += characters;
            ObjectNode translation = translations.addObject()
                    .put("detected_source_language", detected)
                    .put("text", fixedTranslations.getOrDefault(targetTag.toUpperCase(Locale.ROOT) + "\u0000" + text,
                            fixedTranslations.getOrDefault(text, "[" + targetTag + "] "
                                    + StandInGlossaries.apply(text, words, xml ? ignored : List.of()))))
                    .put("model_type_used", model);
            if (showBilled) {
                translation.put("billed_characters", characters);
            }
        }
        translatedTexts.addAndGet(texts.size());
        billedCharacters.addAndGet(billed);
        return new Answer(200, json.writeValueAsBytes(root), null);
    }

    /**
     * DeepL's refusals of style rules, custom instructions and translation memories: unknown ids (404), more than
     * {@value #MAX_INSTRUCTIONS} instructions or one over {@value #MAX_INSTRUCTION_CHARS} characters, either of them
     * with {@code latency_optimized}, a threshold outside 0-100 or without a memory, an unknown tag handling version
     * (400); null when none applies.
     */
    private Answer refusedCustomization(StandInParameters parameters, String targetTag) throws IOException {
        String style = parameters.first("style_id");
        if (style != null && !customizations.styleExists(style)) {
            return error(404, "Style rule not found");
        }
        List<String> instructions = parameters.all("custom_instructions");
        if (instructions.size() > MAX_INSTRUCTIONS
                || instructions.stream().anyMatch(i -> i.codePointCount(0, i.length()) > MAX_INSTRUCTION_CHARS)) {
            return error(400, "Too many or too long custom_instructions");
        }
        if ((style != null || !instructions.isEmpty()) && "latency_optimized".equals(parameters.first("model_type"))) {
            return error(400, "Style rules and custom instructions are not supported with latency_optimized");
        }
        String memory = parameters.first("translation_memory_id");
        if (memory != null && !customizations.memoryExists(memory)) {
            return error(404, "Translation memory not found");
        }
        String threshold = parameters.first("translation_memory_threshold");
        if (threshold != null && (memory == null || !threshold.matches("\\d{1,3}") || Integer.parseInt(threshold) > 100)) {
            return error(400, "Invalid translation_memory_threshold");
        }
        String version = parameters.first("tag_handling_version");
        if (version != null && !Set.of("v1", "v2").contains(version)) {
            return error(400, "Value for 'tag_handling_version' not supported.");
        }
        return null;
    }

    /** Whether {@code text} parses as XML content (DeepL refuses a request whose text does not, with tag handling). */
    private static boolean wellFormed(String text) {
        try {
            javax.xml.parsers.SAXParserFactory.newInstance().newSAXParser().parse(
                    new org.xml.sax.InputSource(new java.io.StringReader("<r>" + text + "</r>")),
                    new org.xml.sax.helpers.DefaultHandler());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String modelUsed(String requested) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT_MODEL;
        }
        return requested.startsWith("prefer_") ? requested.substring("prefer_".length()) : requested;
    }

    private Answer usage() throws IOException {
        long limit = characterLimit;
        long used = charactersUsedElsewhere + billedCharacters.get();
        long count = faults.quotaExceeded() ? Math.max(used, limit) : used;
        ObjectNode root = json.createObjectNode()
                .put("character_count", count)
                .put("character_limit", limit);
        if (periodStart != null) {
            root.put("start_time", periodStart.toString()).put("end_time", periodEnd.toString());
        }
        return new Answer(200, json.writeValueAsBytes(root), null);
    }

    private Answer languages(StandInParameters query) throws IOException {
        boolean target = query != null && "target".equalsIgnoreCase(query.first("type"));
        ArrayNode list = json.createArrayNode();
        for (String code : new TreeSet<>(target ? targetLanguages : sourceLanguages)) {
            String upper = code.toUpperCase(Locale.ROOT);
            ObjectNode language = list.addObject().put("language", upper).put("name", upper);
            if (target) {
                language.put("supports_formality", false);
            }
        }
        return new Answer(200, json.writeValueAsBytes(list), null);
    }

    private void record(StandInParameters parameters, long bodyBytes, Instant at, int status) {
        RecordedRequest request = parameters == null
                ? new RecordedRequest(null, null, List.of(), null, null, bodyBytes, at, status, null, null, null, Map.of())
                : new RecordedRequest(parameters.first("source_lang"), parameters.first("target_lang"),
                        parameters.all("text"), parameters.first("model_type"), parameters.first("context"),
                        bodyBytes, at, status, parameters.first("glossary_id"), parameters.first("formality"),
                        parameters.first("tag_handling"), parameters.asMap());
        synchronized (recorded) {
            recorded.add(request);
        }
    }

    private void violation(String description) {
        synchronized (violations) {
            violations.add(description);
        }
    }

    /** Waits, but no longer than until {@link #close()}. */
    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String failureMessage(int status) {
        return switch (status) {
            case 429 -> "Too many requests";
            case 456 -> "Quota exceeded";
            case 500 -> "Internal server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Injected failure";
        };
    }

    private Answer error(int status, String message) throws JsonProcessingException {
        return new Answer(status, message(message), null);
    }

    private byte[] message(String message) throws JsonProcessingException {
        return json.writeValueAsBytes(Map.of("message", message));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (answer.retryAfter() != null) {
            long seconds = (answer.retryAfter().toMillis() + 999) / 1000;
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        }
        if (answer.body().length == 0) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
