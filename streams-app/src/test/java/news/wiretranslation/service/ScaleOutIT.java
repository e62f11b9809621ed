package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.embedded.EmbeddedKafkaBroker;
import news.wiretranslation.embedded.EmbeddedSchemaRegistry;
import news.wiretranslation.translate.deepl.DeepLStandIn;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on one machine, on a real broker: three instances of the service, each a JVM of its own, share a
 * 6-partition input topic; one is killed with SIGKILL partway and a fourth started. Every article must come out
 * exactly once per target language. Prints the pause the kill caused and each instance's share of the work.
 *
 * <p>The pause after a crash has two parts, both settings: the session timeout (until the group notices the dead
 * instance and moves its partitions) and the transaction timeout (until the broker aborts the dead instance's open
 * transaction, which blocks the new owner from reading the committed offsets). The test shortens both, as an
 * operator can (docs/operations.md: Scale-out and lifecycle); the broker checks for expired transactions every second instead of every 10.
 */
class ScaleOutIT {
    private static final String APP = "scale-out-it";
    private static final int PARTITIONS = 6;
    private static final int ARTICLES = 3_000;
    private static final List<String> LANGUAGES = List.of("en-us", "de");
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    /** Four service JVMs, the broker and the test share two cores: the serial collector and the C1 compiler only. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static DeepLStandIn deepL;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start(Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));
        registry = EmbeddedSchemaRegistry.start();
        deepL = new DeepLStandIn("scale-out-it:fx").start();
        deepL.setLatency(Duration.ofMillis(20), Duration.ofMillis(30));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : java.util.Arrays.asList(deepL, registry, broker)) {
            if (started != null) {
                started.close();
            }
        }
    }

    private Map<String, String> settings(String instance, Path stateDirs) {
        Map<String, String> env = TestConfigs.ownTopicSettings(broker.bootstrapServers(), registry.url(), deepL, APP);
        env.put("TARGET_LANGUAGES", "EN-US,DE");
        env.put("STATE_DIR", stateDirs.resolve(instance).toString());
        env.put("TRANSLATION_MODE", "async");
        env.put("TRANSLATION_CONCURRENCY", "4");
        env.put("QUALITY_CHECKS", "false"); // four JVMs share two cores: spend them on the pipeline itself
        env.put("GROUP_INSTANCE_ID", instance);
        env.put("SESSION_TIMEOUT_MS", "6000"); // the broker's minimum
        env.put("TRANSLATION_BACKPRESSURE_TIMEOUT_MS", "5000");
        env.put("TRANSACTION_TIMEOUT_MS", "10000");
        env.put("SHUTDOWN_TIMEOUT_MS", Long.toString(SHUTDOWN_TIMEOUT.toMillis()));
        env.put("HTTP_PORT", "0"); // several instances on one machine
        return env;
    }

    @Test
    void instancesShareThePartitionsAndAKilledInstanceLosesAndDuplicatesNothing(@TempDir Path stateDirs) throws Exception {
        ServiceConfig config = TestConfigs.load(settings("instance-1", stateDirs));
        ServiceTopics.createTopic(broker.bootstrapServers(), config.topics().input(), PARTITIONS);
        List<RawArticle> feed = IntStream.range(0, ARTICLES).mapToObj(GeneratedArticles::article).toList();

        Map<String, ServiceProcess> instances = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            long begin = System.nanoTime();
            for (String name : List.of("instance-1", "instance-2", "instance-3")) {
                instances.put(name, ServiceProcess.start(settings(name, stateDirs), log(name), JVM_OPTIONS));
            }
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                instances.forEach((name, p) -> assertThat(p.isAlive()).as("%s runs; its log: %s", name, p.log().toAbsolutePath()).isTrue());
                Map<Integer, String> owners = owners(admin, config);
                assertThat(owners).as("every input partition has an owner").containsOnlyKeys(0, 1, 2, 3, 4, 5);
                assertThat(Set.copyOf(owners.values())).as("each of the three instances owns partitions")
                        .containsExactlyInAnyOrder("instance-1", "instance-2", "instance-3");
            });
            System.out.printf("scale-out IT: three instances up and sharing %d partitions after %.1f s%n",
                    PARTITIONS, seconds(System.nanoTime() - begin));

            try (OutputWatcher watcher = new OutputWatcher(admin, config)) {
                long published = System.nanoTime();
                ServiceTopics.publish(broker.bootstrapServers(), config, feed);
                System.out.printf("scale-out IT: published %d articles in %.1f s%n", ARTICLES, seconds(System.nanoTime() - published));

                // Kill an instance while a third of the work is done, and start a fourth.
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                        assertThat(watcher.count("en-us")).as("articles out in en-us").isGreaterThanOrEqualTo(ARTICLES / 3));
                Map<Integer, String> ownersBeforeKill = watcher.latestOwners();
                Set<Integer> orphaned = partitionsOf(ownersBeforeKill, "instance-2");
                int doneAtKill = watcher.count("en-us") + watcher.count("de");
                long killedRss = instances.get("instance-2").peakResidentMiB();
                long killedAt = System.nanoTime();
                instances.get("instance-2").kill();
                instances.put("instance-4", ServiceProcess.start(settings("instance-4", stateDirs), log("instance-4"), JVM_OPTIONS));
                assertThat(orphaned).as("the killed instance owned partitions").isNotEmpty();
                assertThat(doneAtKill).as("killed partway").isLessThan(2 * ARTICLES);

                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    for (String name : List.of("instance-1", "instance-3", "instance-4")) {
                        assertThat(instances.get(name).isAlive()).as("%s runs; its log: %s", name, instances.get(name).log()).isTrue();
                    }
                    for (String language : LANGUAGES) {
                        assertThat(watcher.count(language)).as("articles out in %s", language).isGreaterThanOrEqualTo(ARTICLES);
                    }
                });
                long allDone = System.nanoTime();
                Thread.sleep(1_500); // anything beyond (a duplicate) would arrive now
                watcher.stopSampling();

                // Exactly once per target language, nothing dead-lettered.
                for (String language : LANGUAGES) {
                    assertExactlyOnce(watcher.records(language), feed, config, language);
                }
                assertThat(watcher.records("dlq")).as("dead letters").isEmpty();

                report(watcher, killedAt, published, allDone, doneAtKill, orphaned);
                System.out.printf("scale-out IT: peak resident memory (-Xmx512m): instance-2 %d MiB when killed, %s%n", killedRss,
                        List.of("instance-1", "instance-3", "instance-4").stream()
                                .map(name -> name + " " + instances.get(name).peakResidentMiB() + " MiB").collect(Collectors.joining(", ")));
            }

            // SIGTERM: the survivors close Kafka Streams cleanly within the shutdown timeout.
            for (String name : List.of("instance-1", "instance-3", "instance-4")) {
                ServiceProcess process = instances.get(name);
                long termAt = System.nanoTime();
                process.terminate(SHUTDOWN_TIMEOUT.plusSeconds(15));
                assertThat(process.logText()).as("%s closed cleanly; its log: %s", name, process.log())
                        .contains("Kafka Streams closed cleanly in").contains("staying in the group as " + name);
                System.out.printf("scale-out IT: %s stopped %.1f s after SIGTERM%n", name, seconds(System.nanoTime() - termAt));
            }
        } finally {
            for (ServiceProcess process : instances.values()) {
                process.close();
            }
        }
    }

    // ---- figures ----

    private static void report(OutputWatcher watcher, long killedAt, long published, long allDone, int doneAtKill,
                               Set<Integer> orphaned) {
        System.out.printf("scale-out IT: %d articles x %d languages, 6 partitions, instances 1-3, instance-2 killed (SIGKILL) "
                        + "%.1f s after publishing with %d of %d outputs done, instance-4 started at once; all done after %.1f s%n",
                ARTICLES, LANGUAGES.size(), seconds(killedAt - published), doneAtKill, 2 * ARTICLES, seconds(allDone - published));
        Long reassigned = watcher.firstSampleAfter(killedAt, owners -> orphaned.stream()
                .allMatch(p -> owners.containsKey(p) && !owners.get(p).equals("instance-2")));
        System.out.printf("scale-out IT: the killed instance's partitions %s were reassigned after %s%n", orphaned,
                reassigned == null ? "(not seen)" : String.format("%.1f s", seconds(reassigned - killedAt)));
        Set<Integer> others = new TreeSet<>(IntStream.range(0, PARTITIONS).boxed().toList());
        others.removeAll(orphaned);
        System.out.printf("scale-out IT: rebalance pause: output stood still %.1f s on the killed instance's partitions, "
                        + "at most %.1f s on the others%n",
                seconds(watcher.longestGapAfter(killedAt, orphaned)), seconds(watcher.longestGapAfter(killedAt, others)));
        Map<String, Integer> share = watcher.sharePerInstance();
        int total = share.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("scale-out IT: share of the %d outputs per instance (by partition owner when it came out): %s%n", total,
                share.entrySet().stream().map(e -> String.format("%s %d (%.0f%%)", e.getKey(), e.getValue(), 100.0 * e.getValue() / total))
                        .collect(Collectors.joining(", ")));
        System.out.printf("scale-out IT: lost 0, duplicated 0; %d DeepL requests%n", deepL.requestCount());
    }

    private static void assertExactlyOnce(List<Output> out, List<RawArticle> feed, ServiceConfig config, String language) {
        Deserializer<Article> articles = ServiceTopics.serde(Article.class, config).deserializer();
        Map<String, Integer> seen = new HashMap<>();
        for (Output output : out) {
            Article article = articles.deserialize(config.topics().outputPrefix() + language, output.value());
            assertThat(output.key()).isEqualTo(article.getId());
            seen.merge(article.getId() + "@" + article.getVersion(), 1, Integer::sum);
        }
        Set<String> expected = feed.stream().map(a -> a.getId() + "@" + a.getRevision()).collect(Collectors.toSet());
        assertThat(seen.keySet()).as("every article out in %s (lost: none)", language).isEqualTo(expected);
        assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("articles out more than once in %s", language).isEmpty();
    }

    // ---- group and output watching ----

    /** Which instance owns each input partition now (the instance's name is its group.instance.id less "-<thread>"). */
    private static Map<Integer, String> owners(Admin admin, ServiceConfig config) throws Exception {
        Map<Integer, String> owners = new TreeMap<>();
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(APP)).all().get().get(APP);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return owners; // no instance has joined yet
            }
            throw e;
        }
        if (group.groupState() != GroupState.STABLE) {
            return owners;
        }
        for (MemberDescription member : group.members()) {
            String id = member.groupInstanceId().orElse(member.clientId());
            String instance = id.contains("-") ? id.substring(0, id.lastIndexOf('-')) : id;
            for (TopicPartition tp : member.assignment().topicPartitions()) {
                if (tp.topic().equals(config.topics().input())) {
                    owners.put(tp.partition(), instance);
                }
            }
        }
        return owners;
    }

    private static Set<Integer> partitionsOf(Map<Integer, String> owners, String instance) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(instance)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Path log(String instance) {
        return Path.of("target", "scale-out-it-" + instance + ".log");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private record Output(String topic, int partition, String key, byte[] value, long arrivedAt) {
    }

    private record OwnerSample(long at, Map<Integer, String> owners) {
    }

    /**
     * Reads the output and dead-letter topics as a downstream consumer would (read_committed), noting when each
     * record arrived; samples the group's partition owners every 200 ms, to tell who did what and when.
     */
    private static final class OutputWatcher implements AutoCloseable {
        private final ServiceConfig config;
        private final Map<String, List<Output>> byLanguage = new ConcurrentHashMap<>();
        private final List<OwnerSample> samples = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicBoolean sampling = new AtomicBoolean(true);
        private final Thread reader;
        private final Thread sampler;
        private volatile Throwable failure;

        OutputWatcher(Admin admin, ServiceConfig config) {
            this.config = config;
            LANGUAGES.forEach(l -> byLanguage.put(l, new CopyOnWriteArrayList<>()));
            byLanguage.put("dlq", new CopyOnWriteArrayList<>());
            reader = new Thread(this::read, "scale-out-reader");
            sampler = new Thread(() -> sample(admin), "scale-out-sampler");
            reader.start();
            sampler.start();
        }

        private void read() {
            Map<String, String> topics = new HashMap<>();
            LANGUAGES.forEach(l -> topics.put(config.topics().outputPrefix() + l, l));
            topics.put(config.topics().deadLetter(), "dlq");
            Map<String, Object> props = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics.keySet()) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        byLanguage.get(topics.get(r.topic())).add(new Output(r.topic(), r.partition(),
                                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), r.value(), System.nanoTime()));
                    }
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        private void sample(Admin admin) {
            while (sampling.get()) {
                try {
                    Map<Integer, String> owners = owners(admin, config);
                    if (!owners.isEmpty()) {
                        samples.add(new OwnerSample(System.nanoTime(), owners));
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the group is rebalancing or the coordinator is busy: sample again
                }
            }
        }

        int count(String language) {
            if (failure != null) {
                throw new AssertionError("the output reader failed", failure);
            }
            return byLanguage.get(language).size();
        }

        List<Output> records(String language) {
            return List.copyOf(byLanguage.get(language));
        }

        Map<Integer, String> latestOwners() {
            return samples.isEmpty() ? Map.of() : samples.get(samples.size() - 1).owners();
        }

        void stopSampling() throws InterruptedException {
            sampling.set(false);
            sampler.join();
        }

        Long firstSampleAfter(long time, java.util.function.Predicate<Map<Integer, String>> condition) {
            return samples.stream().filter(s -> s.at() > time && condition.test(s.owners())).map(OwnerSample::at)
                    .findFirst().orElse(null);
        }

        /** The longest time without output on any of these partitions, from {@code start} to their last output. */
        long longestGapAfter(long start, Set<Integer> partitions) {
            long longest = 0;
            for (int partition : partitions) {
                List<Long> times = new ArrayList<>();
                times.add(start);
                for (String language : LANGUAGES) {
                    byLanguage.get(language).stream().filter(o -> o.partition() == partition && o.arrivedAt() > start)
                            .forEach(o -> times.add(o.arrivedAt()));
                }
                Collections.sort(times);
                for (int i = 1; i < times.size(); i++) {
                    longest = Math.max(longest, times.get(i) - times.get(i - 1));
                }
            }
            return longest;
        }

        /** Outputs per instance, each counted for the owner of its partition when it arrived. */
        Map<String, Integer> sharePerInstance() {
            Map<String, Integer> share = new TreeMap<>();
            for (String language : LANGUAGES) {
                for (Output output : byLanguage.get(language)) {
                    String owner = "unknown";
                    for (OwnerSample sample : samples) {
                        if (sample.at() > output.arrivedAt()) {
                            break;
                        }
                        owner = sample.owners().getOrDefault(output.partition(), owner);
                    }
                    share.merge(owner, 1, Integer::sum);
                }
            }
            return share;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            sampling.set(false);
            reader.join();
            sampler.join();
        }
    }
}
