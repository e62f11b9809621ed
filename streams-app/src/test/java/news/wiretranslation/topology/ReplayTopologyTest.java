package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.service.StreamsSettings;
import news.wiretranslation.translate.FakeTranslator;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay instance's topology: only the selected records, per target, go through; what it writes is marked. */
class ReplayTopologyTest {
    private static final TargetLanguage EN_US = TargetLanguage.parse("EN-US");
    private static final TargetLanguage DE = TargetLanguage.parse("DE");
    private static LanguageDetector detector;

    private String scope;
    private TopologyTestDriver driver;

    @BeforeAll
    static void loadLanguageModels() {
        detector = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500);
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistry.dropScope(scope);
    }

    /** Selects offsets 1 and 2 for EN-US and offset 2 for DE; leaves story-1 out when it comes to writing. */
    private static final class Selection implements ReplaySelection {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean selectsAny(int partition, long offset) {
            return offset == 1 || offset == 2;
        }

        @Override
        public boolean selects(TargetLanguage target, int partition, long offset) {
            return target.equals(EN_US) ? offset == 1 || offset == 2 : offset == 2;
        }

        @Override
        public String replayId() {
            return "replay-42";
        }

        @Override
        public boolean write(TargetLanguage target, Article article) {
            asked.add(target.code() + ":" + article.getId());
            if (article.getId().equals("story-1")) {
                return false; // as when a later revision of it reached the input meanwhile
            }
            return true;
        }
    }

    @Test
    void aReplayInstanceTranslatesOnlyTheSelectedRecordsForTheSelectedTargetsAndMarksWhatItWritesUnlessRevisedMeanwhile() throws Exception {
        for (String mode : List.of("sync", "async")) {
            scope = "replay-topology-" + UUID.randomUUID();
            Map<String, String> env = new HashMap<>(TestConfigs.baseSettings("unused:9092", "mock://" + scope));
            env.put("TRANSLATION_MODE", mode);
            ServiceConfig config = TestConfigs.load(env);
            FakeTranslator translator = new FakeTranslator(Set.of());
            Selection selection = new Selection();
            TestPipelines.Built built = TestPipelines.build(config, detector, translator,
                    Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC),
                    new PipelineMetrics(new SimpleMeterRegistry()), java.util.Optional.of(selection));
            Properties props = StreamsSettings.forReplay(config, news.wiretranslation.deadletter.DeadLetterRecords.Counter.NONE,
                    new news.wiretranslation.deadletter.OutputRefusals());
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("replay-topology-").toString());
            driver = new TopologyTestDriver(built.topology(), props);
            Map<String, Object> registry = RegistrySettings.serdeConfigs(config.registry());
            AvroSerde<RawArticle> raw = new AvroSerde<>(RawArticle.class);
            raw.configure(registry, false);
            AvroSerde<Article> articles = new AvroSerde<>(Article.class);
            articles.configure(registry, false);
            TestInputTopic<String, byte[]> input = driver.createInputTopic("articles.raw", new StringSerializer(), new ByteArraySerializer());
            for (int i = 0; i < 4; i++) {
                RawArticle article = TestArticles.french("story-" + i);
                input.pipeInput(article.getId(), raw.serializer().serialize("articles.raw", article));
            }
            if (built.step().batched().isPresent()) {
                for (int i = 0; i < 100 && selection.asked.size() < 3; i++) {
                    Thread.sleep(20);
                    driver.advanceWallClockTime(java.time.Duration.ofMillis(20));
                }
            }
            TestOutputTopic<String, Article> english = driver.createOutputTopic("articles.normalized.en-us",
                    new StringDeserializer(), articles.deserializer());
            TestOutputTopic<String, Article> german = driver.createOutputTopic("articles.normalized.de",
                    new StringDeserializer(), articles.deserializer());
            List<TestRecord<String, Article>> en = english.readRecordsToList();
            List<TestRecord<String, Article>> de = german.readRecordsToList();
            assertThat(en).as(mode).extracting(TestRecord::key).containsExactly("story-2");
            assertThat(de).as(mode).extracting(TestRecord::key).containsExactly("story-2");
            for (TestRecord<String, Article> record : List.of(en.get(0), de.get(0))) {
                assertThat(new String(record.headers().lastHeader(ReplaySelection.HEADER).value(), StandardCharsets.UTF_8))
                        .isEqualTo("replay-42");
            }
            assertThat(selection.asked).as(mode).containsExactlyInAnyOrder("EN-US:story-1", "EN-US:story-2", "DE:story-2");
            driver.close();
            driver = null;
            built.close();
            MockSchemaRegistry.dropScope(scope);
        }
    }
}
