package news.wiretranslation.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.registry.RegisteredSchema;
import news.wiretranslation.registry.RestSchemaRegistryClient;
import news.wiretranslation.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Schema Registry speaking Confluent's REST API, for the local demo and the tests: an HTTP server on 127.0.0.1 in
 * front of an in-memory {@link MockSchemaRegistry}.
 *
 * <p>Why a server and not {@code mock://}: a mock registry is visible only inside its own JVM. The demo runs the
 * pipeline in one process, but {@code publish}, {@code tail} and a user's own tools run in others, and they must
 * resolve the same schema ids while the demo keeps running. Any client of Confluent's API (this project's
 * {@link RestSchemaRegistryClient}, Confluent's serdes, curl) reaches this one at {@link #url()}. Nothing is kept on
 * disk: ids start at 1 again with every start.
 *
 * <p>It answers in Confluent's JSON shapes ({@code application/vnd.schemaregistry.v1+json}), HTTP statuses and
 * {@code error_code}s:
 * <ul>
 *   <li>{@code POST /subjects/{subject}/versions} registers: {@code {"id":N}}; the same schema again gets the same id
 *       and no new version; 422/42201 for a schema that is not Avro, 409/409 for one the compatibility level
 *       refuses.</li>
 *   <li>{@code POST /subjects/{subject}} looks a schema up: {@code {"subject","id","version","schema"}}; 404/40401
 *       for an unknown subject, 404/40403 for a schema not under it.</li>
 *   <li>{@code GET /schemas/ids/{id}}: {@code {"schema":"..."}}; 404/40403.</li>
 *   <li>{@code GET /subjects}, {@code GET /subjects/{subject}/versions}: the subjects, a subject's version numbers.</li>
 *   <li>{@code GET /subjects/{subject}/versions/{version}}, where the version may also be {@code latest} or
 *       {@code -1}: {@code {"subject","id","version","schema"}}; 404/40401, 404/40402, 422/42202 for a version that
 *       is not a positive number.</li>
 *   <li>{@code GET} and {@code PUT} on {@code /config} and {@code /config/{subject}}: the compatibility level, read as
 *       {@code {"compatibilityLevel":"BACKWARD"}}, set with {@code {"compatibility":"FULL"}}; 422/42203 for an
 *       unknown level; 404/40408 when a subject has no level of its own (unless {@code ?defaultToGlobal=true}).</li>
 * </ul>
 * Any other path answers 404/404, a known path asked with another method 405/405, as Confluent's server does.
 * Subjects in paths are percent-encoded; a {@code +} stays a plus. Only Avro is held: another {@code schemaType} is
 * refused with 422/42201.
 *
 * <p>Compatibility is checked on registration as Confluent does, the global level being BACKWARD until changed (see
 * {@link CompatibilityLevel}), so that the demo refuses the same schema changes a production registry would.
 * Registering a schema the subject already has is never checked: it adds nothing.
 *
 * <p>Thread-safe. A small pool serves requests; a check and the registration it allows happen under one lock, so two
 * concurrent registrations cannot both pass the check against the same latest version.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = RestSchemaRegistryClient.CONTENT_TYPE;
    /** Enough for a demo's few clients; requests are short and the store serialises them anyway. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MockSchemaRegistry store = new MockSchemaRegistry();
    private final Object registrationLock = new Object();
    private final ConcurrentMap<String, CompatibilityLevel> subjectLevels = new ConcurrentHashMap<>();
    private volatile CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

    private EmbeddedSchemaRegistry(HttpServer server) {
        this.server = server;
        this.executor = newExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts an empty registry on a free port of 127.0.0.1; {@link #url()} tells which. */
    public static EmbeddedSchemaRegistry start() {
        return start(0);
    }

    /**
     * Starts an empty registry on {@code port} of 127.0.0.1 (0: any free port), for a demo whose other processes
     * are told the URL in advance. Only the loopback address, so that nothing outside this machine can register.
     *
     * @throws UncheckedIOException when the port is taken
     */
    public static EmbeddedSchemaRegistry start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " for the embedded schema registry", e);
        }
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(server);
        server.start();
        LOG.info("Embedded schema registry listening on {}", registry.url());
        return registry;
    }

    /** The base URL to give clients as {@code schema.registry.url}, e.g. {@code http://127.0.0.1:38081}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The address the server is bound to: always 127.0.0.1. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening at once and forgets every schema. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            LOG.info("Embedded schema registry on port {} stopped", server.getAddress().getPort());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedSchemaRegistry[" + url() + "]";
    }

    // ---- HTTP plumbing -------------------------------------------------------------------------------------------

    /** A JSON answer with its HTTP status. */
    private record Reply(int status, JsonNode body) {

        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }
    }

    /** A Confluent error answer: {@code {"error_code":..., "message":...}} with an HTTP status. */
    private static final class ApiError extends RuntimeException {

        private final int status;
        private final int errorCode;

        ApiError(int status, int errorCode, String message) {
            super(message, null, false, false);
            this.status = status;
            this.errorCode = errorCode;
        }

        Reply reply() {
            return new Reply(status, JSON.createObjectNode().put("error_code", errorCode).put("message", getMessage()));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            Reply reply;
            try {
                reply = route(method, uri, readBody(exchange));
            } catch (ApiError e) {
                reply = e.reply();
            } catch (RuntimeException e) {
                // HttpServer would drop the connection without an answer; a 500 tells the client what happened.
                LOG.warn("Embedded schema registry failed on {} {}", method, uri, e);
                reply = new ApiError(500, 500, "Internal Server Error: " + e).reply();
            }
            send(exchange, reply);
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply route(String method, URI uri, String body) {
        List<String> path = segments(uri);
        String root = path.isEmpty() ? "" : path.get(0);
        if (root.equals("schemas") && path.size() == 3 && path.get(1).equals("ids")) {
            requireMethod(method, "GET");
            return schemaById(path.get(2));
        }
        if (root.equals("subjects")) {
            return subjects(method, path, body);
        }
        if (root.equals("config") && path.size() <= 2) {
            return config(method, path.size() == 2 ? path.get(1) : null, body, uri);
        }
        throw noSuchPath();
    }

    private Reply subjects(String method, List<String> path, String body) {
        if (path.size() == 1) {
            requireMethod(method, "GET");
            return Reply.ok(JSON.valueToTree(store.subjects()));
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            requireMethod(method, "POST");
            return lookup(subject, body);
        }
        if (!path.get(2).equals("versions") || path.size() > 4) {
            throw noSuchPath();
        }
        if (path.size() == 4) {
            requireMethod(method, "GET");
            return version(subject, path.get(3));
        }
        return switch (method) {
            case "GET" -> versionNumbers(subject);
            case "POST" -> register(subject, body);
            default -> throw methodNotAllowed();
        };
    }

    private Reply config(String method, String subject, String body, URI uri) {
        return switch (method) {
            case "GET" -> {
                CompatibilityLevel level = subject == null ? globalLevel : subjectLevel(subject, uri);
                yield Reply.ok(JSON.createObjectNode().put("compatibilityLevel", level.name()));
            }
            case "PUT" -> {
                CompatibilityLevel level = levelIn(body);
                if (subject == null) {
                    globalLevel = level;
                } else {
                    subjectLevels.put(subject, level);
                }
                yield Reply.ok(JSON.createObjectNode().put("compatibility", level.name()));
            }
            default -> throw methodNotAllowed();
        };
    }

    // ---- the API -------------------------------------------------------------------------------------------------

    private Reply register(String subject, String body) {
        Schema schema = schemaIn(body);
        synchronized (registrationLock) {
            List<RegisteredSchema> versions = store.versions(subject);
            Optional<RegisteredSchema> existing = versionOf(subject, schema, versions);
            if (existing.isPresent()) {
                return idReply(existing.get().id());
            }
            CompatibilityLevel level = subjectLevels.getOrDefault(subject, globalLevel);
            List<String> problems = level.problems(schema, versions);
            if (!problems.isEmpty()) {
                throw new ApiError(409, 409, "Schema being registered is incompatible with an earlier schema for"
                        + " subject \"" + subject + "\" under " + level + " compatibility: "
                        + String.join("; ", problems));
            }
            return idReply(store.register(subject, schema));
        }
    }

    private Reply lookup(String subject, String body) {
        Schema schema = schemaIn(body);
        List<RegisteredSchema> versions = existingVersions(subject);
        RegisteredSchema found = versionOf(subject, schema, versions)
                .orElseThrow(() -> new ApiError(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found"));
        return Reply.ok(versionNode(found));
    }

    private Reply schemaById(String idText) {
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            throw noSuchPath(); // Confluent's server cannot route a non-numeric id either
        }
        Schema schema;
        try {
            schema = store.schemaById(id);
        } catch (SchemaRegistryException e) {
            throw new ApiError(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return Reply.ok(JSON.createObjectNode().put("schema", schema.toString()));
    }

    private Reply versionNumbers(String subject) {
        ArrayNode numbers = JSON.createArrayNode();
        existingVersions(subject).forEach(version -> numbers.add(version.version()));
        return Reply.ok(numbers);
    }

    private Reply version(String subject, String versionText) {
        int wanted = versionNumber(versionText);
        List<RegisteredSchema> versions = existingVersions(subject);
        if (wanted == -1) {
            return Reply.ok(versionNode(versions.get(versions.size() - 1)));
        }
        if (wanted > versions.size()) {
            throw new ApiError(404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + wanted + " not found.");
        }
        return Reply.ok(versionNode(versions.get(wanted - 1)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The subject's versions, oldest first; a subject exists only once it has one. */
    private List<RegisteredSchema> existingVersions(String subject) {
        List<RegisteredSchema> versions = store.versions(subject);
        if (versions.isEmpty()) {
            throw new ApiError(404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    /** The version of {@code subject} holding {@code schema}; the store decides what counts as the same schema. */
    private Optional<RegisteredSchema> versionOf(String subject, Schema schema, List<RegisteredSchema> versions) {
        int id;
        try {
            id = store.lookup(subject, schema);
        } catch (SchemaRegistryException notUnderSubject) {
            return Optional.empty();
        }
        return versions.stream().filter(version -> version.id() == id).findFirst();
    }

    private CompatibilityLevel subjectLevel(String subject, URI uri) {
        CompatibilityLevel level = subjectLevels.get(subject);
        if (level != null) {
            return level;
        }
        if (queryFlag(uri, "defaultToGlobal")) {
            return globalLevel;
        }
        throw new ApiError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    /** The Avro schema in a registration or lookup body; 422/42201 when there is none. */
    private static Schema schemaIn(String body) {
        JsonNode request = jsonObject(body);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new ApiError(422, 42201, "Invalid schema type " + type + ": this registry holds Avro schemas only");
        }
        JsonNode text = request.get("schema");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new ApiError(422, 42201, "Empty schema");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (RuntimeException e) { // SchemaParseException, AvroTypeException for a bad default, ...
            throw new ApiError(422, 42201, "Invalid schema: " + e.getMessage());
        }
    }

    private static CompatibilityLevel levelIn(String body) {
        String name = jsonObject(body).path("compatibility").asText(null);
        return CompatibilityLevel.named(name)
                .orElseThrow(() -> new ApiError(422, 42203, "Invalid compatibility level: " + name));
    }

    private static JsonNode jsonObject(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, 400, "The request body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, 400, "The request body is not a JSON object");
        }
        return node;
    }

    /** A version number from a path: 1 and up, or -1 for {@code latest}; 422/42202 otherwise, as Confluent. */
    private static int versionNumber(String text) {
        if (text.equalsIgnoreCase("latest")) {
            return -1;
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1 || version == -1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ApiError(422, 42202, "The specified version '" + text + "' is not a valid version id. Allowed"
                + " values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static ObjectNode versionNode(RegisteredSchema version) {
        return JSON.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema().toString());
    }

    private static Reply idReply(int id) {
        return Reply.ok(JSON.createObjectNode().put("id", id));
    }

    /** The path's segments after the leading slash, each percent-decoded (a {@code +} in a path is a plus). */
    private static List<String> segments(URI uri) {
        return Arrays.stream(uri.getRawPath().split("/"))
                .skip(1)
                .map(EmbeddedSchemaRegistry::decode)
                .toList();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, 400, "Malformed percent-encoding in '" + segment + "'");
        }
    }

    private static boolean queryFlag(URI uri, String name) {
        String query = uri.getRawQuery();
        return query != null && Arrays.asList(query.split("&")).contains(name + "=true");
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw methodNotAllowed();
        }
    }

    private static ApiError noSuchPath() {
        return new ApiError(404, 404, "HTTP 404 Not Found");
    }

    private static ApiError methodNotAllowed() {
        return new ApiError(405, 405, "HTTP 405 Method Not Allowed");
    }

    private static InetAddress loopback() {
        try {
            // The literal address, not getLoopbackAddress(), which may be ::1: url() promises 127.0.0.1.
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a well-formed address", e);
        }
    }

    private static ExecutorService newExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(THREADS, task -> {
            // Named so that a thread dump shows whose threads these are.
            return new Thread(task, "embedded-schema-registry-" + count.incrementAndGet());
        });
    }
}
