package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries with backoff inside the REST client: a registry that blinks is waited for, a refusal is not retried. */
class RestSchemaRegistryClientRetryTest {

    private static final String SUBJECT = "articles.raw-value";
    private static final Schema SCHEMA = RawArticle.getClassSchema();

    private FakeConfluentRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = FakeConfluentRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private static RestSchemaRegistryClient client(String url, Object... moreSettings) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", url);
        configs.put("http.connect.timeout.ms", 2000);
        configs.put("http.read.timeout.ms", 2000);
        for (int i = 0; i < moreSettings.length; i += 2) {
            configs.put((String) moreSettings[i], moreSettings[i + 1]);
        }
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.from(configs));
    }

    @Test
    void serverErrorsThatPassAreRetriedUntilTheRegistryAnswers() {
        registry.failNext(2, 503);
        RestSchemaRegistryClient client = client(registry.url(), "retries.wait.ms", 20);

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(1);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void throttlingAndRequestTimeoutsAreRetriedToo() {
        for (int status : new int[] {429, 408, 500}) {
            registry.failNext(1, status);
            assertThat(client(registry.url(), "retries.wait.ms", 10).latest("nobody-" + status)).isEmpty();
        }
        assertThat(registry.requests()).hasSize(6);
    }

    @Test
    void answersAboutTheRequestAreNeverRetried() {
        RestSchemaRegistryClient client = client(registry.url(), "retries.wait.ms", 10);
        for (int status : new int[] {409, 422, 401, 404}) {
            registry.requests().clear();
            registry.failNext(1, status);

            SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                    () -> client.register(SUBJECT + status, SCHEMA));

            assertThat(failure.httpStatus()).isEqualTo(status);
            assertThat(registry.requests()).as("requests for HTTP %d", status).hasSize(1);
            assertThat(failure.getMessage()).doesNotContain("attempts");
        }
    }

    @Test
    void givingUpNamesTheAttemptsAndKeepsStatusAndSubject() {
        registry.failWith(503);
        RestSchemaRegistryClient client = client(registry.url(), "max.retries", 2, "retries.wait.ms", 10);

        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.register(SUBJECT, SCHEMA));

        assertThat(registry.requests()).hasSize(3);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.isRetriable()).isTrue();
        assertThat(failure.getMessage()).contains("subject '" + SUBJECT + "'", "HTTP 503", "gave up after 3 attempts");
    }

    @Test
    void zeroRetriesSendsOnce() {
        registry.failWith(503);

        assertThatThrownBy(() -> client(registry.url(), "max.retries", 0).schemaById(1))
                .isInstanceOf(SchemaRegistryException.class);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void registryThatComesUpDuringTheRetriesIsWaitedFor() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RestSchemaRegistryClient client = client("http://127.0.0.1:" + port, "max.retries", 6, "retries.wait.ms", 100);
        // Nothing listens on the port yet: the first attempts are refused; then a proxy to the registry opens there.
        java.util.concurrent.atomic.AtomicReference<TcpForwarder> proxy = new java.util.concurrent.atomic.AtomicReference<>();
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(400);
                proxy.set(TcpForwarder.open(port, registry.url()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        opener.start();
        try {
            assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(1);
            assertThat(proxy.get()).as("the registry was reached through the late proxy").isNotNull();
        } finally {
            opener.join();
            if (proxy.get() != null) {
                proxy.get().close();
            }
        }
    }

    @Test
    void backoffDoublesUpToTheMaximumWithAtMostAQuarterOfJitter() {
        RestSchemaRegistryClient client = client(registry.url(), "retries.wait.ms", 1000, "retries.max.wait.ms", 5000);

        for (int attempt = 1; attempt <= 5; attempt++) {
            long expected = Math.min(1000L << (attempt - 1), 5000);
            long wait = client.backoffMillis(attempt);
            assertThat(wait).as("attempt %d", attempt).isBetween(expected - expected / 4, expected);
        }
    }

    @Test
    void retrySettingsAreValidatedNamingTheSetting() {
        for (List<String> bad : List.of(List.of("max.retries", "-1"), List.of("max.retries", "three"),
                List.of("retries.wait.ms", "-5"), List.of("retries.max.wait.ms", "soon"))) {
            assertThatThrownBy(() -> client(registry.url(), bad.get(0), bad.get(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.get(0));
        }
    }

    @Test
    void confluentDefaultsApplyWhenNothingIsSet() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.from(Map.of("schema.registry.url", registry.url()));

        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.retriesWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retriesMaxWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.trustStore()).isEmpty();
    }
}
