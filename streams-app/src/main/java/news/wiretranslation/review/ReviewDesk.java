package news.wiretranslation.review;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import news.wiretranslation.avro.Article;
import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.Setting;
import news.wiretranslation.label.Disclaimers;
import news.wiretranslation.review.decision.ReviewedArticle;
import news.wiretranslation.review.queue.QueueStores;
import news.wiretranslation.review.queue.ReviewQueue;
import news.wiretranslation.review.signin.EditorAccounts;
import news.wiretranslation.review.web.DecisionSender;
import news.wiretranslation.review.web.DeskWebServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review desk, running: its Kafka Streams application (queue and decisions, state in Kafka) and its web server.
 * Started by the {@code review} command and by the demo.
 */
public final class ReviewDesk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReviewDesk.class);

    private final KafkaStreams streams;
    private final CountDownLatch stopped;
    private final DecisionSender sender;
    private final DeskWebServer web;

    private ReviewDesk(KafkaStreams streams, CountDownLatch stopped, DecisionSender sender, DeskWebServer web) {
        this.streams = streams;
        this.stopped = stopped;
        this.sender = sender;
        this.web = web;
    }

    /** Checks the settings and topics, starts the desk's stream processing and its web server. */
    public static ReviewDesk start(ServiceConfig config) {
        Optional<EditorAccounts> accounts = editors(config);
        Disclaimers disclaimers = reviewedDisclaimers(config);
        try (Admin admin = Admin.create(config.kafkaClientProperties())) {
            DeskTopics.ensure(admin, config);
        }
        Clock clock = Clock.systemUTC();
        ReviewedArticle reviewed = new ReviewedArticle(disclaimers);
        KafkaStreams streams = new KafkaStreams(ReviewDeskTopology.build(config, disclaimers, clock),
                DeskStreamsSettings.of(config));
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        streams.start();
        ReviewQueue queue = new ReviewQueue(() -> streams.store(StoreQueryParameters.fromNameAndType(
                QueueStores.QUEUE, QueryableStoreTypes.<String, Article>keyValueStore())));
        DecisionSender sender = new DecisionSender(config);
        DeskWebServer web;
        try {
            web = DeskWebServer.start(config, queue, sender, accounts, reviewed, clock);
        } catch (RuntimeException e) {
            sender.close();
            streams.close();
            throw e;
        }
        log.info("Review desk at {} (application {}), reading {}", web.url(), config.review().applicationId(),
                ReviewDeskTopology.reviewTopic(config));
        return new ReviewDesk(streams, stopped, sender, web);
    }

    /** The users file, or the proxy header: one of them says who the editors are. */
    private static Optional<EditorAccounts> editors(ServiceConfig config) {
        ServiceConfig.Review review = config.review();
        if (review.proxyHeader().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(EditorAccounts.load(review.usersFile().orElseThrow(() -> new ConfigException(
                "Missing setting " + Setting.REVIEW_USERS_FILE.env() + ": the review desk needs its editors ("
                        + Setting.REVIEW_USERS_FILE.description() + ")"))));
    }

    private static Disclaimers reviewedDisclaimers(ServiceConfig config) {
        Optional<java.nio.file.Path> file = config.review().disclaimers();
        if (file.isEmpty()) {
            return Disclaimers.reviewed();
        }
        try {
            return Disclaimers.reviewedWithOverrides(file.get());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Invalid " + Setting.REVIEW_DISCLAIMERS_FILE.env() + " " + file.get() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The address editors open. */
    public String url() {
        return web.url();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Blocks until the desk's stream processing stops (closed, or failed). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        web.close();
        sender.close();
        streams.close();
        stopped.countDown();
    }
}
