package news.wiretranslation.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service as the benchmark measures it: started with a set of settings, read from outside through its
 * {@code /metrics} and {@code /health/ready} and through {@code /proc/<pid>}, stopped. Either a child JVM of its own
 * ({@link ChildService}, the default: the broker, the registry and the DeepL stand-in stay in the benchmark's JVM) or
 * in the benchmark's JVM ({@link InProcessService}, to compare).
 */
interface ServiceUnderTest extends AutoCloseable {
    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The process whose CPU and memory {@code /proc} reports: the child's, or this JVM's. */
    long pid();

    /** Whether {@link #pid()} holds only the service (not the broker, the stand-in and the benchmark's clients). */
    boolean ownProcess();

    /** The port of its {@code /metrics} and {@code /health} server, on 127.0.0.1. */
    int httpPort();

    boolean isAlive();

    /** Why it is not alive, or where to look (its log). */
    String diagnosis();

    default PrometheusSample metrics() throws IOException, InterruptedException {
        return PrometheusSample.scrape(httpPort());
    }

    /** Waits until {@code /health/ready} answers 200 (models loaded, Kafka Streams running). */
    default void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + httpPort() + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("the service stopped before it was ready: " + diagnosis());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the HTTP server is not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service was not ready after " + timeout + ": " + diagnosis());
    }

    /** Stops the service (SIGTERM for a child) and waits for it. */
    @Override
    void close();

    /** A port free on 127.0.0.1 now, for the service's HTTP server (HTTP_PORT), whose number the benchmark must know. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
