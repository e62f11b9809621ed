package news.wiretranslation.health;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import news.wiretranslation.config.ServiceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP server: Prometheus's scrape ({@link Endpoints#METRICS}), liveness and readiness
 * ({@link Endpoints#LIVE}, {@link Endpoints#READY}, JSON), the engine's state ({@link Endpoints#ENGINE}, JSON). The
 * JDK's own server: four GET routes need no framework.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on {@code HTTP_BIND_ADDRESS:HTTP_PORT}.
     *
     * @param scrape    the metrics in Prometheus's text format
     * @param readiness what the readiness endpoint reports
     * @param engine    what the engine endpoint reports
     */
    public static HealthServer start(ServiceConfig.Http http, Supplier<String> scrape, Readiness readiness,
                                     EngineReport engine) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(http.bindAddress(), http.port()), 16);
        server.createContext(Endpoints.METRICS, exchange -> respond(exchange, 200, PROMETHEUS_TEXT, scrape.get()));
        server.createContext(Endpoints.LIVE, exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext(Endpoints.READY, exchange -> {
            Readiness.Report report = readiness.report();
            respond(exchange, report.ready() ? 200 : 503, "application/json", json(report));
        });
        server.createContext(Endpoints.ENGINE, exchange -> respond(exchange, 200, "application/json", engine.json()));
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "wire-translation-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        HealthServer started = new HealthServer(server, executor);
        log.info("Metrics and health on http://{}:{} ({}, {}, {}, {})", http.bindAddress(), started.port(),
                Endpoints.METRICS, Endpoints.LIVE, Endpoints.READY, Endpoints.ENGINE);
        return started;
    }

    /** The port bound (the chosen one when {@code HTTP_PORT=0}). */
    public int port() {
        return server.getAddress().getPort();
    }

    static String json(Readiness.Report report) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", report.ready() ? "READY" : "NOT_READY");
        if (!report.ready()) {
            body.put("reason", report.reasons());
        }
        ObjectNode checks = body.putObject("checks");
        report.checks().forEach((name, check) -> checks.putObject(name).put("ok", check.ok()).put("detail", check.detail()));
        return body.toString();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            // A context matches by prefix: /metrics/x is not ours.
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, "HEAD".equals(exchange.getRequestMethod()) ? -1 : bytes.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
