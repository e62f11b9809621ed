package news.wiretranslation.translate.apertium;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Apertium-APY's HTTP API, on 127.0.0.1, for tests. (APY itself binds every interface and cannot be
 * confined to loopback.)
 *
 * <p>It speaks the two endpoints the translator uses, as APY 0.11 answers them: {@code GET /listPairs} lists the
 * configured pairs in APY's three-letter codes, and {@code GET or POST /translate} reads {@code langpair} and
 * {@code q} from the query or a form body, like Tornado's {@code get_argument} (the last {@code q} wins). A
 * translation is recognisable: {@code "[" + target + "] " + q}, e.g. {@code [spa] Bonjour}. A missing or
 * uninstalled pair gets APY's 400 with its JSON error body.
 *
 * <p>Faults are scripted per request, in the order added ({@link #failNext}, {@link #hangNext},
 * {@link #answerMalformedNext}) and apply to any endpoint. Every request is recorded, refused ones included.
 */
final class ApyStandIn implements AutoCloseable {

    /** One request as received. */
    record Request(String method, String path, String rawQuery, String rawBody, Map<String, List<String>> params) {

        /** The last value of a parameter, as APY reads it; null if absent. */
        String param(String name) {
            List<String> values = params.getOrDefault(name, List.of());
            return values.isEmpty() ? null : values.get(values.size() - 1);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> pairs;
    private final List<Request> requests = new ArrayList<>(); // guarded by itself
    private final Deque<Fault> faults = new ArrayDeque<>(); // guarded by itself
    private final CountDownLatch closed = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService executor;

    private record Fault(int status, Duration hang, boolean malformed) {
    }

    /** A stand-in offering these pairs, in APY's form {@code fra-spa}. */
    ApyStandIn(String... pairs) {
        this.pairs = Set.of(pairs);
    }

    ApyStandIn start() throws IOException {
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "apy-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** Stops answering; hung requests are released at once. */
    @Override
    public void close() {
        closed.countDown();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request, whatever its endpoint, gets {@code status} with an APY-style error body. */
    void failNext(int status) {
        synchronized (faults) {
            faults.add(new Fault(status, null, false));
        }
    }

    /** The next request is held for {@code hang} before it is answered normally. */
    void hangNext(Duration hang) {
        synchronized (faults) {
            faults.add(new Fault(0, hang, false));
        }
    }

    /** The next request gets 200 with a body that is not JSON. */
    void answerMalformedNext() {
        synchronized (faults) {
            faults.add(new Fault(0, null, true));
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> params = new LinkedHashMap<>();
            parseForm(rawQuery, params);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                parseForm(rawBody, params);
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    rawQuery, rawBody, params);
            synchronized (requests) {
                requests.add(request);
            }
            Fault fault;
            synchronized (faults) {
                fault = faults.poll();
            }
            if (fault != null && fault.hang() != null) {
                closed.await(fault.hang().toMillis(), TimeUnit.MILLISECONDS);
            } else if (fault != null && fault.malformed()) {
                send(exchange, 200, "<html>not json</html>");
                return;
            } else if (fault != null) {
                sendError(exchange, fault.status(), "scripted failure");
                return;
            }
            switch (request.path()) {
                case "/listPairs" -> listPairs(exchange);
                case "/translate" -> translate(exchange, request);
                default -> sendError(exchange, 404, "Resource requested does not exist");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listPairs(HttpExchange exchange) throws IOException {
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("responseData");
        pairs.stream().sorted().forEach(pair -> {
            String[] languages = pair.split("-");
            data.addObject().put("sourceLanguage", languages[0]).put("targetLanguage", languages[1]);
        });
        body.putNull("responseDetails");
        body.put("responseStatus", 200);
        send(exchange, 200, json.writeValueAsString(body));
    }

    private void translate(HttpExchange exchange, Request request) throws IOException {
        String langpair = request.param("langpair");
        String q = request.param("q");
        if (langpair == null || q == null || langpair.split("\\|").length != 2) {
            sendError(exchange, 400, "That pair is invalid, use e.g. eng|spa");
            return;
        }
        String[] languages = langpair.split("\\|");
        if (!pairs.contains(languages[0] + "-" + languages[1])) {
            sendError(exchange, 400, "That pair is not installed");
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.putObject("responseData").put("translatedText", "[" + languages[1] + "] " + q);
        body.putNull("responseDetails");
        body.put("responseStatus", 200);
        send(exchange, 200, json.writeValueAsString(body));
    }

    private void sendError(HttpExchange exchange, int status, String explanation) throws IOException {
        ObjectNode body = json.createObjectNode()
                .put("status", "error").put("code", status).put("message", "Error").put("explanation", explanation);
        send(exchange, status, json.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void parseForm(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String field : encoded.split("&")) {
            int equals = field.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? field : field.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }
}
