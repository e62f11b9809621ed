package news.wiretranslation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.benchmark.StoryFeed;
import news.wiretranslation.cli.WireTranslation;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.embedded.EmbeddedSchemaRegistry;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.service.TopicReader;
import news.wiretranslation.service.TranslationService;
import news.wiretranslation.topology.ReplaySelection;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code replay} command on a real broker, with the live service running beside it (in this JVM) and the real
 * DeepL client against the DeepL-API stand-in, which counts what it bills.
 */
class ReplayIT {
    private static final Pattern DRY_RUN_TOTAL = Pattern.compile("(?m)^total\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern BILLED = Pattern.compile("MT characters billed ([\\d,]+) \\(estimated ([\\d,]+)");
    private static final Pattern SENT = Pattern.compile("sent by the service's count ([\\d,]+)");

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static DeepLStandIn deepL;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        registry = EmbeddedSchemaRegistry.start();
        deepL = new DeepLStandIn("replay-it:fx").start();
    }

    @AfterAll
    static void stop() {
        if (deepL != null) {
            deepL.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aReplayWithUnchangedSettingsBillsNothingAndLeavesTheCompactedOutputAsItWas(@TempDir Path dir) throws Exception {
        Map<String, String> env = settings("replay-same", dir, "EN-US");
        ServiceConfig config = TestConfigs.load(env);
        List<RawArticle> feed = feed(30, 11);
        createTopic(config.topics().input(), 2);
        publish(config, feed, Instant.now().minusSeconds(3600));

        try (TranslationService live = TranslationService.create(config)) {
            live.start();
            List<ConsumerRecord<byte[], Article>> first = awaitOutput(config, "en-us", feed.size());
            Map<String, List<Object>> compactedBefore = compacted(first);
            long billedBefore = deepL.billedCharacters();
            int requestsBefore = deepL.requestCount();

            // Beside the live service: everything is current, so nothing is written at all.
            Result plain = replay(dir, env, "--replay-id", "replay-same-r1", "--progress-interval", "1s");
            assertThat(plain.code()).as(plain.output() + plain.errors()).isZero();
            assertThat(plain.output()).contains("Nothing to reprocess");
            assertThat(readAll(config, "en-us")).as("the live output: nothing duplicated").hasSize(feed.size());

            // Forced: every article rewritten, from the live memory (seeded into the replay instance), billed 0.
            Result dryRun = replay(dir, env, "--force", "--dry-run");
            Matcher total = total(dryRun);
            assertThat(Long.parseLong(total.group(4))).as("estimated billed characters").isZero();
            assertThat(Long.parseLong(total.group(3))).as("estimated characters from memory").isPositive();

            Result forced = replay(dir, env, "--force", "--replay-id", "replay-same-r2", "--progress-interval", "1s");
            assertThat(forced.code()).as(forced.output() + forced.errors()).isZero();
            assertThat(forced.output()).contains("translation memory for EN-US:").contains("replay: ");
            assertThat(deepL.billedCharacters()).as("MT characters billed by the replay").isEqualTo(billedBefore);
            assertThat(deepL.requestCount()).isEqualTo(requestsBefore);

            List<ConsumerRecord<byte[], Article>> after = readAll(config, "en-us");
            List<ConsumerRecord<byte[], Article>> replayed = after.stream().filter(r -> header(r) != null).toList();
            long latestRevisions = feed.stream().map(RawArticle::getId).distinct().count();
            assertThat(replayed).as("one rewrite per article (its latest revision)").hasSize((int) latestRevisions);
            assertThat(replayed).allSatisfy(r -> assertThat(header(r)).isEqualTo("replay-same-r2"));
            assertThat(after.size() - replayed.size()).as("the live service's records").isEqualTo(feed.size());
            assertThat(first).allSatisfy(r -> assertThat(header(r)).isNull());
            assertThat(compacted(after)).as("the compacted output, record by record").isEqualTo(compactedBefore);
            System.out.printf("replay IT (unchanged settings): %d articles rewritten, %d characters billed%n%s%n",
                    replayed.size(), deepL.billedCharacters() - billedBefore, forced.output());
        }
    }

    @Test
    void aReplayAfterAddingATargetLanguageWritesExactlyThatLanguageForTheRangeAndBillsWhatTheDryRunSaid(@TempDir Path dir)
            throws Exception {
        Map<String, String> env = settings("replay-add", dir, "EN-US");
        ServiceConfig config = TestConfigs.load(env);
        List<RawArticle> feed = feed(40, 23);
        // One partition: the estimate is then exact in model (with several, a text that articles of two partitions
        // need is billed once or twice, depending on whether they are in flight together: the dry run prints both).
        createTopic(config.topics().input(), 1);
        Instant base = Instant.now().minusSeconds(3600);
        publish(config, feed, base);
        int from = feed.size() / 4;
        int to = feed.size() * 3 / 4;

        try (TranslationService live = TranslationService.create(config)) {
            live.start();
            awaitOutput(config, "en-us", feed.size());
            String[] range = {"--from", base.plusSeconds(from).toString(), "--to", base.plusSeconds(to).toString(), "--target", "DE"};

            Result dryRun = replay(dir, env, concat(range, "--dry-run"));
            assertThat(dryRun.code()).as(dryRun.output() + dryRun.errors()).isZero();
            long estimate = Long.parseLong(total(dryRun).group(4));
            long billedBefore = deepL.billedCharacters();

            Result run = replay(dir, env, concat(range, "--replay-id", "replay-add-de", "--progress-interval", "1s"));
            assertThat(run.code()).as(run.output() + run.errors()).isZero();
            long billed = deepL.billedCharacters() - billedBefore;
            Matcher summary = BILLED.matcher(run.output());
            assertThat(summary.find()).as(run.output()).isTrue();
            assertThat(Long.parseLong(summary.group(1).replace(",", ""))).as("the replay's own count").isEqualTo(billed);
            Matcher sent = SENT.matcher(run.output());
            assertThat(sent.find()).as(run.output()).isTrue();
            assertThat(Long.parseLong(sent.group(1).replace(",", ""))).as("the service's count of what it sent, beside "
                    + "the billed figure (the stand-in bills what it is sent)").isEqualTo(billed);
            assertThat((double) billed).as("billed against the dry run's estimate %d", estimate)
                    .isBetween(estimate * 0.99, estimate * 1.01);
            assertThat(dryRun.output()).contains("engine deepl: " + estimate + " characters billed at 25.00 per million");

            // The replay removed what it created: its state directory (the live service's stays), its group's topics.
            assertThat(dir.resolve("state").resolve("replay-add-de")).as("the replay's state directory").doesNotExist();
            assertThat(dir.resolve("state").resolve("replay-add")).as("the live service's").exists();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).noneMatch(topic -> topic.startsWith("replay-add-de-"));
            }

            // Exactly the range's articles, each at its latest revision, when that revision is in the range.
            Map<String, Integer> expected = new LinkedHashMap<>();
            Map<String, Integer> lastIndex = new HashMap<>();
            for (int i = 0; i < feed.size(); i++) {
                lastIndex.put(feed.get(i).getId(), i);
            }
            for (int i = from; i < to; i++) {
                if (lastIndex.get(feed.get(i).getId()) == i) {
                    expected.put(feed.get(i).getId(), feed.get(i).getRevision());
                }
            }
            List<ConsumerRecord<byte[], Article>> german = readAll(config, "de");
            Map<String, Integer> written = new LinkedHashMap<>();
            german.forEach(r -> written.put(r.value().getId(), r.value().getVersion()));
            assertThat(german).as("one record per article").hasSize(written.size());
            assertThat(written).isEqualTo(expected);
            assertThat(german).allSatisfy(r -> assertThat(header(r)).isEqualTo("replay-add-de"));
            assertThat(readAll(config, "en-us")).as("the live language: untouched").hasSize(feed.size());
            System.out.printf("replay IT (added DE): dry run estimated %d characters billed, the replay billed %d "
                    + "(%+.2f%%)%n%s%n%s%n", estimate, billed, estimate == 0 ? 0 : 100.0 * (billed - estimate) / estimate,
                    dryRun.output(), run.output());
        }
    }

    @Test
    void aResetIsRefusedWhileTheServiceRunsAndAfterwardsReprocessesFromItsMemory(@TempDir Path dir) throws Exception {
        Map<String, String> env = settings("replay-reset", dir, "EN-US");
        ServiceConfig config = TestConfigs.load(env);
        List<RawArticle> feed = feed(15, 5);
        createTopic(config.topics().input(), 2);
        publish(config, feed, Instant.now().minusSeconds(3600));

        try (TranslationService live = TranslationService.create(config)) {
            live.start();
            awaitOutput(config, "en-us", feed.size());
            Result refused = replay(dir, env, "--mode", "reset");
            assertThat(refused.code()).isEqualTo(WireTranslation.EXIT_FAILURE);
            assertThat(refused.errors()).contains("the service is running").contains("replay-reset").contains("--mode instance");
        }
        Result misused = replay(dir, env, "--mode", "reset", "--target", "DE");
        assertThat(misused.code()).isEqualTo(2);
        assertThat(misused.errors()).contains("--target need --mode instance");

        long billedBefore = deepL.billedCharacters();
        Result reset = replay(dir, env, "--mode", "reset");
        assertThat(reset.code()).as(reset.output() + reset.errors()).isZero();
        assertThat(reset.output()).contains("Consumer group replay-reset reset");
        assertThat(Long.parseLong(total(reset).group(4))).as("estimated billed characters").isZero();
        // Read again from the start, every story's accepted (latest) revision is published again; its older revisions,
        // dealt with when first read, are not (the revision gate: never an older revision after a newer one).
        Map<String, Integer> latest = new HashMap<>();
        feed.forEach(article -> latest.merge(article.getId(), article.getRevision(), Math::max));
        try (TranslationService restarted = TranslationService.create(config)) {
            restarted.start();
            List<ConsumerRecord<byte[], Article>> out = awaitOutput(config, "en-us", feed.size() + latest.size());
            assertThat(out).hasSize(feed.size() + latest.size());
            Map<String, Integer> published = new HashMap<>();
            out.forEach(r -> published.merge(r.value().getId() + "#" + r.value().getVersion(), 1, Integer::sum));
            feed.forEach(article -> assertThat(published.get(article.getId() + "#" + article.getRevision()))
                    .as("outputs of %s revision %d", article.getId(), article.getRevision())
                    .isEqualTo(article.getRevision() == latest.get(article.getId()) ? 2 : 1));
        }
        assertThat(deepL.billedCharacters()).as("billed by the reprocessing").isEqualTo(billedBefore);
    }

    // ---- helpers ----

    private record Result(int code, String output, String errors) {
    }

    private static Result replay(Path dir, Map<String, String> env, String... args) throws IOException {
        Path file = dir.resolve("service.properties");
        Properties properties = new Properties();
        env.forEach((name, value) -> properties.setProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WireTranslation.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(concat(new String[]{"replay", "--config", file.toString()}, args));
        return new Result(code, out.toString(), err.toString());
    }

    private static Matcher total(Result result) {
        Matcher matcher = DRY_RUN_TOTAL.matcher(result.output());
        assertThat(matcher.find()).as("a total line in:%n%s%s", result.output(), result.errors()).isTrue();
        return matcher;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private Map<String, String> settings(String app, Path dir, String targets) {
        Map<String, String> env = TestConfigs.ownTopicSettings(broker.bootstrapServers(), registry.url(), deepL, app);
        env.put("STATE_DIR", dir.resolve("state").toString());
        env.put("TARGET_LANGUAGES", targets);
        env.put("HTTP_PORT", "0");
        return env;
    }

    private static List<RawArticle> feed(int stories, long seed) {
        return StoryFeed.generate(StoryFeed.Options.defaults(stories, seed)).stream().map(StoryFeed.Item::article).toList();
    }

    /** The latest record per article, as compaction leaves it, without the times of processing. */
    private static Map<String, List<Object>> compacted(List<ConsumerRecord<byte[], Article>> records) {
        Map<String, List<Object>> latest = new HashMap<>();
        for (ConsumerRecord<byte[], Article> record : records) {
            Article a = record.value();
            latest.put(new String(record.key(), StandardCharsets.UTF_8), List.of(a.getVersion(), a.getHeadline(),
                    a.getBody(), a.getLanguage(), a.getMachineTranslated(), a.getPipelineVersion(),
                    a.getTranslation() == null ? "-" : a.getTranslation().getSettingsFingerprint()));
        }
        return latest;
    }

    private static String header(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader(ReplaySelection.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Publishes the feed with record timestamps one second apart from {@code base}, keyed by article id. */
    private static void publish(ServiceConfig config, List<RawArticle> feed, Instant base) {
        AvroSerde<RawArticle> serde = serde(RawArticle.class, config);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < feed.size(); i++) {
                RawArticle article = feed.get(i);
                producer.send(new ProducerRecord<>(config.topics().input(), null, base.plusSeconds(i).toEpochMilli(),
                        article.getId(), serde.serializer().serialize(config.topics().input(), article)));
            }
            producer.flush();
        }
    }

    private static List<ConsumerRecord<byte[], Article>> awaitOutput(ServiceConfig config, String language, int expected) {
        List<ConsumerRecord<byte[], Article>> out = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            out.clear();
            out.addAll(readAll(config, language));
            return out.size() >= expected;
        });
        return out;
    }

    private static List<ConsumerRecord<byte[], Article>> readAll(ServiceConfig config, String language) {
        return TopicReader.readToEnd(broker.bootstrapServers(), config.topics().outputPrefix() + language,
                serde(Article.class, config).deserializer(), Duration.ofSeconds(20));
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, ServiceConfig config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        return serde;
    }
}
