package news.wiretranslation.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} that talks to a Confluent-compatible Schema Registry over HTTP.
 *
 * <p>It caches the schema behind each id and the id of each (subject, schema) pair, both bounded to
 * {@value #CACHE_CAPACITY} entries: those never change in a registry, and the serdes ask for them on every record.
 * With several URLs it moves to the next one when a URL cannot be reached (connection failure or timeout), not when
 * a registry answers with an error: every instance of one registry would answer the same.
 *
 * <p>A request that fails in a way that may pass (no URL reachable, a timeout, HTTP 408, 429 or 5xx) is sent again
 * up to {@code max.retries} times, waiting {@code retries.wait.ms} before the first retry and twice as long before
 * each further one (at most {@code retries.max.wait.ms}, with jitter), so that a registry that blinks costs the
 * stream a pause, not an error. Answers that describe the request (404, 409, 401, ...) are never retried.
 * {@code https://} registries are trusted through {@code schema.registry.ssl.truststore.*} or the JVM's defaults.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** The media type of Confluent's API, version 1. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    static final int CACHE_CAPACITY = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryUrlList urls;
    private final Optional<BasicAuthCredentials> basicAuth;
    private final Duration readTimeout;
    private final HttpClient http;
    private final int maxRetries;
    private final Duration retriesWait;
    private final Duration retriesMaxWait;
    private final BoundedCache<Integer, Schema> schemasById = new BoundedCache<>(CACHE_CAPACITY);
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema = new BoundedCache<>(CACHE_CAPACITY);

    /** Cache key: the same schema may have a different registration state under another subject. */
    private record SubjectSchema(String subject, Schema schema) {
    }

    public RestSchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.urls = new RegistryUrlList(config.urls());
        this.basicAuth = config.basicAuth();
        this.readTimeout = config.readTimeout();
        this.maxRetries = config.maxRetries();
        this.retriesWait = config.retriesWait();
        this.retriesMaxWait = config.retriesMaxWait();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.trustStore().ifPresent(store -> builder.sslContext(store.sslContext()));
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        RegistryCall call = RegistryCall.post(subjectPath(subject) + "/versions", subjectAbout(subject), schemaBody(schema));
        int id = requiredInt(send(call), "id", call);
        idsBySubjectSchema.put(key, id);
        schemasById.put(id, schema);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        RegistryCall call = RegistryCall.post(subjectPath(subject), subjectAbout(subject), schemaBody(schema));
        int id = requiredInt(send(call), "id", call);
        idsBySubjectSchema.put(key, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        RegistryCall call = RegistryCall.get("/schemas/ids/" + id, "schema id " + id);
        Schema schema = avroSchema(send(call), call);
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        RegistryCall call = RegistryCall.get(subjectPath(subject) + "/versions/latest", subjectAbout(subject));
        JsonNode answer;
        try {
            answer = send(call);
        } catch (SchemaRegistryException e) {
            boolean noSuchVersion = e.httpStatus() == 404 && (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND);
            if (noSuchVersion) {
                return Optional.empty();
            }
            throw e;
        }
        int id = requiredInt(answer, "id", call);
        Schema schema = avroSchema(answer, call);
        schemasById.put(id, schema);
        return Optional.of(new RegisteredSchema(subject, id, requiredInt(answer, "version", call), schema));
    }

    /**
     * The version and id under which {@code schema} is registered in {@code subject} ({@code POST /subjects/{subject}}),
     * or empty when the subject or the schema under it is unknown. Never registers anything.
     */
    public Optional<RegisteredSchema> find(String subject, Schema schema) {
        RegistryCall call = RegistryCall.post(subjectPath(subject), subjectAbout(subject), schemaBody(schema));
        JsonNode answer;
        try {
            answer = send(call);
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() == 404 && (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new RegisteredSchema(subject, requiredInt(answer, "id", call),
                requiredInt(answer, "version", call), schema));
    }

    /** The version numbers of {@code subject}, oldest first ({@code GET /subjects/{subject}/versions}); empty if none. */
    public java.util.List<Integer> versions(String subject) {
        RegistryCall call = RegistryCall.get(subjectPath(subject) + "/versions", subjectAbout(subject));
        JsonNode answer;
        try {
            answer = sendForJson(call);
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() == 404 && e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return java.util.List.of();
            }
            throw e;
        }
        if (!answer.isArray()) {
            throw SchemaRegistryException.httpError(call, 200, SchemaRegistryException.NO_ERROR_CODE,
                    "the answer is not a JSON array: " + excerpt(answer.toString()));
        }
        java.util.List<Integer> versions = new java.util.ArrayList<>();
        answer.forEach(version -> versions.add(version.asInt()));
        return versions;
    }

    /** One version of {@code subject} ({@code GET /subjects/{subject}/versions/{version}}). */
    public RegisteredSchema version(String subject, int version) {
        RegistryCall call = RegistryCall.get(subjectPath(subject) + "/versions/" + version,
                subjectAbout(subject) + " version " + version);
        JsonNode answer = send(call);
        int id = requiredInt(answer, "id", call);
        Schema schema = avroSchema(answer, call);
        schemasById.put(id, schema);
        return new RegisteredSchema(subject, id, requiredInt(answer, "version", call), schema);
    }

    /**
     * Whether the registry would accept {@code schema} as the next version of {@code subject} under the subject's
     * compatibility level ({@code POST /compatibility/subjects/{subject}/versions/latest}). True for a subject with no
     * version yet. Registers nothing.
     */
    public boolean isCompatibleWithLatest(String subject, Schema schema) {
        return testCompatibility(subject, schema).compatible();
    }

    /** The registry's verdict on a candidate schema, with its reasons when it gives any. */
    public record CompatibilityVerdict(boolean compatible, java.util.List<String> messages) {
    }

    /**
     * As {@link #isCompatibleWithLatest}, asking for the registry's reasons ({@code ?verbose=true}; Confluent's
     * registry gives them, others may not).
     */
    public CompatibilityVerdict testCompatibility(String subject, Schema schema) {
        RegistryCall call = RegistryCall.post("/compatibility" + subjectPath(subject) + "/versions/latest?verbose=true",
                subjectAbout(subject), schemaBody(schema));
        JsonNode answer;
        try {
            answer = send(call);
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() == 404 && (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND)) {
                return new CompatibilityVerdict(true, java.util.List.of());
            }
            throw e;
        }
        JsonNode verdict = answer.get("is_compatible");
        if (verdict == null || !verdict.isBoolean()) {
            throw SchemaRegistryException.httpError(call, 200, SchemaRegistryException.NO_ERROR_CODE,
                    "the answer has no boolean 'is_compatible': " + excerpt(answer.toString()));
        }
        java.util.List<String> messages = new java.util.ArrayList<>();
        answer.path("messages").forEach(message -> messages.add(message.asText()));
        return new CompatibilityVerdict(verdict.booleanValue(), java.util.List.copyOf(messages));
    }

    /**
     * The compatibility level that applies to {@code subject}: its own, else the registry's global one
     * ({@code GET /config/{subject}?defaultToGlobal=true}, then {@code GET /config}), e.g. {@code BACKWARD}.
     */
    public String compatibilityLevel(String subject) {
        RegistryCall call = RegistryCall.get("/config/" + encoded(subject) + "?defaultToGlobal=true",
                subjectAbout(subject));
        try {
            return level(send(call), call);
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
        RegistryCall global = RegistryCall.get("/config", "global compatibility level");
        return level(send(global), global);
    }

    private static String level(JsonNode answer, RegistryCall call) {
        // GET answers {"compatibilityLevel": ...}; some registries answer {"compatibility": ...}.
        String level = answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(""));
        if (level.isBlank()) {
            throw SchemaRegistryException.httpError(call, 200, SchemaRegistryException.NO_ERROR_CODE,
                    "the answer names no compatibility level: " + excerpt(answer.toString()));
        }
        return level.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + urls.describe() + (basicAuth.isPresent() ? ", basic auth" : "") + "]";
    }

    /**
     * Sends {@code call} until it succeeds, fails in a way retrying cannot mend, or {@code max.retries} retries are
     * spent; returns the JSON of a 2xx answer.
     */
    private JsonNode send(RegistryCall call) {
        return send(call, true);
    }

    /** As {@link #send(RegistryCall)}, for answers that may be any JSON value (an array of versions, say). */
    private JsonNode sendForJson(RegistryCall call) {
        return send(call, false);
    }

    private JsonNode send(RegistryCall call, boolean objectExpected) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(call, objectExpected);
            } catch (SchemaRegistryException e) {
                boolean interrupted = Thread.currentThread().isInterrupted();
                if (!e.isRetriable() || attempt > maxRetries || interrupted) {
                    throw attempt > 1 ? e.afterAttempts(attempt) : e;
                }
                long waitMillis = backoffMillis(attempt);
                LOG.warn("Schema registry request failed (attempt {} of {}), retrying in {} ms: {}", attempt,
                        maxRetries + 1, waitMillis, e.getMessage());
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e.afterAttempts(attempt);
                }
            }
        }
    }

    /** {@code retries.wait.ms} doubled for each retry before this one, capped, less up to a quarter of jitter. */
    long backoffMillis(int attempt) {
        long base = retriesWait.toMillis();
        for (int i = 1; i < attempt && base < retriesMaxWait.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, retriesMaxWait.toMillis());
        long jitter = base / 4 == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return base - jitter;
    }

    /** Sends {@code call} once to the first URL that answers; returns the JSON of a 2xx answer. */
    private JsonNode sendOnce(RegistryCall call, boolean objectExpected) {
        IOException lastFailure = null;
        for (URI base : urls.inOrderToTry()) {
            HttpResponse<String> response;
            try {
                response = http.send(request(base, call), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warn("Schema registry at {} not reachable for {}: {}", base, call.describe(), e.toString());
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SchemaRegistryException.unreachable(call, base + " (interrupted)", null);
            }
            urls.succeeded(base);
            return answer(response, call, objectExpected);
        }
        throw SchemaRegistryException.unreachable(call, urls.describe() + tlsHint(lastFailure), lastFailure);
    }

    /** A TLS failure is nearly always a trust problem: say where to look. */
    private static String tlsHint(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return " (TLS handshake failed: is the registry's certificate trusted? See "
                        + SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + ")";
            }
        }
        return "";
    }

    private HttpRequest request(URI base, RegistryCall call) {
        String baseText = base.toString();
        String prefix = baseText.endsWith("/") ? baseText.substring(0, baseText.length() - 1) : baseText;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(prefix + call.path()))
                .timeout(readTimeout)
                .header("Accept", ACCEPT);
        basicAuth.ifPresent(credentials -> builder.header("Authorization", credentials.authorizationHeader()));
        if (call.body() == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static JsonNode answer(HttpResponse<String> response, RegistryCall call, boolean objectExpected) {
        int status = response.statusCode();
        JsonNode body = parseJson(response.body());
        if (status >= 200 && status < 300) {
            if (body == null || (objectExpected && !body.isObject())) {
                throw SchemaRegistryException.httpError(call, status, SchemaRegistryException.NO_ERROR_CODE,
                        "the answer is not a JSON object: " + excerpt(response.body()));
            }
            return body;
        }
        if (body != null && body.isObject()) {
            int errorCode = body.path("error_code").asInt(SchemaRegistryException.NO_ERROR_CODE);
            String message = body.path("message").asText("");
            throw SchemaRegistryException.httpError(call, status, errorCode, message);
        }
        throw SchemaRegistryException.httpError(call, status, SchemaRegistryException.NO_ERROR_CODE,
                excerpt(response.body()));
    }

    private static JsonNode parseJson(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Enough of an unexpected body (an HTML error page from a proxy, say) to recognise it. */
    private static String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    private static int requiredInt(JsonNode answer, String field, RegistryCall call) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw SchemaRegistryException.httpError(call, 200, SchemaRegistryException.NO_ERROR_CODE,
                    "the answer has no integer '" + field + "': " + excerpt(answer.toString()));
        }
        return value.intValue();
    }

    private static Schema avroSchema(JsonNode answer, RegistryCall call) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new NonAvroSchemaException("Schema registry " + call.describe() + ": the schema is " + type
                    + ", not AVRO", 200, null);
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw SchemaRegistryException.httpError(call, 200, SchemaRegistryException.NO_ERROR_CODE,
                    "the answer has no 'schema' text");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new NonAvroSchemaException("Schema registry " + call.describe()
                    + ": the schema does not parse as Avro: " + e.getMessage(), 200, e);
        }
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + encoded(subject);
    }

    private static String encoded(String subject) {
        // URLEncoder encodes for forms; a path wants %20 rather than + for a space.
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String subjectAbout(String subject) {
        return "subject '" + subject + "'";
    }
}
