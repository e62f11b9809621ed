package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final String SUBJECT = "articles.raw-value";
    private static final Schema SCHEMA = RawArticle.getClassSchema();
    private static final String PASSWORD = "s3cr3t:with-colon";

    private FakeConfluentRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = FakeConfluentRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private static RestSchemaRegistryClient client(String urls, String... moreSettings) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", urls);
        configs.put("http.connect.timeout.ms", 2000);
        configs.put("http.read.timeout.ms", 2000);
        // One attempt per request, so that each test sees the failure itself; RestSchemaRegistryClientRetryTest
        // covers the retries.
        configs.put("max.retries", 0);
        for (int i = 0; i < moreSettings.length; i += 2) {
            configs.put(moreSettings[i], moreSettings[i + 1]);
        }
        return new RestSchemaRegistryClient(SchemaRegistryClientConfig.from(configs));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void registerPostsTheSchemaAsConfluentJsonAndReturnsTheId() throws IOException {
        int id = client(registry.url()).register(SUBJECT, SCHEMA);

        assertThat(id).isEqualTo(1);
        FakeConfluentRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/subjects/articles.raw-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(new ObjectMapper().readTree(request.body()).get("schema").asText()).isEqualTo(SCHEMA.toString());
        assertThat(registry.state().lookup(SUBJECT, SCHEMA)).isEqualTo(1);
    }

    @Test
    void registeringTheSameSchemaAgainIsAnsweredFromTheCache() {
        RestSchemaRegistryClient client = client(registry.url());

        int first = client.register(SUBJECT, SCHEMA);
        int second = client.register(SUBJECT, SCHEMA);

        assertThat(second).isEqualTo(first);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void schemaByIdFetchesTheSchemaOnceThenFromTheCache() {
        registry.state().register("other-value", Article.getClassSchema());
        int id = registry.state().register(SUBJECT, SCHEMA);
        RestSchemaRegistryClient client = client(registry.url());

        assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(registry.requests()).hasSize(1);
        assertThat(registry.requests().get(0).rawPath()).isEqualTo("/schemas/ids/2");
    }

    @Test
    void lookupReturnsTheIdOfAnAlreadyRegisteredSchema() {
        int id = registry.state().register(SUBJECT, SCHEMA);

        assertThat(client(registry.url()).lookup(SUBJECT, SCHEMA)).isEqualTo(id);
        assertThat(registry.requests().get(0).rawPath()).isEqualTo("/subjects/articles.raw-value");
        assertThat(registry.state().latest(SUBJECT).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void lookupOfAnUnregisteredSchemaFailsNamingTheSubjectAndStatus() {
        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> client(registry.url()).lookup(SUBJECT, SCHEMA));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.errorCode()).isEqualTo(40401);
        assertThat(failure.isRetriable()).isFalse();
        assertThat(failure.getMessage()).contains("POST /subjects/articles.raw-value", "subject 'articles.raw-value'",
                "HTTP 404", "error_code 40401");
    }

    @Test
    void latestReturnsIdVersionAndSchemaOfTheNewestVersion() {
        registry.state().register(SUBJECT, Article.getClassSchema());
        int id = registry.state().register(SUBJECT, SCHEMA);

        RegisteredSchema latest = client(registry.url()).latest(SUBJECT).orElseThrow();

        assertThat(latest).isEqualTo(new RegisteredSchema(SUBJECT, id, 2, SCHEMA));
        assertThat(registry.requests().get(0).rawPath()).isEqualTo("/subjects/articles.raw-value/versions/latest");
    }

    @Test
    void latestOfAnUnknownSubjectIsEmpty() {
        assertThat(client(registry.url()).latest("nobody-value")).isEmpty();
    }

    @Test
    void unknownSchemaIdIs404NamingTheIdStatusAndRegistryError() {
        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> client(registry.url()).schemaById(99));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.errorCode()).isEqualTo(40403);
        assertThat(failure.isRetriable()).isFalse();
        assertThat(failure.getMessage()).contains("GET /schemas/ids/99", "schema id 99", "HTTP 404",
                "error_code 40403", "Schema 99 not found");
    }

    @Test
    void subjectIsUrlEncodedInThePath() {
        client(registry.url()).register("odd subject/with+chars-value", SCHEMA);

        assertThat(registry.requests().get(0).rawPath()).isEqualTo("/subjects/odd%20subject%2Fwith%2Bchars-value/versions");
        assertThat(registry.state().subjects()).containsExactly("odd subject/with+chars-value");
    }

    @Test
    void basicAuthSendsTheUserInfoAsAuthorizationHeader() {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("svc-wire:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        registry.requireAuthorization(expected);
        RestSchemaRegistryClient client = client(registry.url(), "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc-wire:" + PASSWORD);

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(1);
        assertThat(registry.requests().get(0).authorization()).isEqualTo(expected);
    }

    @Test
    void rejectedCredentialsFailWithoutShowingThePassword() {
        registry.requireAuthorization("Basic something-else");
        RestSchemaRegistryClient client = client(registry.url(), "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc-wire:" + PASSWORD);

        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.register(SUBJECT, SCHEMA));

        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.isRetriable()).isFalse();
        assertThat(failure.getMessage()).doesNotContain(PASSWORD);
        assertThat(failure.toString()).doesNotContain(PASSWORD);
        assertThat(client.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void registryThatIsDownIsRetriableWithNoHttpStatus() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();

        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> client(url).schemaById(1));

        assertThat(failure.httpStatus()).isEqualTo(-1);
        assertThat(failure.isRetriable()).isTrue();
        assertThat(failure.getMessage()).contains("GET /schemas/ids/1", "schema id 1", url);
    }

    @Test
    void nextUrlIsTriedWhenTheFirstCannotBeReached() throws IOException {
        String urls = "http://127.0.0.1:" + closedPort() + "," + registry.url();

        assertThat(client(urls).register(SUBJECT, SCHEMA)).isEqualTo(1);
    }

    @Test
    void serverErrorsAndThrottlingAreRetriableButConflictsAreNot() {
        for (int status : new int[] {500, 503, 408, 429, 409, 422}) {
            registry.failWith(status);
            SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                    () -> client(registry.url()).register(SUBJECT, SCHEMA));
            assertThat(failure.httpStatus()).isEqualTo(status);
            assertThat(failure.isRetriable()).as("HTTP %d retriable", status).isEqualTo(status >= 500 || status == 408 || status == 429);
            assertThat(failure.getMessage()).contains("error_code " + (status * 100 + 1), "Injected failure");
        }
    }

    @Test
    void registryThatAnswersTooSlowlyTimesOutAsRetriable() {
        registry.delayAnswers(3_000);
        RestSchemaRegistryClient client = client(registry.url(), "http.read.timeout.ms", "200");
        long start = System.nanoTime();

        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.schemaById(1));

        assertThat(failure.isRetriable()).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
    }

    @Test
    void schemaIdOfANonAvroSchemaIsReportedAsSuch() {
        int id = registry.registerProtobufSchema();

        NonAvroSchemaException failure = catchThrowableOfType(NonAvroSchemaException.class,
                () -> client(registry.url()).schemaById(id));

        assertThat(failure.isRetriable()).isFalse();
        assertThat(failure.getMessage()).contains("PROTOBUF", "schema id " + id);
    }

    @Test
    void serdeConfiguredWithTheRegistryUrlRoundTripsThroughIt() {
        AvroSerde<DeadLetter> serde = new AvroSerde<>(DeadLetter.class);
        serde.configure(Map.of("schema.registry.url", registry.url()), false);
        DeadLetter deadLetter = SampleRecords.deadLetter();

        byte[] bytes = serde.serializer().serialize("articles.dlq", deadLetter);

        assertThat(serde.deserializer().deserialize("articles.dlq", bytes)).isEqualTo(deadLetter);
        assertThat(registry.state().subjects()).containsExactly("articles.dlq-value");
    }
}
