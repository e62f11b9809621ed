package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's registry client and serdes against a real Confluent-API registry (Apicurio, {@code /apis/ccompat/v7}):
 * registration, look-ups, fetch by id, the serde flags, bad input, and a registry that blinks.
 */
class ApicurioRegistryIT {

    private static ApicurioRegistry apicurio;

    @BeforeAll
    static void registry() {
        apicurio = ApicurioRegistry.shared();
    }

    private static byte[] framed(int schemaId, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, schemaId);
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void registryListensOnLoopbackWithBackwardCompatibility() {
        if (apicurio.startedHere()) {
            assertThat(URI.create(apicurio.url()).getHost()).isEqualTo("127.0.0.1");
            assertThat(apicurio.startTime()).isPositive();
        }
        assertThat(apicurio.send("GET", "/config", null).body()).contains("BACKWARD");
        assertThat(apicurio.client().compatibilityLevel(ApicurioRegistry.uniqueTopic("nobody") + "-value"))
                .isEqualTo("BACKWARD");
    }

    @Test
    void registerLookupLatestAndFetchByIdAgree() {
        String subject = ApicurioRegistry.uniqueTopic("articles.raw") + "-value";
        String otherSubject = ApicurioRegistry.uniqueTopic("elsewhere") + "-value";
        Schema schema = RawArticle.getClassSchema();
        RestSchemaRegistryClient client = apicurio.client();

        int id = client.register(subject, schema);

        assertThat(apicurio.client().register(subject, schema)).as("registering again").isEqualTo(id);
        assertThat(apicurio.client().lookup(subject, schema)).isEqualTo(id);
        assertThat(apicurio.client().find(subject, schema)).contains(new RegisteredSchema(subject, id, 1, schema));
        assertThat(apicurio.client().latest(subject)).contains(new RegisteredSchema(subject, id, 1, schema));
        assertThat(apicurio.client().schemaById(id)).isEqualTo(schema);
        // As in Confluent's registry, the id belongs to the schema, not the subject.
        assertThat(apicurio.client().register(otherSubject, schema)).isEqualTo(id);
    }

    @Test
    void lookupsOfUnknownSubjectsAndSchemasAnswerAsConfluentsDo() {
        String subject = ApicurioRegistry.uniqueTopic("unknown") + "-value";
        RestSchemaRegistryClient client = apicurio.client();

        assertThat(client.latest(subject)).isEmpty();
        assertThat(client.find(subject, RawArticle.getClassSchema())).isEmpty();
        SchemaRegistryException noSubject = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.lookup(subject, RawArticle.getClassSchema()));
        assertThat(noSubject.httpStatus()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(noSubject.getMessage()).contains("subject '" + subject + "'", "HTTP 404");

        client.register(subject, DeadLetter.getClassSchema());
        SchemaRegistryException noSchema = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.lookup(subject, RawArticle.getClassSchema()));
        assertThat(noSchema.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(client.isCompatibleWithLatest(ApicurioRegistry.uniqueTopic("fresh") + "-value",
                RawArticle.getClassSchema())).isTrue();
    }

    @Test
    void unknownSchemaIdIs404With40403AndTheDeserializerReportsUnknownSchemaId() {
        int unknownId = 1_900_000_000;
        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> apicurio.client().schemaById(unknownId));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(failure.isRetriable()).isFalse();
        assertThat(failure.getMessage()).contains("schema id " + unknownId, "HTTP 404", "error_code 40403");

        AvroDeserializer<RawArticle> reader = new AvroDeserializer<>(RawArticle.class, apicurio.client());
        byte[] body = new AvroSerde<>(RawArticle.class, new MockSchemaRegistry(), true, false).serializer()
                .serialize("t", SampleRecords.rawArticle("a-1"));
        WireFormatException unknown = catchThrowableOfType(WireFormatException.class,
                () -> reader.deserialize("articles.raw", framed(unknownId, Arrays.copyOfRange(body, 5, body.length))));
        assertThat(unknown.reason()).isEqualTo(WireFormatException.Reason.UNKNOWN_SCHEMA_ID);
        assertThat(unknown.getMessage()).contains("schema id " + unknownId, "articles.raw");
    }

    @Test
    void wrongMagicByteAndBodiesThatDoNotMatchTheirSchemaAreNamedAsSuch() {
        String topic = ApicurioRegistry.uniqueTopic("articles.raw");
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);
        serde.configure(apicurio.clientConfigs(), false);
        byte[] good = serde.serializer().serialize(topic, SampleRecords.rawArticle("a-2"));
        int id = java.nio.ByteBuffer.wrap(good, 1, 4).getInt();

        byte[] badMagic = good.clone();
        badMagic[0] = 1;
        assertThat(catchThrowableOfType(WireFormatException.class,
                () -> serde.deserializer().deserialize(topic, badMagic)).reason())
                .isEqualTo(WireFormatException.Reason.BAD_MAGIC_BYTE);

        byte[] truncated = Arrays.copyOf(good, good.length - 10);
        WireFormatException shortBody = catchThrowableOfType(WireFormatException.class,
                () -> serde.deserializer().deserialize(topic, truncated));
        assertThat(shortBody.reason()).isEqualTo(WireFormatException.Reason.MALFORMED_AVRO);
        assertThat(shortBody.getMessage()).contains("schema id " + id);

        byte[] garbage = framed(id, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 1, 2});
        assertThat(catchThrowableOfType(WireFormatException.class,
                () -> serde.deserializer().deserialize(topic, garbage)).reason())
                .isEqualTo(WireFormatException.Reason.MALFORMED_AVRO);

        // An id that exists but holds another record type: resolution fails, so the record is malformed for us.
        int deadLetterId = apicurio.client().register(ApicurioRegistry.uniqueTopic("dlq") + "-value",
                DeadLetter.getClassSchema());
        byte[] otherType = framed(deadLetterId, Arrays.copyOfRange(good, 5, good.length));
        assertThat(catchThrowableOfType(WireFormatException.class,
                () -> serde.deserializer().deserialize(topic, otherType)).reason())
                .isEqualTo(WireFormatException.Reason.MALFORMED_AVRO);
    }

    @Test
    void serdeRoundTripsThroughTheRegistryUnderTopicNameStrategy() {
        String topic = ApicurioRegistry.uniqueTopic("articles.normalized.en-us");
        AvroSerde<Article> serde = new AvroSerde<>(Article.class);
        serde.configure(apicurio.clientConfigs(), false);
        Article article = SampleRecords.translatedArticle();

        byte[] bytes = serde.serializer().serialize(topic, article);

        assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(article);
        RegisteredSchema latest = apicurio.client().latest(topic + "-value").orElseThrow();
        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest.id());
        // Registered in the .avsc file's form, without the code generator's Java-only properties.
        assertThat(latest.schema()).isEqualTo(PortableSchema.of(Article.getClassSchema()));
        assertThat(latest.schema().toString()).doesNotContain("avro.java.string");
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSubjectIsRefusedNamingSubjectAndStatus() {
        String topic = ApicurioRegistry.uniqueTopic("articles.dlq");
        Map<String, Object> configs = new HashMap<>(apicurio.clientConfigs());
        configs.put("auto.register.schemas", false);
        AvroSerde<DeadLetter> serde = new AvroSerde<>(DeadLetter.class);
        serde.configure(configs, false);

        assertThatThrownBy(() -> serde.serializer().serialize(topic, SampleRecords.deadLetter()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject '" + topic + "-value'")
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("register it first");

        int id = apicurio.client().register(topic + "-value", DeadLetter.getClassSchema());
        byte[] bytes = serde.serializer().serialize(topic, SampleRecords.deadLetter());
        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);

        configs.put("use.latest.version", true);
        AvroSerde<DeadLetter> latest = new AvroSerde<>(DeadLetter.class);
        latest.configure(configs, false);
        assertThat(java.nio.ByteBuffer.wrap(latest.serializer().serialize(topic, SampleRecords.deadLetter()), 1, 4)
                .getInt()).isEqualTo(id);
    }

    @Test
    void recordReadWhileTheRegistryBlinksWaitsForItInsteadOfFailing() throws Exception {
        String topic = ApicurioRegistry.uniqueTopic("articles.raw");
        AvroSerde<RawArticle> writer = new AvroSerde<>(RawArticle.class);
        writer.configure(apicurio.clientConfigs(), false);
        byte[] bytes = writer.serializer().serialize(topic, SampleRecords.rawArticle("blink-1"));

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI registry = URI.create(apicurio.url());
        String viaProxy = "http://127.0.0.1:" + port + registry.getPath();
        Map<String, Object> configs = new HashMap<>(apicurio.clientConfigs());
        configs.put("schema.registry.url", viaProxy);
        configs.put("max.retries", 8);
        configs.put("retries.wait.ms", 200);
        configs.put("retries.max.wait.ms", 1000);
        AvroDeserializer<RawArticle> reader = new AvroDeserializer<>(RawArticle.class);
        reader.configure(configs, false);

        // The registry is away (nothing listens on the proxy port) when the record arrives, and back 1.5 s later.
        long start = System.nanoTime();
        CompletableFuture<RawArticle> read = CompletableFuture.supplyAsync(() -> reader.deserialize(topic, bytes));
        Thread.sleep(1_500);
        assertThat(read).as("still waiting for the registry").isNotDone();
        try (TcpForwarder ignored = TcpForwarder.open(port, "http://127.0.0.1:" + registry.getPort())) {
            RawArticle article = read.get(30, TimeUnit.SECONDS);
            assertThat(article).isEqualTo(SampleRecords.rawArticle("blink-1"));
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_500);
    }
}
