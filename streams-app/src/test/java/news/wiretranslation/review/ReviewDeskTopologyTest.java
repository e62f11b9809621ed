package news.wiretranslation.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewDecision;
import news.wiretranslation.avro.ReviewOutcome;
import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.label.Disclaimers;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.review.queue.ItemKey;
import news.wiretranslation.review.queue.QueueStores;
import news.wiretranslation.review.queue.ReviewQueue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewDeskTopologyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:15:00Z");
    private static final String REVIEWED_DISCLAIMER =
            "This article was machine-translated from French by DeepL and reviewed by the newsroom.";

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> review;
    private TestInputTopic<String, Article> outputIn;
    private TestInputTopic<String, ReviewRequest> requests;
    private TestOutputTopic<String, Article> english;
    private TestOutputTopic<String, ReviewDecision> decisions;
    private ReviewQueue queue;

    @BeforeEach
    void startDesk() {
        ServiceConfig config = TestConfigs.load(TestConfigs.localSettingsWith(
                "SCHEMA_REGISTRY_URL", "mock://review-desk-topology-test", "QUALITY_REVIEW_TOPIC", "articles.review"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "review-desk-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        driver = new TopologyTestDriver(ReviewDeskTopology.build(config, Disclaimers.reviewed(),
                Clock.fixed(NOW, ZoneOffset.UTC)), props);
        Map<String, Object> registry = RegistrySettings.serdeConfigs(config.registry());
        review = driver.createInputTopic("articles.review", new StringSerializer(),
                serde(Article.class, registry).serializer());
        outputIn = driver.createInputTopic("articles.normalized.en-us", new StringSerializer(),
                serde(Article.class, registry).serializer());
        requests = driver.createInputTopic("articles.review.requests", new StringSerializer(),
                serde(ReviewRequest.class, registry).serializer());
        english = driver.createOutputTopic("articles.normalized.en-us", new StringDeserializer(),
                serde(Article.class, registry).deserializer());
        decisions = driver.createOutputTopic("articles.review.decisions", new StringDeserializer(),
                serde(ReviewDecision.class, registry).deserializer());
        queue = new ReviewQueue(() -> driver.getKeyValueStore(QueueStores.QUEUE));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aNewerRevisionSupersedesTheOneWaitingAndAnOlderOneDoesNot() {
        Article first = ReviewItems.flagged("budget", 1);
        Article second = ReviewItems.flagged("budget", 2);
        review.pipeInput("budget", first);
        review.pipeInput("budget", second);
        review.pipeInput("budget", first);

        assertThat(queue.waiting("en-US")).extracting(Article::getVersion).containsExactly(2);

        requests.pipeInput("budget", ReviewItems.approve(first, "ada", Map.of()));
        assertThat(english.isEmpty()).isTrue();
        assertThat(decisions.readValue().getOutcome()).isEqualTo(ReviewOutcome.SUPERSEDED);
    }

    @Test
    void anApprovalPublishesTheEditedArticleOnceWithTheReviewFieldsAndAnAuditRecord() {
        Article item = ReviewItems.flagged("budget", 1);
        review.pipeInput("budget", item);
        String edited = "The unions denounced measures they call unfair to modest households.";

        ReviewRequest approval = ReviewItems.approve(item, "ada", Map.of("1", edited, "0", item.getBody().get(0)));
        requests.pipeInput("budget", approval);

        Article published = english.readValue();
        assertThat(published.getEditorialReview()).isTrue();
        assertThat(published.getReview().getReviewer()).isEqualTo("ada");
        assertThat(published.getReview().getReviewedAt()).isEqualTo(NOW);
        assertThat(published.getReview().getEditedParagraphs()).containsExactly(1);
        assertThat(published.getReview().getHeadlineEdited()).isFalse();
        assertThat(published.getReview().getDecisionId()).isEqualTo(approval.getRequestId());
        assertThat(published.getBody()).containsExactly(item.getBody().get(0), edited, REVIEWED_DISCLAIMER);
        assertThat(published.getTranslation().getDisclaimer()).isEqualTo(REVIEWED_DISCLAIMER);
        assertThat(published.getReviewSource()).isNull();
        assertThat(english.isEmpty()).isTrue();

        ReviewDecision audit = decisions.readValue();
        assertThat(audit.getOutcome()).isEqualTo(ReviewOutcome.PUBLISHED);
        assertThat(audit.getAction()).isEqualTo("APPROVE");
        assertThat(audit.getReviewer()).isEqualTo("ada");
        assertThat(audit.getDecisionId()).isEqualTo(approval.getRequestId());
        assertThat(audit.getRevision()).isEqualTo(1);
        assertThat(audit.getItemUri()).isEqualTo(item.getUri());
        assertThat(audit.getSettingsFingerprint()).isEqualTo("fp-1234");
        assertThat(audit.getEditedParagraphs()).isEqualTo(1);
        assertThat(audit.getDecidedAt()).isEqualTo(NOW);
        assertThat(queue.waiting("en-US")).isEmpty();
    }

    @Test
    void aSecondApprovalOfTheSameItemPublishesNothingAndIsAuditedAsAlreadyDecided() {
        Article item = ReviewItems.flagged("budget", 1);
        review.pipeInput("budget", item);

        requests.pipeInput("budget", ReviewItems.approve(item, "ada", Map.of()));
        requests.pipeInput("budget", ReviewItems.approve(item, "grace", Map.of()));

        assertThat(english.readValuesToList()).hasSize(1);
        assertThat(decisions.readValuesToList()).extracting(ReviewDecision::getReviewer, ReviewDecision::getOutcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ada", ReviewOutcome.PUBLISHED),
                        org.assertj.core.groups.Tuple.tuple("grace", ReviewOutcome.ALREADY_DECIDED));
    }

    @Test
    void aRejectionPublishesNothingSoTheEarlierPublishedRevisionStays() {
        Article earlier = Article.newBuilder(ReviewItems.flagged("budget", 1)).setReviewSource(null).build();
        outputIn.pipeInput("budget", earlier);
        english.readValuesToList(); // the service's own output, as it was
        Article waiting = ReviewItems.flagged("budget", 2);
        review.pipeInput("budget", waiting);

        requests.pipeInput("budget", ReviewItems.reject(waiting, "ada", "mistranslated quote"));

        assertThat(english.isEmpty()).isTrue();
        ReviewDecision audit = decisions.readValue();
        assertThat(audit.getOutcome()).isEqualTo(ReviewOutcome.REJECTED);
        assertThat(audit.getReason()).isEqualTo("mistranslated quote");
        assertThat(audit.getRevision()).isEqualTo(2);
        assertThat(queue.item(new ItemKey("en-US", "budget"))).isEmpty();

        review.pipeInput("budget", waiting); // delivered again: decided, it does not wait again
        assertThat(queue.waiting("en-US")).isEmpty();
    }

    @Test
    void aNewerRevisionPublishedWithoutReviewRemovesTheOlderOneWaiting() {
        Article waiting = ReviewItems.flagged("budget", 1);
        review.pipeInput("budget", waiting);

        outputIn.pipeInput("budget", Article.newBuilder(ReviewItems.flagged("budget", 2)).setReviewSource(null).build());
        english.readValuesToList();
        requests.pipeInput("budget", ReviewItems.approve(waiting, "ada", Map.of()));

        assertThat(english.isEmpty()).isTrue();
        assertThat(decisions.readValue().getOutcome()).isEqualTo(ReviewOutcome.ALREADY_DECIDED);
    }

    @Test
    void theQueueShowsUrgentStoriesOnTopAndTheNewestFirstPerLanguage() {
        Article routine = Article.newBuilder(ReviewItems.flagged("old-routine", 1)).setUrgency(6).build();
        Article newRoutine = Article.newBuilder(ReviewItems.flagged("new-routine", 9)).setUrgency(null).build();
        Article flash = Article.newBuilder(ReviewItems.flagged("flash", 1)).setUrgency(1).build();
        Article german = Article.newBuilder(ReviewItems.flagged("german", 1)).setLanguage("de").build();
        for (Article article : new Article[]{routine, newRoutine, flash, german}) {
            review.pipeInput(article.getId(), article);
        }

        assertThat(queue.waiting("en-us")).extracting(Article::getId)
                .containsExactly("flash", "new-routine", "old-routine");
        assertThat(queue.waiting("de")).extracting(Article::getId).containsExactly("german");
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, Map<String, Object> registry) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(registry, false);
        return serde;
    }
}
