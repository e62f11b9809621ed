package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.glossary.TerminologyChecker;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.service.StreamsSettings;
import news.wiretranslation.service.Translators;
import news.wiretranslation.translate.SettingsFingerprint;
import news.wiretranslation.translate.Translator;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import news.wiretranslation.translate.deepl.RecordedRequest;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Glossaries and protected terms through the whole topology, in both translate modes, with the real DeepL backend
 * (deepl-java over HTTP) against the {@link DeepLStandIn}: the sync step and the async dispatcher both send the pair's
 * glossary id, the output uses the glossary's terms and keeps the protected ones, and violations are flagged.
 */
class TerminologyTopologyTest {
    private static LanguageDetector detector;

    @TempDir
    Path dir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DeepLStandIn standIn;
    private Translator translator;
    private TestPipelines.Built built;
    private TopologyTestDriver driver;
    private String scope;
    private AvroSerde<RawArticle> rawSerde;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, Article> english;
    private TestOutputTopic<String, Article> german;

    @BeforeAll
    static void loadLanguageModels() {
        detector = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500);
    }

    private void start(String mode) throws Exception {
        standIn = new DeepLStandIn().start();
        standIn.translateWord("EN-US", "Monde", "World");
        Path glossaries = Files.createDirectory(dir.resolve("glossaries"));
        Files.writeString(glossaries.resolve("fr-en.tsv"), "Kiev\tKyiv\n");
        Path protectedTerms = Files.writeString(dir.resolve("protected.txt"), "Le Monde\n");
        scope = "terminology-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>(TestConfigs.baseSettings("unused:9092", "mock://" + scope));
        env.putAll(Map.of("TRANSLATION_MODE", mode, "TRANSLATION_BATCH_LINGER_MS", "0", "QUALITY_CHECKS", "false",
                "DEEPL_AUTH_KEY", standIn.authKey(), "DEEPL_SERVER_URL", standIn.url(),
                "GLOSSARY_DIR", glossaries.toString(), "PROTECTED_TERMS_FILE", protectedTerms.toString()));
        ServiceConfig config = TestConfigs.load(env);
        translator = Translators.create(config);
        translator.prepare();
        built = TestPipelines.build(config, detector, translator, TranslationTopologyTest.CLOCK, new PipelineMetrics(meters));
        Properties props = StreamsSettings.of(config);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectory(dir.resolve("state")).toString());
        driver = new TopologyTestDriver(built.topology(), props);
        Map<String, Object> registry = RegistrySettings.serdeConfigs(config.registry());
        rawSerde = new AvroSerde<>(RawArticle.class);
        rawSerde.configure(registry, false);
        AvroSerde<Article> articleSerde = new AvroSerde<>(Article.class);
        articleSerde.configure(registry, false);
        input = driver.createInputTopic("articles.raw", new StringSerializer(), new ByteArraySerializer());
        english = driver.createOutputTopic("articles.normalized.en-us", new StringDeserializer(), articleSerde.deserializer());
        german = driver.createOutputTopic("articles.normalized.de", new StringDeserializer(), articleSerde.deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (built != null) {
            built.close();
        }
        standIn.close();
        MockSchemaRegistry.dropScope(scope);
    }

    private void send(RawArticle article) throws InterruptedException {
        input.pipeInput(article.getId(), rawSerde.serializer().serialize("articles.raw", article));
        if (built.step().batched().isPresent()) {
            assertThat(built.dispatcher().awaitIdle(Duration.ofSeconds(20))).isTrue();
            driver.advanceWallClockTime(Duration.ofMillis(50));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "async"})
    void everyRequestForThePairCarriesItsGlossaryAndTheOutputFollowsTheStyleGuide(String mode) throws Exception {
        start(mode);
        send(TestArticles.article("kyiv-1", "Le Pentagone ne dit pas à Kiev où frapper",
                "Selon Le Monde, le Pentagone laisse Kiev décider.\n\nLe Monde cite une source de la défense américaine."));

        Article en = english.readValue();
        assertThat(en.getHeadline()).isEqualTo("[EN-US] Le Pentagone ne dit pas à Kyiv où frapper");
        assertThat(en.getBody().subList(0, 2)).containsExactly("[EN-US] Selon Le Monde, le Pentagone laisse Kyiv décider.",
                "[EN-US] Le Monde cite une source de la défense américaine.");
        assertThat(en.getQualityFlags()).isEmpty();
        assertThat(en.getTranslation().getSettingsFingerprint()).isEqualTo(SettingsFingerprint.of(translator, "fr", "EN-US"));
        Article de = german.readValue();
        assertThat(de.getHeadline()).as("no fr-de glossary").contains("Kiev");

        String glossaryId = translator.options("fr", "EN-US").glossaryId();
        assertThat(glossaryId).isNotNull();
        List<RecordedRequest> requests = standIn.requests();
        assertThat(requests).filteredOn(r -> r.targetLang().equalsIgnoreCase("EN-US")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.glossaryId()).isEqualTo(glossaryId));
        assertThat(requests).filteredOn(r -> r.targetLang().equalsIgnoreCase("DE")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.glossaryId()).isNull());
        assertThat(standIn.glossaryChanges()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "async"})
    void aTranslationThatMissesAGlossaryTermIsFlaggedAndCounted(String mode) throws Exception {
        start(mode);
        standIn.fixTranslation("Des frappes près de Kiev dans la nuit.", "EN-US", "Strikes near the capital overnight.");
        send(TestArticles.article("kyiv-2", "Nuit agitée en Ukraine", "Des frappes près de Kiev dans la nuit."));

        Article en = english.readValue();
        assertThat(en.getQualityFlags()).extracting(QualityFlag::getCode).containsExactly(TerminologyChecker.GLOSSARY_TERM_MISSING);
        assertThat(en.getQualityFlags().get(0).getText()).isEqualTo("Kyiv");
        assertThat(en.getQualityFlags().get(0).getParagraph()).isZero();
        assertThat(meters.counter("wire_translation_quality_flags", "code", "GLOSSARY_TERM_MISSING",
                "target_language", "en-US").count()).isEqualTo(1.0);
    }
}
