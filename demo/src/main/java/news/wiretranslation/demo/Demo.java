package news.wiretranslation.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ConfigLoader;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.embedded.EmbeddedSchemaRegistry;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.review.ReviewDesk;
import news.wiretranslation.service.TranslationService;
import news.wiretranslation.service.Translators;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole job on one machine, with no cluster and no account: a real Kafka broker and a schema registry in
 * this process, the real service, the sample feed, and each result printed as it arrives.
 */
public final class Demo {
    private static final int RAW_PARTITIONS = 3;
    /** A producer that sent JSON instead of Avro: the demo shows where such a record goes. */
    static final String MALFORMED = "{\"headline\": \"sent as JSON by mistake\", \"body\": \"not Avro\"}";

    /**
     * @param engine      TRANSLATOR setting value for the chosen backend ({@code deepl} or {@code apertium})
     * @param settings   extra service settings (e.g. the DeepL key), as environment variables would give them
     * @param targets    target languages
     * @param timeout    how long to wait for all results
     * @param keepRunning leave broker, registry and service up until Ctrl-C
     */
    public record Options(String engine, Map<String, String> settings, List<TargetLanguage> targets,
                          Duration timeout, boolean keepRunning) {
    }

    private final DemoPrinter printer;
    /** Counted down once everything is closed, so that a Ctrl-C shutdown hook can wait for the clean-up. */
    private final CountDownLatch closed = new CountDownLatch(1);

    public Demo(PrintWriter out) {
        this.printer = new DemoPrinter(out);
    }

    /** @return true when every input ended on an output topic or the dead-letter topic */
    public boolean run(Options options) throws Exception {
        long started = System.nanoTime();
        Path stateDir = Files.createTempDirectory("wire-translation-demo-state-");
        DemoDesk desk = DemoDesk.prepare(stateDir);
        printer.say("wire-translation demo: " + options.engine() + " → " + options.targets());
        printer.say("Starting a Kafka broker (KRaft, in this process, 127.0.0.1) and a schema registry...");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            ServiceConfig config = config(options, broker.bootstrapServers(), registry.url(), stateDir, desk);
            createRawTopic(broker.bootstrapServers(), config.topics().input());
            printer.say("  broker " + broker.bootstrapServers() + ", registry " + registry.url());
            printer.say("Loading language models and starting the service...");
            CountingTranslator translator = new CountingTranslator(Translators.create(config));
            translator.verify();
            TranslationService service = TranslationService.create(config, TranslationService.detector(config), translator);
            try {
                service.start();
                ResultTracker results = new ResultTracker(config.targetLanguages());
                boolean offline = options.engine().equals("apertium");
                List<List<RawArticle>> rounds = offline ? DemoFeed.offlineRounds() : List.of(DemoFeed.load());
                int articles = rounds.stream().mapToInt(List::size).sum();
                results.announce(articles + 1);
                if (offline) {
                    printer.offlineIntroduction();
                }
                printer.say("Publishing " + articles + " sample articles and 1 malformed record to "
                        + config.topics().input() + "...");
                long deadline = System.nanoTime() + options.timeout().toNanos();
                for (int round = 0; round < rounds.size(); round++) {
                    boolean last = round == rounds.size() - 1;
                    publish(config, rounds.get(round), results, last);
                    collect(config, results, deadline);
                }
                if (!results.complete()) {
                    printer.say("Timed out after " + options.timeout().toSeconds() + " s waiting for results.");
                }
                printer.summary(results, translator, Duration.ofNanos(System.nanoTime() - started));
                if (offline) {
                    printer.whatDeepLAdds(DemoFeed.load().size() - articles);
                }
                if (options.keepRunning()) {
                    try (ReviewDesk reviewDesk = desk.start(config)) {
                        keepRunning(config, service, reviewDesk, desk, results);
                    }
                }
                return results.complete() && service.state() == KafkaStreams.State.RUNNING;
            } finally {
                service.close(Duration.ofSeconds(30));
            }
        } finally {
            deleteRecursively(stateDir);
            closed.countDown();
        }
    }

    private ServiceConfig config(Options options, String bootstrap, String registryUrl, Path stateDir, DemoDesk desk) {
        Map<String, String> env = new HashMap<>(options.settings());
        desk.settings().forEach(env::putIfAbsent);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SCHEMA_REGISTRY_URL", registryUrl);
        env.put("APPLICATION_ID", "wire-translation-demo");
        env.put("TRANSLATOR", options.engine());
        env.put("TARGET_LANGUAGES", String.join(",", options.targets().stream().map(TargetLanguage::code).toList()));
        env.put("STATE_DIR", stateDir.toString());
        env.put("NUM_STREAM_THREADS", String.valueOf(RAW_PARTITIONS));
        return new ConfigLoader(env, new java.util.Properties()).load();
    }

    private static void createRawTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, RAW_PARTITIONS, (short) 1))).all().get();
        }
    }

    /** Publishes {@code feed}, and after it, with {@code withMalformed}, the malformed record. */
    private void publish(ServiceConfig config, List<RawArticle> feed, ResultTracker results, boolean withMalformed)
            throws Exception {
        AvroSerde<RawArticle> serde = serde(RawArticle.class, config);
        String topic = config.topics().input();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (RawArticle article : feed) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, article.getId(),
                        serde.serializer().serialize(topic, article))).get();
                results.sent(article, new ResultTracker.Position(sent.partition(), sent.offset()));
            }
            if (withMalformed) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "malformed-1",
                        MALFORMED.getBytes(StandardCharsets.UTF_8))).get();
                results.sentMalformed(new ResultTracker.Position(sent.partition(), sent.offset()));
            }
        }
    }

    /**
     * Reads the output topics and the dead-letter topic as a downstream consumer would, printing each result, until
     * every record sent so far has its results or the deadline ({@code System.nanoTime()}) passes. The reader's group
     * commits what it read when it closes, so that the next round's reader goes on from there.
     */
    private void collect(ServiceConfig config, ResultTracker results, long deadline) {
        AvroSerde<Article> articles = serde(Article.class, config);
        AvroSerde<DeadLetter> deadLetters = serde(DeadLetter.class, config);
        List<String> topics = new ArrayList<>();
        config.targetLanguages().forEach(t -> topics.add(config.topics().output(t)));
        config.labelling().reviewTopic().ifPresent(topics::add); // flagged translations wait there for an editor
        topics.add(config.topics().deadLetter());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "wire-translation-demo-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (!results.sentAllSettled() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(config.topics().deadLetter())) {
                        DeadLetter letter = deadLetters.deserializer().deserialize(record.topic(), record.value());
                        results.deadLetter(letter);
                        printer.deadLetter(results.settledCount(), results.expected(), letter);
                    } else {
                        Article article = articles.deserializer().deserialize(record.topic(), record.value());
                        results.output(record.topic(), article);
                        printer.article(results.settledCount(), results.expected(), record.topic(), article,
                                results.original(article));
                    }
                }
            }
        }
    }

    private void keepRunning(ServiceConfig config, TranslationService service, ReviewDesk reviewDesk, DemoDesk desk,
                             ResultTracker results) throws InterruptedException {
        printer.say("");
        printer.say("Still running (--keep-running). Press Ctrl-C to stop and remove the broker's data.");
        printer.say("  bootstrap servers: " + config.bootstrapServers());
        printer.say("  schema registry:   " + config.registry().url());
        printer.say("  try:  java -jar streams-app/target/wire-translation.jar tail --bootstrap-servers "
                + config.bootstrapServers() + " --registry " + config.registry().url() + " --language "
                + config.targetLanguages().get(0).code() + " --from-beginning");
        printer.say("        kcat -b " + config.bootstrapServers() + " -L");
        printer.say("  review desk:       " + reviewDesk.url() + "  (sign in as " + desk.signIn() + "; "
                + results.perTopic().getOrDefault(DemoDesk.REVIEW_TOPIC, 0) + " flagged translations wait there)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop"));
        stop.await();
        printer.say("Stopping...");
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, ServiceConfig config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        return serde;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
