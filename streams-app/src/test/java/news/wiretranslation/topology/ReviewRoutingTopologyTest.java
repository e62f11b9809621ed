package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.service.StreamsSettings;
import news.wiretranslation.translate.FakeTranslator;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which translations wait on the review topic: chosen sources and urgencies, each with its original beside it. */
class ReviewRoutingTopologyTest {
    private String scope;
    private TopologyTestDriver driver;
    private TestPipelines.Built built;
    private DriverTopics topics;
    private TestOutputTopic<String, Article> review;

    @BeforeEach
    void start() throws Exception {
        scope = "review-routing-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>(TestConfigs.baseSettings("unused:9092", "mock://" + scope));
        env.put("TRANSLATION_MODE", "sync");
        env.put("QUALITY_CHECKS", "false"); // only the chosen sources and urgencies send articles to review here
        env.put("QUALITY_REVIEW_TOPIC", "articles.review");
        env.put("REVIEW_SOURCES", "desk-agency");
        env.put("REVIEW_URGENCIES", "1,2");
        ServiceConfig config = TestConfigs.load(env);
        built = TestPipelines.build(config, new LinguaLanguageDetector(SourceLanguages.deepLDefaults(),
                        DetectionAccuracy.LOW, 500), new FakeTranslator(Set.of()),
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC),
                new PipelineMetrics(new SimpleMeterRegistry()));
        Properties props = StreamsSettings.of(config);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("review-routing-").toString());
        driver = new TopologyTestDriver(built.topology(), props);
        topics = DriverTopics.open(driver, config);
        AvroSerde<Article> articles = new AvroSerde<>(Article.class);
        articles.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        review = driver.createOutputTopic("articles.review", new StringDeserializer(), articles.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        built.close();
        MockSchemaRegistry.dropScope(scope);
    }

    private void send(RawArticle article) {
        topics.input().pipeInput(article.getId(), topics.rawSerde().serializer().serialize("articles.raw", article));
    }

    @Test
    void translationsOfAChosenSourceWaitForReviewWithTheirOriginal() {
        RawArticle chosen = TestArticles.french("chosen");
        chosen.setSource("desk-agency");
        send(chosen);

        assertThat(topics.english().isEmpty()).isTrue();
        Article waiting = review.readValuesToList().stream().filter(a -> a.getLanguage().equals("en-US")).findFirst()
                .orElseThrow();
        assertThat(waiting.getReviewSource().getHeadline()).isEqualTo(chosen.getHeadline());
        assertThat(waiting.getReviewSource().getBody()).hasSize(waiting.getBody().size() - 1)
                .first().asString().startsWith("Le ministre des Finances");
        assertThat(waiting.getUrgency()).isEqualTo(5);
    }

    @Test
    void translationsOfAChosenUrgencyWaitForReviewAndOthersGoOutWithoutTheOriginal() {
        RawArticle flash = TestArticles.french("flash");
        flash.setUrgency(1);
        send(flash);
        send(TestArticles.french("routine"));

        assertThat(review.readValuesToList()).extracting(Article::getId).containsOnly("flash");
        Article out = topics.english().readValue();
        assertThat(out.getId()).isEqualTo("routine");
        assertThat(out.getReviewSource()).isNull();
        assertThat(out.getUrgency()).isEqualTo(5);
    }
}
