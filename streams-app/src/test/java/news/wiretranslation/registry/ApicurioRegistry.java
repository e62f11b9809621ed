package news.wiretranslation.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A real Confluent-API schema registry for the integration tests: Apicurio Registry, started once per JVM and
 * reached through its Confluent-compatible API, {@code /apis/ccompat/v7}.
 *
 * <p><b>Which registry.</b> With the environment variable {@value #URL_ENV} (or the system property
 * {@value #URL_PROPERTY}) set to a Confluent-API base URL, the tests use that registry: Apicurio's
 * {@code http://127.0.0.1:8080/apis/ccompat/v7}, a Confluent Schema Registry or a Karapace. Otherwise this class starts
 * Apicurio Registry {@value #DEFAULT_VERSION} itself: the JVM distribution {@code io.apicurio:apicurio-registry-app:
 * <version>:tar.gz:all} from Maven Central, which {@code streams-app/pom.xml} copies to {@code target/apicurio/} in
 * the {@code pre-integration-test} phase (failsafe passes its path as the system property
 * {@code apicurio.distribution}; run from an IDE, the copy in {@code ~/.m2} is used). It is unpacked beside the
 * tarball on first use. Version 3.0.9 runs on Java 17; the 3.3 line needs Java 21 or later, which the system property
 * {@code apicurio.java} (a {@code java} executable) can provide together with {@code apicurio.version}.
 *
 * <p><b>How it runs.</b> A child JVM ({@code java -jar apicurio-registry-app-<version>-runner.jar}) bound to 127.0.0.1
 * only, HTTP and management on free ports, in-memory H2 storage, its log in {@code <home>/apicurio-<port>.log}. The
 * helper waits for {@code /health/ready} (HTTP port in 3.0, management port in 3.3) and the ccompat API to answer, sets the global compatibility level to
 * {@code BACKWARD} (Apicurio's default is {@code NONE}), prints how long start-up took, and stops it with a JVM
 * shutdown hook. Tests share the instance, so each uses subjects of its own ({@link #uniqueTopic}).
 */
public final class ApicurioRegistry {

    public static final String URL_ENV = "WIRE_TRANSLATION_TEST_REGISTRY_URL";
    public static final String URL_PROPERTY = "wire.translation.test.registry.url";
    public static final String DEFAULT_VERSION = "3.0.9";
    /** The global compatibility level the tests run under. */
    public static final String COMPATIBILITY = "BACKWARD";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static ApicurioRegistry shared;

    private final String url;
    private final Process process;
    private final Duration startTime;
    // HTTP/1.1, as the project's client speaks it: no h2c upgrade attempts on plain http.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ApicurioRegistry(String url, Process process, Duration startTime) {
        this.url = url;
        this.process = process;
        this.startTime = startTime;
    }

    /** The registry of this JVM: started on first call, stopped when the JVM exits. */
    public static synchronized ApicurioRegistry shared() {
        if (shared == null) {
            shared = startOrConnect();
        }
        return shared;
    }

    /** The Confluent-API base URL, as {@code schema.registry.url} takes it. */
    public String url() {
        return url;
    }

    /** How long the registry took from process start to answering; zero for an external registry. */
    public Duration startTime() {
        return startTime;
    }

    /** Whether this class started the registry (false: an external one from {@value #URL_ENV}). */
    public boolean startedHere() {
        return process != null;
    }

    /** A topic name no other test uses, so that its subjects are fresh in the shared registry. */
    public static String uniqueTopic(String base) {
        return base + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Serde and client settings for this registry, with short timeouts and quick retries for tests. */
    public Map<String, Object> clientConfigs() {
        Map<String, Object> configs = new HashMap<>();
        configs.put(SchemaRegistryClientConfig.URL_CONFIG, url);
        configs.put(SchemaRegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS_CONFIG, 5_000);
        configs.put(SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS_CONFIG, 10_000);
        configs.put(SchemaRegistryClientConfig.RETRIES_WAIT_MS_CONFIG, 100);
        return configs;
    }

    /** A REST client on this registry (the project's own). */
    public RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.from(clientConfigs()));
    }

    /** Sets the compatibility level of one subject ({@code PUT /config/{subject}}) and checks that it holds. */
    public void setCompatibility(String subject, String level) {
        HttpResponse<String> answer = send("PUT", "/config/" + subject, "{\"compatibility\":\"" + level + "\"}");
        HttpResponse<String> check = send("GET", "/config/" + subject + "?defaultToGlobal=true", null);
        if (answer.statusCode() != 200 || !check.body().contains("\"" + level + "\"")) {
            throw new IllegalStateException("PUT /config/" + subject + " answered " + answer.statusCode() + ": "
                    + answer.body() + "; GET then answered " + check.body());
        }
    }

    /** One plain request to the Confluent API, for what the project's client does not do. */
    public HttpResponse<String> send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static ApicurioRegistry startOrConnect() {
        Optional<String> external = Optional.ofNullable(System.getProperty(URL_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(URL_ENV)))
                .filter(value -> !value.isBlank());
        if (external.isPresent()) {
            String url = external.get().strip().replaceAll("/+$", "");
            ApicurioRegistry registry = new ApicurioRegistry(url, null, Duration.ZERO);
            registry.setGlobalCompatibility();
            System.out.println("[ApicurioRegistry] using the registry at " + url + " (" + URL_ENV + ")");
            return registry;
        }
        return start();
    }

    private static ApicurioRegistry start() {
        String version = System.getProperty("apicurio.version", DEFAULT_VERSION);
        Path home = unpackedDistribution(version);
        Path runner = runnerJar(home);
        int httpPort = freePort();
        int managementPort = freePort();
        Path log = home.resolve("apicurio-" + httpPort + ".log");
        String java = System.getProperty("apicurio.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.http.access-log.enabled=false",
                // In-memory H2, a small pool: nothing survives the process, nothing is written but the log.
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=h2",
                "-Dapicurio.datasource.url=jdbc:h2:mem:registry-" + httpPort,
                "-Dapicurio.datasource.jdbc.initial-size=2",
                "-Dapicurio.datasource.jdbc.min-size=2",
                "-Dapicurio.datasource.jdbc.max-size=10",
                "-jar", runner.toString()));
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Apicurio Registry: " + String.join(" ", command), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "apicurio-registry-stop"));
        String url = "http://127.0.0.1:" + httpPort + "/apis/ccompat/v7";
        ApicurioRegistry registry = new ApicurioRegistry(url, process, Duration.ZERO);
        registry.awaitReady(httpPort, managementPort, log, started);
        Duration startTime = Duration.ofNanos(System.nanoTime() - started);
        ApicurioRegistry ready = new ApicurioRegistry(url, process, startTime);
        ready.setGlobalCompatibility();
        System.out.printf("[ApicurioRegistry] Apicurio Registry %s ready at %s in %d ms (pid %d, log %s)%n", version,
                url, startTime.toMillis(), process.pid(), log);
        return ready;
    }

    private void awaitReady(int httpPort, int managementPort, Path log, long startedNanos) {
        // 3.0 serves health on the HTTP port; 3.3 on the management port.
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
        URI managementReady = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        URI subjects = URI.create(url + "/subjects");
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue()
                        + " while starting; its log ends with:\n" + tail(log));
            }
            if ((answers200(managementReady) || answers200(ready)) && answers200(subjects)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Apicurio Registry", e);
            }
        }
        stop(process);
        throw new IllegalStateException("Apicurio Registry was not ready within " + START_TIMEOUT.toSeconds()
                + " s; its log ends with:\n" + tail(log));
    }

    private boolean answers200(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setGlobalCompatibility() {
        HttpResponse<String> put = send("PUT", "/config", "{\"compatibility\":\"" + COMPATIBILITY + "\"}");
        HttpResponse<String> get = send("GET", "/config", null);
        if (put.statusCode() != 200 || !get.body().contains("\"" + COMPATIBILITY + "\"")) {
            throw new IllegalStateException("Could not set the registry's compatibility to " + COMPATIBILITY
                    + ": PUT /config answered " + put.statusCode() + " " + put.body() + ", GET /config " + get.body());
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The unpacked distribution: from {@code apicurio.home}, else unpacked from the tarball on first use. */
    private static Path unpackedDistribution(String version) {
        String home = System.getProperty("apicurio.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        Path tarball = tarball(version);
        Path target = tarball.resolveSibling("apicurio-registry-app-" + version);
        if (Files.isRegularFile(target.resolve(".unpacked"))) {
            return target;
        }
        Path temporary = tarball.resolveSibling("unpacking-" + UUID.randomUUID());
        try {
            untar(tarball, temporary);
            Files.writeString(temporary.resolve(".unpacked"), tarball.getFileName().toString());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteRecursively(temporary); // Another JVM unpacked it first, or the file system cannot move atomically.
                if (!Files.isRegularFile(target.resolve(".unpacked"))) {
                    throw e;
                }
            } catch (IOException e) {
                if (!Files.isRegularFile(target.resolve(".unpacked"))) {
                    throw e;
                }
                deleteRecursively(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + tarball, e);
        }
        return target;
    }

    private static Path tarball(String version) {
        String name = "apicurio-registry-app-" + version + "-all.tar.gz";
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("apicurio.distribution");
        if (configured != null && !configured.isBlank() && configured.endsWith(name)) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("target", "apicurio", name));
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "apicurio",
                "apicurio-registry-app", version, name));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                if (candidate.startsWith(Path.of(System.getProperty("user.home"), ".m2"))) {
                    // Unpack into the build directory, not into the local repository.
                    return copyToTarget(candidate, name);
                }
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("Apicurio Registry " + version + " is not downloaded (looked for " + candidates
                + "). Run the integration tests through Maven (mvn -pl streams-app verify), which fetches it in the"
                + " pre-integration-test phase, or set " + URL_ENV + " to a running Confluent-API registry.");
    }

    private static Path copyToTarget(Path source, String name) {
        Path target = Path.of("target", "apicurio", name).toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(name + "." + UUID.randomUUID());
            Files.copy(source, temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
        return target;
    }

    /** Unpacks a .tar.gz with commons-compress, which reads the PAX headers that carry the long file names. */
    private static void untar(Path tarball, Path into) throws IOException {
        Files.createDirectories(into);
        Path root = into.toAbsolutePath().normalize();
        try (InputStream file = Files.newInputStream(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("Entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isFile()) {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path runnerJar(Path home) {
        Path quarkusRun = home.resolve("quarkus-run.jar");
        if (Files.isRegularFile(quarkusRun)) {
            return quarkusRun;
        }
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-runner.jar or quarkus-run.jar in " + home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
