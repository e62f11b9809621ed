package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.article.SourceLanguages;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.detect.DetectionAccuracy;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.detect.LinguaLanguageDetector;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.service.StreamsSettings;
import news.wiretranslation.translate.FakeTranslator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revision gate in the service's topology ({@link RevisionGate}): per story, no revision older than the one
 * accepted is published, the same revision with other content is a conflict, an exact repeat is published once.
 */
class RevisionGateTopologyTest {
    private static LanguageDetector detector;

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String scope;
    private ServiceConfig config;
    private TestPipelines.Built built;
    private TopologyTestDriver driver;
    private AvroSerde<RawArticle> rawSerde;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, Article> english;
    private TestOutputTopic<String, Article> german;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    @BeforeAll
    static void loadLanguageModels() {
        detector = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500);
    }

    @BeforeEach
    void start() {
        scope = "revisions-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>(TestConfigs.baseSettings("unused:9092", "mock://" + scope));
        env.put("TRANSLATION_MODE", "sync");
        config = TestConfigs.load(env);
        startDriver();
    }

    /** The service's topology (sync mode, a fake engine) in a test driver. */
    private void startDriver() {
        built = TestPipelines.build(config, detector, new FakeTranslator(), TranslationTopologyTest.CLOCK,
                new PipelineMetrics(meters));
        Properties props = StreamsSettings.of(config);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(built.topology(), props);
        DriverTopics topics = DriverTopics.open(driver, config);
        rawSerde = topics.rawSerde();
        input = topics.input();
        english = topics.english();
        german = topics.german();
        deadLetters = topics.deadLetters();
    }

    private void stopDriver() {
        driver.close();
        built.close();
    }

    @AfterEach
    void stop() {
        stopDriver();
        MockSchemaRegistry.dropScope(scope);
    }


    /** Sends the article keyed by its id; returns the bytes sent, which a dead letter must carry. */
    private byte[] send(RawArticle article) {
        byte[] bytes = rawSerde.serializer().serialize("articles.raw", article);
        input.pipeInput(article.getId(), bytes);
        return bytes;
    }

    private static RawArticle revision(RawArticle article, int revision, String lastSentence) {
        article.setRevision(revision);
        article.setBody(article.getBody() + " " + lastSentence);
        return article;
    }

    private static RawArticle french(int revision) {
        return revision(TestArticles.french("story"), revision, "Mise à jour numéro " + revision + ".");
    }

    private double skipped(String reason) {
        return meters.counter("wire_translation_revisions_skipped", "reason", reason).count();
    }

    @Test
    void anOlderRevisionAfterANewerOneIsDeadLetteredAndTheSameRevisionWithOtherContentIsAConflict() {
        send(french(1));
        send(french(3));
        byte[] two = send(french(2));
        RawArticle otherThree = french(3);
        otherThree.setHeadline("Le gouvernement retire son budget de rigueur");
        byte[] threeAgain = send(otherThree);
        send(french(4));

        assertThat(english.readValuesToList()).extracting(Article::getVersion).containsExactly(1, 3, 4);
        assertThat(german.readValuesToList()).extracting(Article::getVersion).containsExactly(1, 3, 4);
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly("SUPERSEDED_REVISION", "REVISION_CONFLICT");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getStage()).isEqualTo("revision");
            assertThat(letter.getArticleId()).isEqualTo("story");
            assertThat(letter.getTargetLanguage()).as("one dead letter for every target").isNull();
            assertThat(letter.getOriginalKey()).isEqualTo(ByteBuffer.wrap("story".getBytes()));
        });
        assertThat(letters.get(0).getOriginalValue()).isEqualTo(ByteBuffer.wrap(two));
        assertThat(letters.get(0).getMessage()).contains("revision 2 arrived after revision 3");
        assertThat(letters.get(1).getOriginalValue()).isEqualTo(ByteBuffer.wrap(threeAgain));
        assertThat(letters.get(1).getMessage()).contains("revision 3 was accepted with other content");
    }

    @Test
    void anExactRepeatIsPublishedOnceAndCountedEvenWhenOnlyItsDeliveryDetailsDiffer() {
        RawArticle first = french(1);
        send(first);
        send(first);
        RawArticle retransmitted = french(1);
        retransmitted.setReceivedAt(first.getReceivedAt().plusSeconds(60));
        retransmitted.setUrgency(2);
        send(retransmitted);

        assertThat(english.readValuesToList()).hasSize(1);
        assertThat(german.readValuesToList()).hasSize(1);
        assertThat(deadLetters.isEmpty()).as("a repeat is no dead letter").isTrue();
        assertThat(skipped("repeat")).isEqualTo(2.0);
    }

    @Test
    void theSameIdAndRevisionInAnotherLanguageIsAConflict() {
        send(TestArticles.french("story"));
        byte[] german = send(TestArticles.german("story"));

        assertThat(english.readValuesToList()).singleElement()
                .satisfies(article -> assertThat(article.getDetectedLanguage()).isEqualTo("fr"));
        assertThat(this.german.readValuesToList()).singleElement()
                .satisfies(article -> assertThat(article.getDetectedLanguage()).isEqualTo("fr"));
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("REVISION_CONFLICT");
        assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(german));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void storiesAreGatedEachOnItsOwn() {
        RawArticle story = french(2);
        RawArticle other = TestArticles.german("other");
        send(story);
        send(other);

        assertThat(english.readValuesToList()).extracting(Article::getId).containsExactly("story", "other");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    /**
     * What the gate remembers reaches its changelog, from which Kafka Streams restores it after a restart, a rebalance
     * or on another instance. (The test driver deletes its state directory when it closes, so a restart itself is
     * tested on the real broker: {@code RevisionOrderIT} starts a second instance on an empty state directory.)
     */
    @Test
    void theAcceptedRevisionIsWrittenToTheGatesChangelog() {
        send(french(1));
        send(french(3));
        send(french(2));

        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
                config.applicationId() + "-" + RevisionGate.STORE + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer());
        List<org.apache.kafka.streams.test.TestRecord<String, byte[]>> entries = changelog.readRecordsToList();
        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.key()).isEqualTo("story"));
        RevisionMark last = RevisionMark.decode(entries.get(entries.size() - 1).value());
        assertThat(last).isEqualTo(RevisionMark.of(french(3)));
    }
}
