package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericArray;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability: the service's output bytes decoded by an implementation that shares nothing with the project's
 * serde (plain HTTP to the registry's Confluent API, the header read by hand, Avro's {@link GenericDatumReader}),
 * and bytes from such an independent producer read by the project's deserializer.
 */
class IndependentDecoderIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static ApicurioRegistry apicurio;

    @BeforeAll
    static void registry() {
        apicurio = ApicurioRegistry.shared();
    }

    /** {@code GET /schemas/ids/{id}} over plain java.net.http: the writer schema as the registry stores it. */
    private static Schema fetchWriterSchema(int id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apicurio.url() + "/schemas/ids/" + id))
                .header("Accept", "application/vnd.schemaregistry.v1+json").timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as("GET /schemas/ids/%d: %s", id, answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("schemaType").asText("AVRO")).isEqualTo("AVRO");
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    @Test
    void articleWrittenByTheServiceDecodesWithAGenericReaderAndTheSchemaFetchedById() throws Exception {
        String topic = ApicurioRegistry.uniqueTopic("articles.normalized.en-us");
        AvroSerde<Article> serde = new AvroSerde<>(Article.class);
        serde.configure(apicurio.clientConfigs(), false);
        Article article = SampleRecords.translatedArticle();

        byte[] bytes = serde.serializer().serialize(topic, article);

        // The framing, read by hand: magic byte 0, then a 4-byte big-endian schema id.
        DataInputStream header = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        assertThat(header.readByte()).isEqualTo((byte) 0);
        int id = header.readInt();
        Schema writer = fetchWriterSchema(id);
        assertThat(writer.getFullName()).isEqualTo("news.wiretranslation.avro.Article");
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
        GenericRecord record = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
        assertThat(decoder.isEnd()).as("no bytes left over").isTrue();

        assertThat(record.get("uri").toString()).isEqualTo(article.getUri());
        assertThat(record.get("id").toString()).isEqualTo("a-1");
        assertThat(record.get("version")).isEqualTo(2);
        assertThat(record.get("language").toString()).isEqualTo("en");
        assertThat(record.get("headline").toString()).isEqualTo(article.getHeadline());
        assertThat(((GenericArray<?>) record.get("body")).stream().map(Object::toString).collect(Collectors.toList()))
                .isEqualTo(article.getBody());
        assertThat(record.get("versionCreated")).isEqualTo(article.getVersionCreated().toEpochMilli());
        assertThat(record.get("originalUrl")).isNull();
        assertThat(record.get("machineTranslated")).isEqualTo(true);
        assertThat(record.get("detectedLanguage").toString()).isEqualTo("fr");
        assertThat(record.get("detectionConfidence")).isEqualTo(0.97);
        GenericRecord translation = (GenericRecord) record.get("translation");
        assertThat(translation.get("engine").toString()).isEqualTo("deepl");
        assertThat(translation.get("engineModel").toString()).isEqualTo("quality_optimized");
        assertThat(translation.get("sourceLanguage").toString()).isEqualTo("fr");
        assertThat(translation.get("originalArticleId").toString()).isEqualTo("a-1");
        assertThat(translation.get("translatedAt"))
                .isEqualTo(article.getTranslation().getTranslatedAt().toEpochMilli());
        assertThat(translation.get("billedCharacters")).isEqualTo(87L);
        assertThat(translation.get("disclaimer").toString()).isEqualTo(article.getTranslation().getDisclaimer());
        assertThat(translation.get("digitalSourceType").toString())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(record.get("processedAt")).isEqualTo(article.getProcessedAt().toEpochMilli());
        assertThat(record.get("pipelineVersion").toString()).isEqualTo(article.getPipelineVersion());
    }

    @Test
    void rawArticleFromAnIndependentProducerIsReadByTheServicesDeserializer() throws Exception {
        String topic = ApicurioRegistry.uniqueTopic("articles.raw");
        // The independent producer registers the schema text itself, over plain HTTP.
        Schema schema = new Schema.Parser().parse(RawArticle.getClassSchema().toString());
        String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        HttpRequest register = HttpRequest.newBuilder(URI.create(apicurio.url() + "/subjects/" + topic + "-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = HTTP.send(register, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        int id = JSON.readTree(answer.body()).get("id").asInt();

        GenericRecord record = new org.apache.avro.generic.GenericRecordBuilder(schema)
                .set("id", "ind-1").set("source", "ap").set("headline", "Headline").set("body", "Body.")
                .set("bodyFormat", new org.apache.avro.generic.GenericData.EnumSymbol(
                        schema.getField("bodyFormat").schema(), "TEXT"))
                .set("declaredLanguage", "en").set("revision", 4).set("urgency", 2)
                .set("publishedAt", 1_772_352_000_000L).set("receivedAt", 1_772_352_001_000L)
                .set("attributes", Map.of("slug", "x"))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();

        AvroDeserializer<RawArticle> service = new AvroDeserializer<>(RawArticle.class);
        service.configure(apicurio.clientConfigs(), false);
        RawArticle article = service.deserialize(topic, out.toByteArray());

        assertThat(article.getId()).isEqualTo("ind-1");
        assertThat(article.getRevision()).isEqualTo(4);
        assertThat(article.getUrgency()).isEqualTo(2);
        assertThat(article.getPublishedAt().toEpochMilli()).isEqualTo(1_772_352_000_000L);
        assertThat(article.getAttributes()).isEqualTo(Map.of("slug", "x"));
        assertThat(List.of(article.getDeclaredLanguage())).containsExactly("en");
    }
}
