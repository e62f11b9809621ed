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
    private final BoundedCache<Integer, Schema> schemasById = new BoundedCache<>(CACHE_CAPACITY);
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema = new BoundedCache<>(CACHE_CAPACITY);

    /** Cache key: the same schema may have a different registration state under another subject. */
    private record SubjectSchema(String subject, Schema schema) {
    }

    public RestSchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.urls = new RegistryUrlList(config.urls());
        this.basicAuth = config.basicAuth();
        this.readTimeout = config.readTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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

    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + urls.describe() + (basicAuth.isPresent() ? ", basic auth" : "") + "]";
    }

    /** Sends {@code call} to the first URL that answers; returns the JSON of a 2xx answer. */
    private JsonNode send(RegistryCall call) {
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
            return answer(response, call);
        }
        throw SchemaRegistryException.unreachable(call, urls.describe(), lastFailure);
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

    private static JsonNode answer(HttpResponse<String> response, RegistryCall call) {
        int status = response.statusCode();
        JsonNode body = parseJson(response.body());
        if (status >= 200 && status < 300) {
            if (body == null || !body.isObject()) {
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
        // URLEncoder encodes for forms; a path wants %20 rather than + for a space.
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String subjectAbout(String subject) {
        return "subject '" + subject + "'";
    }
}
