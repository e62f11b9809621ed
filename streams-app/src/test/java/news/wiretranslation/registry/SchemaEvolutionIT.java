package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution through a real registry (Apicurio, global compatibility BACKWARD): readers and writers on
 * different versions of a schema, and changes the registry must refuse. The older and newer versions are test-local
 * variants of the project's schemas ({@link SchemaVariants}); the .avsc files are not touched.
 */
class SchemaEvolutionIT {

    private static final Instant PUBLISHED = Instant.parse("2026-03-01T08:00:00.000Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-01T08:00:01.000Z");

    private static ApicurioRegistry apicurio;

    @BeforeAll
    static void registry() {
        apicurio = ApicurioRegistry.shared();
    }

    /** Wire-format bytes as a producer with its own writer schema would write them. */
    private static byte[] written(int schemaId, Schema writerSchema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, schemaId);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writerSchema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** How a consumer that only knows {@code readerSchema} reads the service's bytes: writer schema by id. */
    private static GenericRecord readAs(Schema readerSchema, byte[] bytes) throws IOException {
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writerSchema = apicurio.client().schemaById(id);
        return new GenericDatumReader<GenericRecord>(writerSchema, readerSchema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    }

    private static List<Integer> versions(String subject) {
        String body = apicurio.send("GET", "/subjects/" + subject + "/versions", null).body();
        return java.util.Arrays.stream(body.replaceAll("[\\[\\]\\s]", "").split(","))
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    @Test
    void v1RawArticleWithoutTheOptionalFieldsIsReadByTheCurrentClass() throws IOException {
        String topic = ApicurioRegistry.uniqueTopic("articles.raw");
        String subject = topic + "-value";
        // A first version of the feed's producer: no url, declaredLanguage, urgency or attributes.
        Schema v1 = SchemaVariants.of(RawArticle.getClassSchema())
                .without("url").without("declaredLanguage").without("urgency").without("attributes").schema();
        RestSchemaRegistryClient client = apicurio.client();
        int v1Id = client.register(subject, v1);
        // The current schema adds those fields with defaults: BACKWARD accepts it as version 2 (registered in the
        // .avsc form, as the service's serializer registers it).
        int currentId = client.register(subject, PortableSchema.of(RawArticle.getClassSchema()));
        assertThat(currentId).isNotEqualTo(v1Id);
        assertThat(versions(subject)).containsExactly(1, 2);

        GenericRecord old = new GenericRecordBuilder(v1)
                .set("id", "v1-1").set("source", "dpa").set("headline", "Schlagzeile").set("body", "Text.")
                .set("bodyFormat", new GenericData.EnumSymbol(v1.getField("bodyFormat").schema(), "TEXT"))
                .set("revision", 3)
                .set("publishedAt", PUBLISHED.toEpochMilli()).set("receivedAt", RECEIVED.toEpochMilli())
                .build();
        AvroDeserializer<RawArticle> reader = new AvroDeserializer<>(RawArticle.class, apicurio.client());

        RawArticle article = reader.deserialize(topic, written(v1Id, v1, old));

        assertThat(article.getId()).isEqualTo("v1-1");
        assertThat(article.getRevision()).isEqualTo(3);
        assertThat(article.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(article.getUrl()).isNull();
        assertThat(article.getDeclaredLanguage()).isNull();
        assertThat(article.getUrgency()).isNull();
        assertThat(article.getAttributes()).isEmpty();
        // Records of the current producer on the same subject read as well.
        AvroSerde<RawArticle> current = new AvroSerde<>(RawArticle.class);
        current.configure(apicurio.clientConfigs(), false);
        byte[] now = current.serializer().serialize(topic, SampleRecords.rawArticle("v2-1"));
        assertThat(ByteBuffer.wrap(now, 1, 4).getInt()).isEqualTo(currentId);
        assertThat(reader.deserialize(topic, now)).isEqualTo(SampleRecords.rawArticle("v2-1"));
    }

    @Test
    void consumerOnAnOlderArticleWithoutOriginalUrlReadsCurrentArticles() throws IOException {
        String topic = ApicurioRegistry.uniqueTopic("articles.normalized.en-us");
        String subject = topic + "-value";
        Schema older = SchemaVariants.of(Article.getClassSchema()).without("originalUrl").schema();
        apicurio.client().register(subject, older);
        // FULL: the registry itself checks that old readers can read new records, and new readers old ones.
        apicurio.setCompatibility(subject, "FULL");
        AvroSerde<Article> service = new AvroSerde<>(Article.class);
        service.configure(apicurio.clientConfigs(), false);
        Article article = Article.newBuilder(SampleRecords.translatedArticle())
                .setOriginalUrl("https://example.org/a-1").build();

        byte[] bytes = service.serializer().serialize(topic, article);

        assertThat(versions(subject)).as("the current schema registered as version 2 under FULL").containsExactly(1, 2);
        GenericRecord read = readAs(older, bytes);
        assertThat(read.getSchema().getField("originalUrl")).isNull();
        assertThat(read.get("headline").toString()).isEqualTo(article.getHeadline());
        assertThat(read.get("body").toString()).isEqualTo("[First paragraph., Second paragraph.]");
        assertThat(read.get("machineTranslated")).isEqualTo(true);
        assertThat(((GenericRecord) read.get("translation")).get("engineModel").toString())
                .isEqualTo("quality_optimized");
        assertThat(read.get("processedAt")).isEqualTo(article.getProcessedAt().toEpochMilli());
    }

    @Test
    void consumerOnAnOlderTranslationWithoutEngineModelReadsCurrentArticles() throws IOException {
        String topic = ApicurioRegistry.uniqueTopic("articles.normalized.de");
        String subject = topic + "-value";
        Schema older = SchemaVariants.of(Article.getClassSchema()).without("translation.engineModel").schema();
        apicurio.client().register(subject, older);
        apicurio.setCompatibility(subject, "FULL");
        AvroSerde<Article> service = new AvroSerde<>(Article.class);
        service.configure(apicurio.clientConfigs(), false);

        byte[] bytes = service.serializer().serialize(topic, SampleRecords.translatedArticle());

        GenericRecord translation = (GenericRecord) readAs(older, bytes).get("translation");
        assertThat(translation.getSchema().getField("engineModel")).isNull();
        assertThat(translation.get("engine").toString()).isEqualTo("deepl");
        assertThat(translation.get("billedCharacters")).isEqualTo(87L);
        assertThat(translation.get("disclaimer").toString()).isEqualTo("Machine-translated from French by DeepL.");
    }

    @Test
    void newEnumSymbolIsAcceptedUnderFullBecauseTheEnumHasADefaultAndOldReadersSeeIt() throws IOException {
        String topic = ApicurioRegistry.uniqueTopic("articles.raw");
        String subject = topic + "-value";
        Schema newer = SchemaVariants.of(RawArticle.getClassSchema()).withEnumSymbol("bodyFormat", "MARKDOWN").schema();
        RestSchemaRegistryClient client = apicurio.client();
        client.register(subject, RawArticle.getClassSchema());
        apicurio.setCompatibility(subject, "FULL");

        int newerId = client.register(subject, newer);

        GenericRecordBuilder record = new GenericRecordBuilder(newer)
                .set("id", "md-1").set("source", "rss:example.org").set("headline", "Headline").set("body", "# Body")
                .set("bodyFormat", new GenericData.EnumSymbol(newer.getField("bodyFormat").schema(), "MARKDOWN"))
                .set("publishedAt", PUBLISHED.toEpochMilli()).set("receivedAt", RECEIVED.toEpochMilli());
        RawArticle read = new AvroDeserializer<>(RawArticle.class, apicurio.client())
                .deserialize(topic, written(newerId, newer, record.build()));
        // The service's reader does not know MARKDOWN: the enum's default stands in for it.
        assertThat(read.getBodyFormat()).isEqualTo(BodyFormat.TEXT);
        assertThat(read.getBody()).isEqualTo("# Body");
    }

    @Test
    void newRequiredFieldWithoutDefaultIsRefusedWith409NamingTheSubject() {
        String subject = ApicurioRegistry.uniqueTopic("articles.raw") + "-value";
        RestSchemaRegistryClient client = apicurio.client();
        int id = client.register(subject, RawArticle.getClassSchema());
        Schema incompatible = SchemaVariants.of(RawArticle.getClassSchema())
                .with("", "{\"name\":\"priority\",\"type\":\"int\"}").schema();

        assertThat(client.isCompatibleWithLatest(subject, incompatible)).isFalse();
        SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.register(subject, incompatible));

        assertThat(refused.httpStatus()).isEqualTo(409);
        assertThat(refused.isRetriable()).isFalse();
        assertThat(refused.getMessage()).contains("subject '" + subject + "'", "HTTP 409",
                "POST /subjects/" + subject + "/versions");
        assertThat(client.latest(subject).orElseThrow().id()).as("nothing registered").isEqualTo(id);
        assertThat(versions(subject)).containsExactly(1);
        // With a default the same field is a compatible change.
        Schema compatible = SchemaVariants.of(RawArticle.getClassSchema())
                .with("", "{\"name\":\"priority\",\"type\":\"int\",\"default\":5}").schema();
        assertThat(client.isCompatibleWithLatest(subject, compatible)).isTrue();
    }

    @Test
    void serviceWhoseSchemaChangedATypeIsRefusedOnItsFirstRecordNamingSubjectAndStatus() {
        String topic = ApicurioRegistry.uniqueTopic("articles.normalized.fr");
        String subject = topic + "-value";
        // What other producers registered first: 'version' as a string. The service's Article has it as an int.
        Schema registered = SchemaVariants.of(Article.getClassSchema()).retyped("version", "\"string\"").schema();
        apicurio.client().register(subject, registered);
        AvroSerde<Article> service = new AvroSerde<>(Article.class);
        service.configure(apicurio.clientConfigs(), false);

        assertThatThrownBy(() -> service.serializer().serialize(topic, SampleRecords.translatedArticle()))
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("subject '" + subject + "'")
                .hasMessageContaining("refused to register")
                .hasMessageContaining("HTTP 409");
    }

    @Test
    void forwardCompatibilityRefusesDroppingAFieldOldReadersNeed() {
        String subject = ApicurioRegistry.uniqueTopic("articles.dlq") + "-value";
        RestSchemaRegistryClient client = apicurio.client();
        Schema current = news.wiretranslation.avro.DeadLetter.getClassSchema();
        client.register(subject, current);
        Schema withoutStage = SchemaVariants.of(current).without("stage").schema();

        // BACKWARD (the global level): new readers ignore what they do not know, so dropping is fine.
        assertThat(client.isCompatibleWithLatest(subject, withoutStage)).isTrue();
        apicurio.setCompatibility(subject, "FORWARD");
        assertThat(client.compatibilityLevel(subject)).isEqualTo("FORWARD");
        // FORWARD: readers of the registered version need 'stage', which has no default.
        SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class,
                () -> client.register(subject, withoutStage));
        assertThat(refused.httpStatus()).isEqualTo(409);
        assertThat(refused.getMessage()).contains(subject);
        assertThat(Map.of("versions", versions(subject))).containsEntry("versions", List.of(1));
    }
}
