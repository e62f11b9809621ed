package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The released (version 1) schemas against the current (version 2) ones, through the real registry: a producer
 * still on RawArticle v1 is read by the service; a downstream consumer still on Article v1 reads the service's
 * v2 output, its new label fields simply unseen.
 */
class ReleasedSchemasIT {
    private static final Path RELEASED = Path.of("src", "test", "resources", "registry", "released-schemas");
    private static ApicurioRegistry apicurio;

    @BeforeAll
    static void registry() {
        apicurio = ApicurioRegistry.shared();
    }

    private static Schema released(String file) throws IOException {
        return new Schema.Parser().parse(RELEASED.resolve(file).toFile());
    }

    @Test
    void producerStillOnRawArticleV1IsReadByTheServiceOnV2() throws IOException {
        String topic = ApicurioRegistry.uniqueTopic("articles.raw");
        Schema v1 = released("RawArticle.avsc");
        int v1Id = apicurio.client().register(topic + "-value", v1);
        RawArticle expected = SampleRecords.rawArticle("v1-producer");
        GenericRecord asV1 = new GenericData.Record(v1);
        for (Schema.Field field : v1.getFields()) {
            Object value = expected.get(field.name());
            asV1.put(field.name(), value instanceof java.time.Instant instant ? instant.toEpochMilli()
                    : value instanceof Enum<?> symbol ? new GenericData.EnumSymbol(field.schema(), symbol.name()) : value);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, v1Id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v1).write(asV1, encoder);
        encoder.flush();

        AvroDeserializer<RawArticle> service = new AvroDeserializer<>(RawArticle.class);
        service.configure(Map.of("schema.registry.url", apicurio.url()), false);
        RawArticle read = service.deserialize(topic, out.toByteArray());

        assertThat(read.getId()).isEqualTo("v1-producer");
        assertThat(read.getHeadline()).isEqualTo(expected.getHeadline());
        assertThat(read.getBody()).isEqualTo(expected.getBody());
    }

    @Test
    void consumerStillOnArticleV1ReadsTheServicesV2Output() throws IOException {
        String topic = ApicurioRegistry.uniqueTopic("articles.normalized.en-us");
        Schema v1 = released("Article.avsc");
        apicurio.client().register(topic + "-value", v1);
        Article current = SampleRecords.translatedArticle();

        AvroSerializer<Article> service = new AvroSerializer<>(Article.class);
        service.configure(Map.of("schema.registry.url", apicurio.url()), false);
        byte[] bytes = service.serialize(topic, current);
        int writerId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writer = apicurio.client().schemaById(writerId);
        GenericRecord read = new GenericDatumReader<GenericRecord>(writer, v1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        assertThat(writer.getField("qualityFlags")).as("the service wrote version 2").isNotNull();
        assertThat(v1.getField("qualityFlags")).as("the consumer knows version 1 only").isNull();
        assertThat(read.get("id").toString()).isEqualTo(current.getId());
        assertThat(read.get("headline").toString()).isEqualTo(current.getHeadline());
        assertThat((Boolean) read.get("machineTranslated")).isEqualTo(current.getMachineTranslated());
        GenericRecord translation = (GenericRecord) read.get("translation");
        assertThat(translation.get("engine").toString()).isEqualTo(current.getTranslation().getEngine());
    }
}
