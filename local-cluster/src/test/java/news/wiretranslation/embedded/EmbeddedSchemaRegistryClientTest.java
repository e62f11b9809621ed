package news.wiretranslation.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.PortableSchema;
import news.wiretranslation.registry.RegisteredSchema;
import news.wiretranslation.registry.RestSchemaRegistryClient;
import news.wiretranslation.registry.SchemaRegistryClient;
import news.wiretranslation.registry.SchemaRegistryClients;
import news.wiretranslation.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project's own REST client and Avro serde against the embedded registry, as other processes will use it. */
class EmbeddedSchemaRegistryClientTest {

    private static final String SUBJECT = "stories-value";

    private EmbeddedSchemaRegistry registry;

    @BeforeEach
    void startRegistry() {
        registry = EmbeddedSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    /** A fresh client, with an empty cache: every answer it gives comes over HTTP. */
    private SchemaRegistryClient client() {
        return SchemaRegistryClients.create(Map.of("schema.registry.url", registry.url()));
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        InetSocketAddress address = registry.address();

        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
        assertThat(address.getPort()).isPositive();
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + address.getPort());
    }

    @Test
    void startsOnTheGivenPortAndRefusesOneAlreadyTaken() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (EmbeddedSchemaRegistry onPort = EmbeddedSchemaRegistry.start(port)) {
            assertThat(onPort.url()).isEqualTo("http://127.0.0.1:" + port);
            assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(port))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProjectsRestClientRegistersLooksUpAndFetches() {
        SchemaRegistryClient writer = client();
        assertThat(writer).isInstanceOf(RestSchemaRegistryClient.class);

        int id = writer.register(SUBJECT, TestSchemas.V1);
        SchemaRegistryClient reader = client();

        assertThat(id).isEqualTo(1);
        assertThat(reader.register(SUBJECT, TestSchemas.V1)).as("same schema, same id").isEqualTo(id);
        assertThat(reader.lookup(SUBJECT, TestSchemas.V1)).isEqualTo(id);
        assertThat(reader.schemaById(id)).isEqualTo(TestSchemas.V1);
        assertThat(reader.latest(SUBJECT)).contains(new RegisteredSchema(SUBJECT, id, 1, TestSchemas.V1));
    }

    @Test
    void aNewVersionBecomesTheLatestAndKeepsItsOwnId() {
        SchemaRegistryClient client = client();
        int first = client.register(SUBJECT, TestSchemas.V1);

        int second = client.register(SUBJECT, TestSchemas.V2_OPTIONAL_FIELD);

        assertThat(second).isEqualTo(2);
        assertThat(client().latest(SUBJECT)).contains(new RegisteredSchema(SUBJECT, 2, 2, TestSchemas.V2_OPTIONAL_FIELD));
        assertThat(client().lookup(SUBJECT, TestSchemas.V1)).isEqualTo(first);
        assertThat(client().register("other-value", TestSchemas.V1)).as("ids belong to schemas").isEqualTo(first);
    }

    @Test
    void aRawArticleRoundTripsThroughTheRegistryBetweenTwoSerdes() {
        RawArticle article = RawArticle.newBuilder()
                .setId("a-1")
                .setSource("afp")
                .setUrl("https://example.org/a-1")
                .setHeadline("Élections : le second tour aura lieu dimanche")
                .setBody("<p>Premier paragraphe.</p>")
                .setBodyFormat(BodyFormat.HTML)
                .setDeclaredLanguage("fr")
                .setRevision(2)
                .setUrgency(3)
                .setPublishedAt(Instant.parse("2026-03-01T08:15:30.123Z"))
                .setReceivedAt(Instant.parse("2026-03-01T08:15:31.456Z"))
                .setAttributes(Map.of("slug", "elections"))
                .build();
        Map<String, Object> configs = Map.of("schema.registry.url", registry.url());
        AvroSerde<RawArticle> producerSide = new AvroSerde<>(RawArticle.class);
        producerSide.configure(configs, false);
        // A second serde, as in another process: it knows no schema and must fetch the id's schema over HTTP.
        AvroSerde<RawArticle> consumerSide = new AvroSerde<>(RawArticle.class);
        consumerSide.configure(configs, false);

        byte[] bytes = producerSide.serializer().serialize("articles.raw", article);
        RawArticle read = consumerSide.deserializer().deserialize("articles.raw", bytes);

        assertThat(read).isEqualTo(article);
        assertThat(client().latest("articles.raw-value")).map(RegisteredSchema::schema)
                .contains(PortableSchema.of(RawArticle.getClassSchema()));
    }

    @Test
    void anUnknownIdIsA404WithErrorCode40403() {
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client().schemaById(42));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(e.isRetriable()).isFalse();
    }

    @Test
    void lookingUpInAnUnknownSubjectIsA404WithErrorCode40401() {
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> client().lookup("nobody-value", TestSchemas.V1));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
    }

    @Test
    void lookingUpASchemaTheSubjectDoesNotHaveIsA404WithErrorCode40403() {
        client().register(SUBJECT, TestSchemas.V1);
        client().register("other-value", TestSchemas.V2_OPTIONAL_FIELD);

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> client().lookup(SUBJECT, TestSchemas.V2_OPTIONAL_FIELD));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
    }

    @Test
    void theLatestVersionOfAnUnknownSubjectIsEmpty() {
        assertThat(client().latest("nobody-value")).isEqualTo(Optional.empty());
    }

    @Test
    void backwardCompatibilityRefusesANewRequiredFieldWith409() {
        client().register(SUBJECT, TestSchemas.V1);

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> client().register(SUBJECT, TestSchemas.V2_REQUIRED_FIELD));

        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.errorCode()).isEqualTo(409);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e.getMessage()).contains("BACKWARD", "headline", "READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(client().latest(SUBJECT)).map(RegisteredSchema::version).contains(1);
    }

    @Test
    void subjectsAndSchemasWithReservedCharactersSurviveTheUrlEncoding() {
        String subject = "news/raw value+1 ü-value";

        int id = client().register(subject, TestSchemas.V1);

        assertThat(client().lookup(subject, TestSchemas.V1)).isEqualTo(id);
        assertThat(client().latest(subject)).map(RegisteredSchema::subject).contains(subject);
    }

    @Test
    void concurrentRegistrationsGetOneIdPerSchema() throws Exception {
        int subjects = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < subjects; i++) {
                    Schema schema = TestSchemas.record("{\"name\": \"field" + i + "\", \"type\": \"int\"}");
                    String subject = "subject-" + i;
                    Callable<Integer> registration = () -> client().register(subject, schema);
                    ids.add(pool.submit(registration));
                }
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get(30, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(subjects).allMatch(id -> id >= 1 && id <= subjects);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterCloseTheRegistryIsUnreachableAndClosingAgainIsHarmless() {
        SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", registry.url(),
                "http.connect.timeout.ms", 2000, "http.read.timeout.ms", 2000));

        registry.close();
        registry.close();

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(1));
        assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_HTTP_STATUS);
    }
}
