package news.wiretranslation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;

/**
 * A small stand-in for Confluent's Schema Registry REST API on 127.0.0.1, for testing the REST client without a
 * registry. Its state is a {@link MockSchemaRegistry}; it answers in Confluent's JSON shapes and error codes, records
 * every request, and can be told to demand credentials, fail, or answer slowly.
 */
final class FakeConfluentRegistry implements AutoCloseable {

    /** One request as it arrived. */
    record Request(String method, String rawPath, String contentType, String authorization, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final MockSchemaRegistry state = new MockSchemaRegistry();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<Integer> protobufIds = new java.util.concurrent.CopyOnWriteArraySet<>();
    private volatile String requiredAuthorization;
    private volatile int failingStatus;
    private volatile long delayMillis;
    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int transientStatus;

    private FakeConfluentRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeConfluentRegistry start() throws IOException {
        return new FakeConfluentRegistry();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    MockSchemaRegistry state() {
        return state;
    }

    List<Request> requests() {
        return requests;
    }

    /** Answers 401 unless the Authorization header is exactly this. */
    void requireAuthorization(String headerValue) {
        requiredAuthorization = headerValue;
    }

    /** Answers every request with this status and a Confluent error body (0: answer normally). */
    void failWith(int status) {
        failingStatus = status;
    }

    /** Answers the next {@code count} requests with {@code status} and a Confluent error body, then normally. */
    void failNext(int count, int status) {
        transientStatus = status;
        failuresLeft.set(count);
    }

    void delayAnswers(long millis) {
        delayMillis = millis;
    }

    /** Registers a Protobuf schema: its id answers with schemaType PROTOBUF. */
    int registerProtobufSchema() {
        int id = state.register("protobuf-value", Schema.create(Schema.Type.STRING));
        protobufIds.add(id);
        return id;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (requiredAuthorization != null
                    && !requiredAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, 401, "Unauthorized");
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, transientStatus, transientStatus * 100 + 1, "Injected transient failure");
                return;
            }
            if (failingStatus > 0) {
                error(exchange, failingStatus, failingStatus * 100 + 1, "Injected failure");
                return;
            }
            route(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, String body) throws IOException {
        String[] parts = exchange.getRequestURI().getRawPath().split("/");
        String method = exchange.getRequestMethod();
        // parts[0] is the empty string before the leading slash.
        if (method.equals("GET") && parts.length == 4 && parts[1].equals("schemas") && parts[2].equals("ids")) {
            schemaById(exchange, Integer.parseInt(parts[3]));
        } else if (parts.length >= 3 && parts[1].equals("subjects")) {
            String subject = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
            if (method.equals("POST") && parts.length == 4 && parts[3].equals("versions")) {
                ok(exchange, JSON.createObjectNode().put("id", state.register(subject, schemaIn(body))));
            } else if (method.equals("POST") && parts.length == 3) {
                lookup(exchange, subject, schemaIn(body));
            } else if (method.equals("GET") && parts.length == 5 && parts[4].equals("latest")) {
                latest(exchange, subject);
            } else {
                error(exchange, 404, 404, "HTTP 404 Not Found");
            }
        } else {
            error(exchange, 404, 404, "HTTP 404 Not Found");
        }
    }

    private void schemaById(HttpExchange exchange, int id) throws IOException {
        Schema schema;
        try {
            schema = state.schemaById(id);
        } catch (SchemaRegistryException e) {
            error(exchange, 404, 40403, "Schema " + id + " not found");
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        if (protobufIds.contains(id)) {
            answer.put("schemaType", "PROTOBUF").put("schema", "syntax = \"proto3\"; message M { string s = 1; }");
        } else {
            answer.put("schema", schema.toString());
        }
        ok(exchange, answer);
    }

    private void lookup(HttpExchange exchange, String subject, Schema schema) throws IOException {
        int id;
        try {
            id = state.lookup(subject, schema);
        } catch (SchemaRegistryException e) {
            String message = e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    ? "Subject '" + subject + "' not found." : "Schema not found";
            error(exchange, 404, e.errorCode(), message);
            return;
        }
        ok(exchange, JSON.createObjectNode().put("subject", subject).put("id", id).put("version", 1)
                .put("schema", schema.toString()));
    }

    private void latest(HttpExchange exchange, String subject) throws IOException {
        Optional<RegisteredSchema> latest = state.latest(subject);
        if (latest.isEmpty()) {
            error(exchange, 404, 40401, "Subject '" + subject + "' not found.");
            return;
        }
        RegisteredSchema registered = latest.get();
        ok(exchange, JSON.createObjectNode().put("subject", subject).put("id", registered.id())
                .put("version", registered.version()).put("schema", registered.schema().toString()));
    }

    private static Schema schemaIn(String body) throws IOException {
        JsonNode request = JSON.readTree(body);
        return new Schema.Parser().parse(request.get("schema").asText());
    }

    private static void ok(HttpExchange exchange, JsonNode answer) throws IOException {
        send(exchange, 200, answer);
    }

    private static void error(HttpExchange exchange, int status, int errorCode, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("error_code", errorCode).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
