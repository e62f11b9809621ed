package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    private static final String TOPIC = "articles.raw";
    private static final Instant PUBLISHED = Instant.parse("2026-03-01T08:00:00.000Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-01T08:00:01.000Z");

    private final MockSchemaRegistry registry = new MockSchemaRegistry();
    private final AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class, registry);

    /** Writes {@code record} in the wire format as a producer with its own, different schema would. */
    private byte[] writtenWith(Schema writerSchema, GenericRecord record) throws IOException {
        int id = registry.register(TOPIC + "-value", writerSchema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writerSchema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void readerWithAddedOptionalFieldsReadsRecordsWrittenWithTheOlderSchema() throws IOException {
        // RawArticle as a first version might have had it: no url, bodyFormat, declaredLanguage, revision,
        // urgency or attributes. The current schema added all of them with defaults.
        Schema oldSchema = SchemaBuilder.record("RawArticle").namespace("news.wiretranslation.avro").fields()
                .requiredString("id")
                .requiredString("source")
                .requiredString("headline")
                .requiredString("body")
                .name("publishedAt").type().longType().noDefault()
                .name("receivedAt").type().longType().noDefault()
                .endRecord();
        GenericRecord old = new GenericRecordBuilder(oldSchema)
                .set("id", "a-1").set("source", "dpa").set("headline", "Schlagzeile").set("body", "Text.")
                .set("publishedAt", PUBLISHED.toEpochMilli()).set("receivedAt", RECEIVED.toEpochMilli())
                .build();

        RawArticle article = deserializer.deserialize(TOPIC, writtenWith(oldSchema, old));

        assertThat(article.getId()).isEqualTo("a-1");
        assertThat(article.getHeadline()).isEqualTo("Schlagzeile");
        assertThat(article.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(article.getUrl()).isNull();
        assertThat(article.getBodyFormat()).isEqualTo(BodyFormat.TEXT);
        assertThat(article.getRevision()).isEqualTo(1);
        assertThat(article.getUrgency()).isNull();
        assertThat(article.getAttributes()).isEmpty();
    }

    @Test
    void readerIgnoresAFieldThatANewerWriterAdded() throws IOException {
        // A newer producer's RawArticle with an extra optional field this service does not know yet.
        Schema.Field extra = new Schema.Field("dateline",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Where the story was filed.", Schema.Field.NULL_DEFAULT_VALUE);
        Schema newerSchema = withExtraField(RawArticle.getClassSchema(), extra);
        RawArticle current = SampleRecords.rawArticle("a-2");
        GenericData.Record newer = new GenericData.Record(newerSchema);
        for (Schema.Field field : RawArticle.getClassSchema().getFields()) {
            newer.put(field.name(), toGeneric(current.get(field.pos())));
        }
        newer.put("dateline", "PARIS");

        RawArticle article = deserializer.deserialize(TOPIC, writtenWith(newerSchema, newer));

        assertThat(article).isEqualTo(current);
    }

    private static Schema withExtraField(Schema schema, Schema.Field extra) {
        java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** The generic writer wants plain Avro values where the generated class holds Java types. */
    private static Object toGeneric(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof BodyFormat format) {
            return new GenericData.EnumSymbol(BodyFormat.getClassSchema(), format.name());
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        return value;
    }
}
