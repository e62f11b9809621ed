package news.wiretranslation.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.Translation;
import org.junit.jupiter.api.Test;

class NinjsWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NinjsWriter writer = new NinjsWriter();

    @Test
    void machineTranslatedArticleCarriesTheIptcLabel() throws IOException {
        ObjectNode item = writer.toNinjs(translated());

        assertThat(item.path("uri").asText()).isEqualTo("urn:wire-translation:afp:a-1:en-US");
        assertThat(item.path("type").asText()).isEqualTo("text");
        assertThat(item.path("version").asText()).isEqualTo("2");
        assertThat(item.path("versioncreated").asText()).isEqualTo("2025-05-01T08:00:00Z");
        assertThat(item.path("language").asText()).isEqualTo("en-US");
        assertThat(item.path("headlines").get(0).path("value").asText()).isEqualTo("Fire in Lyon");
        assertThat(item.path("bodies").get(0).path("value").asText()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        assertThat(item.path("bodies").get(0).path("contenttype").asText()).isEqualTo("text/plain");
        assertThat(item.path("digitalsourcetype").path("uri").asText())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(item.path("altids").findValuesAsText("value")).containsExactly("a-1", "a-1");
        assertThat(item.path("infosources").findValuesAsText("name")).containsExactly("afp", "deepl");
        assertThat(item.path("descriptions").get(0).path("value").asText()).contains("machine-translated");
        assertOnlyNinjs22Properties(item);
    }

    @Test
    void articleInItsOriginalLanguageIsNotLabelled() throws IOException {
        Article original = Article.newBuilder(translated()).setMachineTranslated(false).setTranslation(null).build();

        ObjectNode item = writer.toNinjs(original);

        assertThat(item.has("digitalsourcetype")).isFalse();
        assertThat(item.has("descriptions")).isFalse();
        assertThat(item.path("infosources")).hasSize(1);
        assertOnlyNinjs22Properties(item);
        assertThat(JSON.readTree(writer.write(original))).isEqualTo(item);
    }

    /**
     * ninjs 2.2 forbids properties it does not define (unevaluatedProperties: false, additionalProperties: false in
     * the nested objects): every property written, at the top and in each nested object, must be one the schema names.
     */
    private static void assertOnlyNinjs22Properties(ObjectNode item) throws IOException {
        JsonNode schema = JSON.readTree(Path.of("src/test/resources/ninjs/ninjs-schema_2.2.json").toFile());
        JsonNode properties = schema.path("$defs").path("ninjsType").path("properties");
        List<String> unknown = new ArrayList<>();
        item.fieldNames().forEachRemaining(name -> {
            JsonNode definition = properties.path(name);
            if (definition.isMissingNode()) {
                unknown.add(name);
                return;
            }
            JsonNode nested = definition.has("items") ? definition.path("items").path("properties") : definition.path("properties");
            JsonNode value = item.path(name);
            for (JsonNode object : value.isArray() ? value : List.of(value)) {
                object.fieldNames().forEachRemaining(field -> {
                    if (!nested.has(field)) {
                        unknown.add(name + "." + field);
                    }
                });
            }
            String type = definition.path("type").asText();
            assertThat(value.getNodeType().name().toLowerCase()).as(name).isEqualTo(type.equals("number") ? "number" : type);
        });
        assertThat(unknown).as("properties ninjs 2.2 does not define").isEmpty();
    }

    private static Article translated() {
        Instant created = Instant.parse("2025-05-01T08:00:00Z");
        return Article.newBuilder()
                .setUri("urn:wire-translation:afp:a-1:en-US").setId("a-1").setVersion(2).setLanguage("en-US")
                .setHeadline("Fire in Lyon").setBody(List.of("First paragraph.", "Second paragraph."))
                .setVersionCreated(created).setSource("afp").setOriginalUrl(null)
                .setMachineTranslated(true).setDetectedLanguage("fr").setDetectionConfidence(0.31)
                .setTranslation(Translation.newBuilder()
                        .setEngine("deepl").setEngineModel("quality_optimized").setSourceLanguage("fr")
                        .setDetectionConfidence(0.31).setOriginalArticleId("a-1").setTranslatedAt(created)
                        .setBilledCharacters(42).setDisclaimer("This article was machine-translated from French by DeepL.")
                        .build())
                .setProcessedAt(created).setPipelineVersion("test")
                .build();
    }
}
