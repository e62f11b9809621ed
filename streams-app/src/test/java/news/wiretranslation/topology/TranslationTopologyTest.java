package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
import news.wiretranslation.label.ArticleLabeler;
import news.wiretranslation.metrics.PipelineMetrics;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.registry.MockSchemaRegistry;
import news.wiretranslation.service.StreamsSettings;
import news.wiretranslation.translate.FakeTranslator;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology's behaviour, driven by {@link TopologyTestDriver}, with the synchronous translate step
 * ({@code TRANSLATION_MODE=sync}). {@link AsyncTranslationTopologyTest} runs every test here again with the
 * asynchronous one, and adds its own.
 */
class TranslationTopologyTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    static LanguageDetector detector;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    String scope;
    ServiceConfig config;
    FakeTranslator translator;
    TopologyTestDriver driver;
    /** The topology of the current driver and its translate step. */
    TestPipelines.Built built;
    AvroSerde<RawArticle> rawSerde;
    TestInputTopic<String, byte[]> input;
    TestOutputTopic<String, Article> english;
    TestOutputTopic<String, Article> german;
    TestOutputTopic<byte[], DeadLetter> deadLetters;

    @BeforeAll
    static void loadLanguageModels() {
        detector = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 500);
    }

    @BeforeEach
    void startDriver() {
        scope = "topology-" + UUID.randomUUID();
        Map<String, String> env = new java.util.HashMap<>(TestConfigs.baseSettings("unused:9092", "mock://" + scope));
        config = TestConfigs.load(settings(env));
        translator = new FakeTranslator(Set.of("fi"));
        Properties props = StreamsSettings.of(config);
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        driver = new TopologyTestDriver(topology(), props);

        DriverTopics topics = DriverTopics.open(driver, config);
        rawSerde = topics.rawSerde();
        input = topics.input();
        english = topics.english();
        german = topics.german();
        deadLetters = topics.deadLetters();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        built.close();
        MockSchemaRegistry.dropScope(scope);
    }


    /** The settings of the mode under test. */
    Map<String, String> settings(Map<String, String> env) {
        env.put("TRANSLATION_MODE", "sync");
        return env;
    }

    org.apache.kafka.streams.Topology topology() {
        built = TestPipelines.build(config, detector, translator, CLOCK, new PipelineMetrics(meters));
        return built.topology();
    }

    java.nio.file.Path stateDir() {
        try {
            return java.nio.file.Files.createTempDirectory("topology-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until what was sent has come out (nothing to wait for in sync mode). */
    void settle() {
    }

    void send(String key, RawArticle article) {
        input.pipeInput(key, rawSerde.serializer().serialize("articles.raw", article));
        settle();
    }

    @Test
    void theCpuTimeOfNormalizationDetectionAndTheTranslateStepIsMeasuredPerStage() {
        for (int i = 0; i < 5; i++) {
            send("fr-" + i, TestArticles.french("fr-" + i));
        }

        assertThat(english.readValuesToList()).hasSize(5);
        for (String stage : List.of("normalize", "detect", "translate")) {
            assertThat(meters.counter("wire_translation_stage_cpu_seconds", "stage", stage).count()).as(stage)
                    .isPositive().isLessThan(60);
        }
    }

    @Test
    void frenchArticleIsTranslatedIntoEveryTargetAndLabelledAsMachineTranslated() {
        RawArticle original = TestArticles.french("fr-1");
        original.setByline("Par Marie Dupont, AFP");
        send("fr-1", original);

        Article en = english.readValue();
        assertThat(en.getByline()).as("bylines are names: never translated").isEqualTo("Par Marie Dupont, AFP");
        assertThat(en.getId()).isEqualTo("fr-1");
        assertThat(en.getLanguage()).isEqualTo("en-US");
        assertThat(en.getMachineTranslated()).isTrue();
        assertThat(en.getHeadline()).startsWith("[EN-US] Le gouvernement");
        assertThat(en.getBody()).hasSize(3);
        assertThat(en.getBody().subList(0, 2)).allSatisfy(p -> assertThat(p).startsWith("[EN-US] "));
        assertThat(en.getBody().get(2)).as("disclaimer paragraph").isEqualTo(en.getTranslation().getDisclaimer());
        assertThat(en.getEditorialReview()).isFalse();
        assertThat(en.getTranslation().getSettingsFingerprint()).hasSize(16);
        assertThat(en.getTranslation().getOriginalUri()).isEqualTo("https://news.example/fr-1");
        assertThat(en.getTranslation().getEngineDetectedLanguage()).isEqualTo("fr");
        assertThat(en.getTranslation().getLanguageDisagreement()).isFalse();
        assertThat(en.getDetectedLanguage()).isEqualTo("fr");
        assertThat(en.getTranslation().getEngine()).isEqualTo("fake");
        assertThat(en.getTranslation().getSourceLanguage()).isEqualTo("fr");
        assertThat(en.getTranslation().getOriginalArticleId()).isEqualTo("fr-1");
        assertThat(en.getTranslation().getDigitalSourceType()).isEqualTo(ArticleLabeler.TRAINED_ALGORITHMIC_MEDIA);
        assertThat(en.getTranslation().getDisclaimer()).contains("machine-translated from French");
        assertThat(en.getTranslation().getBilledCharacters()).isPositive();
        assertThat(en.getTranslation().getDetectionConfidence()).isBetween(0.2, 1.0);
        assertThat(en.getProcessedAt()).isEqualTo(CLOCK.instant());
        assertThat(en.getPipelineVersion()).startsWith("wire-translation/");

        Article de = german.readValue();
        assertThat(de.getLanguage()).isEqualTo("de");
        assertThat(de.getHeadline()).startsWith("[DE] ");
        assertThat(de.getTranslation().getDisclaimer()).contains("Französischen");
        assertThat(de.getTranslation().getSettingsFingerprint()).isNotEqualTo(en.getTranslation().getSettingsFingerprint());
        assertThat(meters.counter("wire_translation_articles_out_attempts", "target_language", "en-US", "machine_translated", "true").count())
                .isEqualTo(1.0);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void theEnginesBilledFigureAndTheCharactersSentAreCountedSideBySide() {
        RawArticle original = TestArticles.french("fr-2");
        original.setHeadline("Le budget 2027 \uD83D\uDCB6 présenté"); // an emoji: one character as DeepL counts, two chars in Java
        send("fr-2", original);

        Article en = english.readValue();
        long sent = translator.requests().stream().filter(r -> r.targetLanguage().equals("EN-US"))
                .flatMap(r -> r.texts().stream()).mapToLong(t -> t.codePointCount(0, t.length())).sum();
        assertThat(sent).isPositive();
        assertThat(characters("en-US", "sent")).isEqualTo(sent);
        // The stand-in bills Java chars: one more than was sent (the emoji), which the difference meter shows.
        assertThat(characters("en-US", "billed")).isEqualTo(en.getTranslation().getBilledCharacters()).isEqualTo(sent + 1);
        assertThat(billingDifference("en-US", "over")).isEqualTo(1);
        assertThat(billingDifference("en-US", "under")).isZero();
        assertThat(characters("en-US", "memory")).isZero();
    }

    double characters(String target, String kind) {
        return meters.counter("wire_translation_characters", "target_language", target, "kind", kind).count();
    }

    double billingDifference(String target, String direction) {
        return meters.counter("wire_translation_billing_difference_characters", "target_language", target,
                "direction", direction).count();
    }

    @Test
    void englishArticleIsPassedThroughToEnglishUnchangedAndTranslatedToGerman() {
        RawArticle original = TestArticles.english("en-1");
        send("en-1", original);

        Article en = english.readValue();
        assertThat(en.getMachineTranslated()).isFalse();
        assertThat(en.getTranslation()).isNull();
        assertThat(en.getHeadline()).isEqualTo(original.getHeadline());
        assertThat(en.getBody()).hasSize(2);
        assertThat(en.getQualityFlags()).isEmpty();
        assertThat(german.readValue().getMachineTranslated()).isTrue();
        assertThat(translator.requests()).singleElement()
                .satisfies(r -> assertThat(r.targetLanguage()).isEqualTo("DE"));
    }

    @Test
    void headlineAndParagraphsOfOneArticleGoInOneRequestWithTheSourceLanguageGiven() {
        send("de-1", TestArticles.german("de-1"));

        assertThat(translator.requests()).singleElement().satisfies(request -> {
            assertThat(request.sourceLanguage()).isEqualTo("de");
            assertThat(request.targetLanguage()).isEqualTo("EN-US");
            assertThat(request.texts()).hasSize(3).first().asString().startsWith("Bundestag");
        });
        assertThat(german.readValue().getMachineTranslated()).isFalse();
    }

    @Test
    void declaredLanguageThatContradictsTheDetectorIsFlaggedAsDisagreement() {
        RawArticle article = TestArticles.french("fr-5");
        article.setDeclaredLanguage("it");
        send("fr-5", article);

        Article en = english.readValue();
        assertThat(en.getDeclaredLanguage()).isEqualTo("it");
        assertThat(en.getDetectedLanguage()).isEqualTo("fr");
        assertThat(en.getTranslation().getLanguageDisagreement()).isTrue();
    }

    @Test
    void qualityFlagsAndNormalizationRulesAreCountedByCodeAndLanguage() {
        // The fake engine leaves the French text in place: every sentence is an untranslated fragment.
        RawArticle article = TestArticles.french("fr-6");
        article.setHeadline("Skip to content");
        article.setBody("Le gouvernement présente un budget de rigueur pour l'année prochaine\n\n" + article.getBody());
        send("fr-6", article);

        Article en = english.readValue();
        long flags = en.getQualityFlags().stream().filter(f -> f.getCode().equals("UNTRANSLATED_FRAGMENT")).count();
        assertThat(flags).isPositive();
        assertThat(meters.counter("wire_translation_quality_flags", "code", "UNTRANSLATED_FRAGMENT",
                "target_language", "en-US").count()).isEqualTo(flags);
        assertThat(en.getNormalization()).contains("boilerplate:skip-to-content");
        assertThat(meters.counter("wire_translation_normalization_rules", "rule", "boilerplate:skip-to-content").count())
                .isEqualTo(2.0); // one per target language
    }

    @Test
    void recordWithoutKeyIsKeyedByArticleId() {
        send(null, TestArticles.french("fr-2"));

        assertThat(english.readKeyValue().key).isEqualTo("fr-2");
    }

    @Test
    void tombstoneIsDeadLetteredAsEmptyRecord() {
        input.pipeInput("gone", (byte[]) null);
        settle();

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("EMPTY_RECORD");
        assertThat(letter.getOriginalValue()).isNull();
    }

    @Test
    void articleInAScriptNoSupportedLanguageUsesIsDeadLetteredAsUnsupported() {
        send("ka-1", TestArticles.georgian("ka-1"));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("UNSUPPORTED_LANGUAGE");
        assertThat(letter.getStage()).isEqualTo("detect");
        assertThat(letter.getArticleId()).isEqualTo("ka-1");
        assertThat(letter.getTargetLanguage()).isNull();
        assertThat(letter.getMessage()).contains("'ka'");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(english.isEmpty()).isTrue();
    }

    @Test
    void undeclaredArticleInAScriptNoSourceLanguageUsesIsUnsupportedNamingTheScript() {
        RawArticle article = TestArticles.georgian("ka-2");
        article.setDeclaredLanguage(null);
        send("ka-2", article);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("UNSUPPORTED_LANGUAGE");
        assertThat(letter.getStage()).isEqualTo("detect");
        assertThat(letter.getMessage()).contains("Georgian script");
    }

    @Test
    void engineRefusalDeadLettersEachTargetWithItsLanguage() {
        send("fi-1", TestArticles.finnish("fi-1"));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getReason).containsOnly("TRANSLATION_REJECTED");
        assertThat(letters).extracting(DeadLetter::getTargetLanguage).containsExactlyInAnyOrder("EN-US", "DE");
        assertThat(letters).allSatisfy(l -> assertThat(l.getMessage()).contains("fi->"));
        assertThat(english.isEmpty()).isTrue();
    }

    @Test
    void articleWithNoTextIsDeadLetteredAsEmpty() {
        send("empty-1", TestArticles.article("empty-1", " ", "\n\n"));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("EMPTY_ARTICLE");
        assertThat(letter.getArticleId()).isEqualTo("empty-1");
    }

    @Test
    void anItemThatIsNotTextIsDeadLetteredAsNotTextWithItsOriginalBytes() {
        RawArticle video = TestArticles.french("video-1");
        video.setItemType("video");
        send("video-1", video);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("NOT_TEXT");
        assertThat(letter.getStage()).isEqualTo("validate");
        assertThat(letter.getArticleId()).isEqualTo("video-1");
        assertThat(letter.getMessage()).contains("item type 'video' is not text");
        assertThat(letter.getOriginalValue().remaining()).isPositive();
        assertThat(english.isEmpty()).isTrue();
    }

    @Test
    void urgencyOutsideTheIptcRangeIsInvalid() {
        RawArticle article = TestArticles.french("fr-3");
        article.setUrgency(12);
        send("fr-3", article);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("INVALID_ARTICLE");
        assertThat(letter.getMessage()).contains("urgency");
        assertThat(english.isEmpty()).isTrue();
    }

    @Test
    void articleWithoutItsRequiredIdOrSourceIsInvalidAndKeepsItsOriginalBytes() {
        RawArticle noId = TestArticles.french("fr-x");
        noId.setId(" ");
        RawArticle noSource = TestArticles.french("fr-y");
        noSource.setSource("");
        byte[] noIdBytes = rawSerde.serializer().serialize("articles.raw", noId);
        input.pipeInput("fr-x", noIdBytes);
        send("fr-y", noSource);

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly("INVALID_ARTICLE", "INVALID_ARTICLE");
        assertThat(letters.get(0).getMessage()).contains("id");
        assertThat(letters.get(1).getMessage()).contains("source");
        java.nio.ByteBuffer original = letters.get(0).getOriginalValue();
        byte[] kept = new byte[original.remaining()];
        original.duplicate().get(kept);
        assertThat(kept).isEqualTo(noIdBytes);
        assertThat(english.isEmpty()).isTrue();
    }

    @Test
    void goodArticlesAfterABadOneStillFlow() {
        input.pipeInput("bad", (byte[]) null);
        settle();
        send("fr-4", TestArticles.french("fr-4"));

        assertThat(deadLetters.readValuesToList()).hasSize(1);
        assertThat(english.readValue().getId()).isEqualTo("fr-4");
    }
}
