package news.wiretranslation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.avro.Translation;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.registry.AvroSerde;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code publish} and {@code tail} as a user runs them, through {@link WireTranslation#commandLine()}, against a real
 * KRaft broker and the in-process {@code mock://} registry.
 */
class PublishAndTailIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTRY = "mock://publish-tail-it-" + UUID.randomUUID();
    private static final String NORMALIZED = "articles.normalized.en-us";
    private static final String DLQ = "articles.dlq";

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        createTopics(Map.of("it.raw", 2, "it.raw.bad", 1, "it.raw.skip", 1, "it.raw.stdin", 1, "it.raw.tail", 1, "it.empty", 1, "it.live", 1, "it.mixed", 1,
                NORMALIZED, 2, DLQ, 1));
        writeTailFixtures();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    // ---- publish ----

    @Test
    void publishSendsEveryArticleOfADirectoryKeyedByItsId() throws Exception {
        write("01-story.txt", "Fire in a Lyon warehouse\n\nFirefighters fought the blaze all night.\n\nNobody was hurt.");
        write("02-page.html", "<html lang=\"de\"><head><title>Titel</title><link rel=\"canonical\" href=\"https://example.org/p\"></head>"
                + "<body><nav>Menü</nav><article><h1>Brand in Lyon</h1><p>Die Feuerwehr war die ganze Nacht im Einsatz.</p></article></body></html>");
        write("feed.jsonl", "{\"id\":\"feed-1\",\"source\":\"efe-demo\",\"headline\":\"Incendio en Lyon\",\"body\":\"Los bomberos.\",\"declaredLanguage\":\"es\",\"urgency\":2}\n"
                + "{\"id\":\"feed-2\",\"source\":\"efe-demo\",\"headline\":\"Segundo\",\"body\":\"Texto.\",\"revision\":4}\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(Path.of("src/test/resources/ninjs/3.0/dpa_text.json"), dir.resolve("sub/dpa_text.json"));
        write("README.md", "not an article");

        Run run = run("publish", "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY,
                "--topic", "it.raw", dir.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("Sent 5 article(s) to it.raw.")
                .contains("sent  01-story  r1  Fire in a Lyon warehouse")
                .contains("sent  feed-1  r1  es  Incendio en Lyon")
                .contains("sent  newsml-dpa-com-20090101-190510-99-167362  r2  de  Faktencheck Derby-Elfmeter");
        assertThat(run.err).contains("Skipped 1 file(s)");
        Map<String, RawArticle> sent = byKey(read("it.raw", 5));
        assertThat(sent).containsOnlyKeys("01-story", "02-page", "feed-1", "feed-2", "newsml-dpa-com-20090101-190510-99-167362");
        assertThat(sent.values()).allSatisfy(article -> assertThat(sent.get(article.getId())).isSameAs(article));
        RawArticle story = sent.get("01-story");
        assertThat(story.getSource()).isEqualTo("file");
        assertThat(story.getBody()).isEqualTo("Firefighters fought the blaze all night.\n\nNobody was hurt.");
        RawArticle page = sent.get("02-page");
        assertThat(page.getBodyFormat()).isEqualTo(BodyFormat.HTML);
        assertThat(page.getHeadline()).isEqualTo("Brand in Lyon");
        assertThat(page.getDeclaredLanguage()).isEqualTo("de");
        assertThat(page.getUrl()).isEqualTo("https://example.org/p");
        assertThat(sent.get("feed-1").getUrgency()).isEqualTo(2);
        assertThat(sent.get("feed-2").getRevision()).isEqualTo(4);
        RawArticle dpa = sent.get("newsml-dpa-com-20090101-190510-99-167362");
        assertThat(dpa.getSource()).isEqualTo("dpa");
        assertThat(dpa.getPublishedAt()).isEqualTo(Instant.parse("2019-05-10T14:02:28Z"));
        assertThat(dpa.getItemUri()).as("the ninjs uri, through the registry").isEqualTo("urn:newsml:dpa.com:20090101:190510-99-167362");
    }

    @Test
    void oneBadFileMeansNothingIsSent() throws Exception {
        write("good.txt", "A good headline\n\nA good body.");
        write("more/bad.jsonl", "{\"id\":\"ok\",\"source\":\"s\",\"headline\":\"H\",\"body\":\"B\"}\n{\"id\": \"broken\"\n");

        Run run = run("publish", "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY,
                "--topic", "it.raw.bad", dir.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Error: " + dir.resolve("more/bad.jsonl") + ":2: not valid JSON")
                .contains("Nothing sent: 1 input(s) have errors");
        assertThat(run.out).isEmpty();
        assertThat(read("it.raw.bad", 0)).isEmpty();
    }

    @Test
    void skipInvalidSendsTheGoodInputsAndExitsWithOne() throws Exception {
        write("good.txt", "A good headline\n\nA good body.");
        write("empty.txt", "  \n");

        Run run = run("publish", "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY,
                "--topic", "it.raw.skip", "--skip-invalid", dir.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("empty.txt: is empty");
        assertThat(run.out).contains("Sent 1 article(s) to it.raw.skip.");
        assertThat(byKey(read("it.raw.skip", 1))).containsOnlyKeys("good");
    }

    @Test
    void standardInputNeedsAFormatAndTakesTheOverrides() throws Exception {
        Run withoutFormat = run("publish", "--dry-run", "-");
        assertThat(withoutFormat.exitCode).isEqualTo(2);
        assertThat(withoutFormat.err).contains("--format is required when reading standard input");

        CommandLine cli = commandLine();
        ((PublishCommand) cli.getSubcommands().get("publish").getCommand()).stdin =
                new ByteArrayInputStream("Titre\n\nCorps de l'article.".getBytes(StandardCharsets.UTF_8));
        Run run = run(cli, "publish", "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY,
                "--topic", "it.raw.stdin", "--format", "text", "--id", "from-stdin", "--language", "fr", "--source", "afp",
                "--revision", "2");

        assertThat(run.exitCode).as(run.err).isZero();
        RawArticle article = byKey(read("it.raw.stdin", 1)).get("from-stdin");
        assertThat(article.getHeadline()).isEqualTo("Titre");
        assertThat(article.getDeclaredLanguage()).isEqualTo("fr");
        assertThat(article.getSource()).isEqualTo("afp");
        assertThat(article.getRevision()).isEqualTo(2);
    }

    @Test
    void dryRunNeedsNoClusterAndSendsNothing() throws Exception {
        write("story.txt", "Headline\n\nBody.");

        Run run = run("publish", "--dry-run", dir.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("read  story  r1  Headline").contains("Dry run: 1 article(s) read, nothing sent.");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        for (String command : List.of("publish", "tail")) {
            Run run = run(command, "--help");
            assertThat(run.exitCode).isZero();
            assertThat(run.out).contains("Examples:", "Exit codes:", "--bootstrap-servers", "--registry");
        }
    }

    // ---- tail ----

    @Test
    void tailPrintsArticlesAsReadableBlocks() {
        Run run = run("tail", "--language", "EN-US", "--from-beginning", "--max", "2",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out)
                .contains("=== ARTICLE a-1  version 2  en-US  [" + NORMALIZED + "/")
                .contains("Machine-translated by deepl (quality_optimized) from fr, detection confidence 0.31")
                .contains("Headline: Fire in Lyon")
                .contains("    First paragraph.")
                .contains("[... 1 more paragraph(s)]")
                .contains("Disclaimer: This article was machine-translated from French by DeepL.")
                .contains("=== ARTICLE b-2  version 1  en-US")
                .contains("Original language, not machine-translated (detected en, confidence 0.97)")
                .doesNotContain("Fourth paragraph.");
    }

    @Test
    void tailPrintsOneJsonObjectPerRecord() throws Exception {
        Run run = run("tail", "--topic", NORMALIZED, "--from-beginning", "--max", "2", "--format", "json",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);

        assertThat(run.exitCode).as(run.err).isZero();
        Map<String, JsonNode> byId = jsonLines(run.out);
        assertThat(byId).containsOnlyKeys("a-1", "b-2");
        JsonNode translated = byId.get("a-1");
        assertThat(translated.path("versionCreated").asText()).isEqualTo("2025-05-01T08:00:00Z");
        assertThat(translated.path("body")).hasSize(4);
        assertThat(translated.path("translation").path("engine").asText()).isEqualTo("deepl");
        assertThat(translated.path("translation").path("digitalSourceType").asText()).endsWith("/trainedAlgorithmicMedia");
        assertThat(byId.get("b-2").path("translation").isNull()).isTrue();
        assertThat(byId.get("b-2").path("originalUrl").asText()).isEqualTo("https://example.org/b-2");
    }

    @Test
    void tailPrintsNinjsItems() throws Exception {
        Run run = run("tail", "--language", "en-us", "--from-beginning", "--max", "2", "--format", "ninjs",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);

        assertThat(run.exitCode).as(run.err).isZero();
        Map<String, JsonNode> byUri = run.out.lines().map(PublishAndTailIT::parse)
                .collect(Collectors.toMap(item -> item.path("uri").asText(), Function.identity()));
        JsonNode translated = byUri.get("urn:wire-translation:afp:a-1:en-US");
        assertThat(translated.path("headlines").get(0).path("value").asText()).isEqualTo("Fire in Lyon");
        assertThat(translated.path("bodies").get(0).path("value").asText())
                .isEqualTo("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth paragraph.");
        assertThat(translated.path("digitalsourcetype").path("uri").asText())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(byUri.get("urn:wire-translation:ap:b-2:en-US").has("digitalsourcetype")).isFalse();
    }

    @Test
    void tailPrintsDeadLetters() throws Exception {
        Run text = run("tail", "--dlq", "--from-beginning", "--max", "1",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);
        Run json = run("tail", "--dlq", "--from-beginning", "--max", "1", "--format", "json",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);
        Run ninjs = run("tail", "--dlq", "--format", "ninjs");

        assertThat(text.exitCode).as(text.err).isZero();
        assertThat(text.out).contains("=== DEAD LETTER  [" + DLQ + "/0@0]")
                .contains("Reason:   UNSUPPORTED_LANGUAGE (stage detect)")
                .contains("Message:  declared language 'ka' is not one the translation engine translates from")
                .contains("Article:  ka-1 (target language: all)")
                .contains("Original: articles.raw/2@17, value 9 bytes, key 4 bytes");
        JsonNode letter = parse(json.out.strip());
        assertThat(letter.path("reason").asText()).isEqualTo("UNSUPPORTED_LANGUAGE");
        assertThat(Base64.getDecoder().decode(letter.path("originalValue").asText())).isEqualTo("not avro!".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.path("targetLanguage").isNull()).isTrue();
        assertThat(ninjs.exitCode).isEqualTo(2);
        assertThat(ninjs.err).contains("dead letters have no ninjs form");
    }

    @Test
    void tailReadsRawArticlesToo() throws Exception {
        write("story.txt", "Raw headline\n\nRaw body.");
        assertThat(run("publish", "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY,
                "--topic", "it.raw.tail", dir.resolve("story.txt").toString()).exitCode).isZero();

        Run run = run("tail", "--topic", "it.raw.tail", "--from-beginning", "--timeout", "2s",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("=== RAW ARTICLE story  revision 1  [it.raw.tail/0@")
                .contains("Headline: Raw headline").contains("Body:     TEXT, 9 characters: Raw body.");
    }

    @Test
    void tailWithoutFromBeginningShowsOnlyNewRecords() throws Exception {
        produce("it.live", "old", article("old", "Old story", false));
        CompletableFuture<Run> tail = CompletableFuture.supplyAsync(() -> run("tail", "--topic", "it.live", "--max", "1",
                "--timeout", "30s", "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY));
        int sent = 0;
        while (!tail.isDone() && sent < 60) {
            produce("it.live", "new-" + sent, article("new-" + sent, "New story " + sent, false));
            sent++;
            Thread.sleep(500);
        }
        Run run = tail.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("=== ARTICLE new-").doesNotContain("Old story");
    }

    @Test
    void tailReportsUnreadableRecordsAndGoesOn() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("it.mixed", "junk", "plain text".getBytes(StandardCharsets.UTF_8))).get();
        }
        produce("it.mixed", "c-3", article("c-3", "After the junk", false));

        Run run = run("tail", "--topic", "it.mixed", "--from-beginning", "--max", "2",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).contains("Cannot read it.mixed/0@0: not Confluent-framed Avro (10 bytes)")
                .contains("1 record(s) could not be read.");
        assertThat(run.out).contains("Headline: After the junk");
    }

    @Test
    void tailStopsAfterTheTimeoutWithoutRecordsAndFailsOnAMissingTopic() {
        Run idle = run("tail", "--topic", "it.empty", "--timeout", "1s",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);
        Run missing = run("tail", "--topic", "no.such.topic", "--timeout", "1s",
                "--bootstrap-servers", broker.bootstrapServers(), "--registry", REGISTRY);

        assertThat(idle.exitCode).as(idle.err).isZero();
        assertThat(idle.out).isEmpty();
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.err).contains("Topic no.such.topic does not exist");
    }

    // ---- fixtures and helpers ----

    /** Two articles on the normalized topic (one translated, one not) and a dead letter, as the service writes them. */
    private static void writeTailFixtures() throws Exception {
        produce(NORMALIZED, "a-1", article("a-1", "Fire in Lyon", true));
        produce(NORMALIZED, "b-2", article("b-2", "Storm in Maine", false));
        DeadLetter letter = DeadLetter.newBuilder()
                .setReason("UNSUPPORTED_LANGUAGE").setStage("detect")
                .setMessage("declared language 'ka' is not one the translation engine translates from")
                .setArticleId("ka-1").setTargetLanguage(null)
                .setOriginalTopic("articles.raw").setOriginalPartition(2).setOriginalOffset(17)
                .setOriginalKey(ByteBuffer.wrap("ka-1".getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap("not avro!".getBytes(StandardCharsets.UTF_8)))
                .setFailedAt(Instant.parse("2025-05-01T08:00:01Z")).setPipelineVersion("test")
                .build();
        produce(DLQ, "ka-1", letter);
    }

    private static Article article(String id, String headline, boolean translated) {
        Instant created = Instant.parse("2025-05-01T08:00:00Z");
        Article.Builder article = Article.newBuilder()
                .setId(id).setVersion(translated ? 2 : 1).setLanguage("en-US").setHeadline(headline)
                .setVersionCreated(created).setProcessedAt(created).setPipelineVersion("test");
        if (translated) {
            return article.setUri("urn:wire-translation:afp:" + id + ":en-US").setSource("afp").setOriginalUrl(null)
                    .setBody(List.of("First paragraph.", "Second paragraph.", "Third paragraph.", "Fourth paragraph."))
                    .setMachineTranslated(true).setDetectedLanguage("fr").setDetectionConfidence(0.31)
                    .setTranslation(Translation.newBuilder()
                            .setEngine("deepl").setEngineModel("quality_optimized").setSourceLanguage("fr")
                            .setDetectionConfidence(0.31).setOriginalArticleId(id).setTranslatedAt(created)
                            .setBilledCharacters(120).setDisclaimer("This article was machine-translated from French by DeepL.")
                            .build())
                    .build();
        }
        return article.setUri("urn:wire-translation:ap:" + id + ":en-US").setSource("ap").setOriginalUrl("https://example.org/" + id)
                .setBody(List.of("Only paragraph.")).setMachineTranslated(false).setDetectedLanguage("en")
                .setDetectionConfidence(0.97).setTranslation(null)
                .build();
    }

    private static <T extends SpecificRecord> void produce(String topic, String key, T value) throws Exception {
        @SuppressWarnings("unchecked")
        AvroSerde<T> serde = new AvroSerde<>((Class<T>) value.getClass());
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, serde.serializer().serialize(topic, value))).get();
        }
    }

    /** Reads a topic from the start until {@code expected} records came (and half a second more, to see extras). */
    private static List<ConsumerRecord<String, RawArticle>> read(String topic, int expected) {
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 3 : 30).toNanos();
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline && (expected == 0 || records.size() < expected)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static Map<String, RawArticle> byKey(List<ConsumerRecord<String, RawArticle>> records) {
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()));
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
    }

    private static Map<String, JsonNode> jsonLines(String out) {
        return out.lines().map(PublishAndTailIT::parse)
                .collect(Collectors.toMap(node -> node.path("id").asText(), Function.identity()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static void createTopics(Map<String, Integer> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(topics.entrySet().stream()
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).toList()).all().get();
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static CommandLine commandLine() {
        return WireTranslation.commandLine();
    }

    private static Run run(String... args) {
        return run(commandLine(), args);
    }

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
