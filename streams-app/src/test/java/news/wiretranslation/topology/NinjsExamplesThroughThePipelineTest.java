package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.feed.ArticleFileReader;
import news.wiretranslation.feed.ArticleOverrides;
import news.wiretranslation.feed.ArticleRefusedException;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.ninjs.NinjsSchemas;
import news.wiretranslation.ninjs.NinjsVersion;
import news.wiretranslation.ninjs.NinjsWriter;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.service.StreamsSettings;
import news.wiretranslation.translate.FakeTranslator;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text example of IPTC's ninjs repository (the test resources' copies) as the service handles it: read as
 * {@code publish} reads it, through the topology (targets EN-US and DE, an in-memory engine, the synchronous
 * translate step), written as ninjs 2.2
 * and 3.1, and validated against IPTC's schemas; translations carry the original item's uri and the BCP 47
 * transform tag.
 */
class NinjsExamplesThroughThePipelineTest {
    private static final Path EXAMPLES = Path.of("src/test/resources/ninjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void everyTextExampleTranslatedOrPassedThroughIsValidNinjs22And31() throws Exception {
        Map<String, RawArticle> sent = new HashMap<>();
        String scope = "ninjs-examples-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>(TestConfigs.baseSettings("unused:9092", "mock://" + scope));
        env.put("TRANSLATION_MODE", "sync");  // every output is written before pipeInput returns: nothing to wait for
        ServiceConfig config = TestConfigs.load(env);
        Properties props = StreamsSettings.of(config);
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        TestPipelines.Built built = TestPipelines.build(config,
                new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500),
                new FakeTranslator(), TranslationTopologyTest.CLOCK, new PipelineMetrics(new SimpleMeterRegistry()));
        List<Article> outputs = new ArrayList<>();
        List<DeadLetter> deadLetters;
        try (TopologyTestDriver driver = new TopologyTestDriver(built.topology(), props)) {
            DriverTopics topics = DriverTopics.open(driver, config);
            for (Path example : examples()) {
                RawArticle article = readText(example);
                if (article != null) {
                    sent.put(article.getId(), article);
                    topics.input().pipeInput(article.getId(), topics.rawSerde().serializer().serialize("articles.raw", article));
                }
            }
            outputs.addAll(topics.english().readValuesToList());
            outputs.addAll(topics.german().readValuesToList());
            deadLetters = topics.deadLetters().readValuesToList();
        } finally {
            built.close();
            MockSchemaRegistry.dropScope(scope);
        }

        assertThat(sent).as("text examples read").hasSize(22);
        assertThat(deadLetters).as("dead letters").isEmpty();
        assertThat(outputs).extracting(article -> article.getId() + " " + article.getLanguage())
                .as("every example on both targets")
                .containsExactlyInAnyOrderElementsOf(sent.keySet().stream()
                        .flatMap(id -> Stream.of(id + " en-US", id + " de")).toList());
        assertThat(outputs).as("every example translated into one target at least (none is in English and German)")
                .filteredOn(Article::getMachineTranslated).hasSizeGreaterThanOrEqualTo(sent.size());
        NinjsWriter writer = new NinjsWriter();
        for (Article article : outputs) {
            for (NinjsVersion version : NinjsVersion.values()) {
                JsonNode item = JSON.readTree(writer.write(article, version));
                assertThat(NinjsSchemas.validate(item, version)).as("%s in ninjs %s", article.getUri(), version).isEmpty();
                if (article.getMachineTranslated()) {
                    String original = sent.get(article.getId()).getItemUri();
                    assertThat(descriptions(item, version == NinjsVersion.V2_2 ? "altids" : "altIds", "original-uri"))
                            .as(article.getUri()).isEqualTo(original);
                    assertThat(descriptions(item, "descriptions", "language-transform"))
                            .isEqualTo(article.getLanguage() + "-t-" + article.getTranslation().getSourceLanguage() + "-t0-und");
                }
            }
        }
    }

    /** The value of the entry with this role in one of the item's role/value arrays. */
    private static String descriptions(JsonNode item, String array, String role) {
        for (JsonNode entry : item.path(array)) {
            if (entry.path("role").asText().equals(role)) {
                return entry.path("value").asText();
            }
        }
        return null;
    }

    /** The example as publish would send it, with an id of its own (2.1 and 3.0 copies share a uri); null if refused. */
    private static RawArticle readText(Path example) throws Exception {
        String id = EXAMPLES.relativize(example).toString().replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("-json$", "").toLowerCase(java.util.Locale.ROOT);
        try {
            return new ArticleFileReader().read(example, ArticleOverrides.NONE.withId(id)).get(0);
        } catch (ArticleRefusedException notText) {
            return null;
        }
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(file -> Character.isDigit(EXAMPLES.relativize(file).toString().charAt(0)))
                    .sorted()
                    .toList();
        }
    }
}
