package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.article.SourceLanguages;
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
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind MAX_ARTICLE_BYTES' record limit (4 x the article + 64 KiB): the records the service writes
 * for an article of plain French text, as a multiple of the input record's size. The pending-store entry carries
 * the raw bytes, the decoded article and its normalized text (3.0x). The output article is the translation (about
 * 1x) and, here, about 3.3x: this engine leaves the French text as it is, so every sentence is flagged as an
 * untranslated fragment, and each flag carries the text and a message quoting it. That is the largest output an
 * engine's answer of the source's length makes, and it stays under the limit's 4x.
 */
class ArticleRecordSizesTest {
    private static final String[] SENTENCES = {
            "Le gouvernement a présenté mercredi un projet de loi sur la transition énergétique des bâtiments publics.",
            "Les élus de l'opposition ont dénoncé un texte qu'ils jugent insuffisant face à l'urgence climatique.",
            "Selon le ministère, les travaux de rénovation devraient commencer dès le printemps prochain."};

    @Test
    void theRecordsWrittenForAnArticleStayWithinTheRecordLimitAtEverySizeUpToTheMaximum() throws Exception {
        String scope = "sizes-" + UUID.randomUUID();
        Map<String, String> env = new java.util.HashMap<>(TestConfigs.baseSettings("unused:9092", "mock://" + scope));
        env.put("TRANSLATION_MODE", "sync");
        ServiceConfig config = TestConfigs.load(env);
        AvroSerde<RawArticle> rawSerde = new AvroSerde<>(RawArticle.class);
        rawSerde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        TestPipelines.Built built = TestPipelines.build(config,
                new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500),
                new FakeTranslator(Set.of()), TranslationTopologyTest.CLOCK, new PipelineMetrics(new SimpleMeterRegistry()));
        Properties props = StreamsSettings.of(config);
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG,
                java.nio.file.Files.createTempDirectory("sizes-test-").toString());
        try (built; TopologyTestDriver driver = new TopologyTestDriver(built.topology(), props)) {
            TestInputTopic<String, byte[]> input = driver.createInputTopic("articles.raw", new StringSerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<String, byte[]> english = driver.createOutputTopic("articles.normalized.en-us",
                    new StringDeserializer(), new ByteArrayDeserializer());
            for (int size : new int[] {300_000, 600_000, 1_000_000}) {
                RawArticle article = TestArticles.article("big-" + size, "Transition énergétique : le projet de loi", body(size));
                byte[] raw = rawSerde.serializer().serialize("articles.raw", article);
                assertThat(raw.length).as("within MAX_ARTICLE_BYTES").isLessThanOrEqualTo(config.sizes().maxArticleBytes());
                input.pipeInput(article.getId(), raw);
                byte[] output = english.readValue();

                List<String> paragraphs = Arrays.asList(article.getBody().toString().split("\n\n"));
                PendingArticle pending = new PendingArticle(0, article.getId(), 0, new RecordHeaders(), "articles.raw", 0, 0,
                        article.getId().getBytes(), raw, new DetectedArticle(article,
                        new NormalizedArticle(article.getHeadline(), paragraphs, List.of()), "fr", 1.0), 0);
                double pendingRatio = (double) pending.toBytes().length / raw.length;
                double outputRatio = (double) output.length / raw.length;
                System.out.printf("input %,d bytes: pending entry %.2fx, output article %.2fx%n", raw.length,
                        pendingRatio, outputRatio);
                assertThat(pendingRatio).isBetween(2.9, 3.1);
                assertThat(outputRatio).as("translation + untranslated-fragment flags").isLessThan(3.8);
                assertThat(pending.toBytes().length).isLessThan(config.sizes().recordLimit());
                assertThat(output.length).isLessThan(config.sizes().recordLimit());
            }
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    private static String body(int size) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < size * 0.97; i++) {
            body.append(SENTENCES[i % SENTENCES.length]).append(i % 5 == 4 ? "\n\n" : " ");
        }
        return body.toString().strip();
    }
}
