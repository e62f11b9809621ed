package news.wiretranslation.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import news.wiretranslation.avro.Article;
import news.wiretranslation.registry.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads an output topic from its start as a downstream consumer does ({@code read_committed}: an article counts once
 * its transaction has committed) and notes when each article arrived; for articles the benchmark published with a
 * {@code receivedAt} ({@link PublishedArticles}), the time from that to its arrival.
 */
final class OutputWatcher implements AutoCloseable {
    /** One article read: when (System.nanoTime()), and its end-to-end latency when it was timed (else -1). */
    record Arrival(long nanos, String key, long latencyMillis, boolean flash) {
    }

    private final KafkaConsumer<byte[], Article> consumer;
    private final PublishedArticles published;
    private final Thread thread;
    private final List<Arrival> arrivals = new ArrayList<>(); // guarded by itself
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    private OutputWatcher(KafkaConsumer<byte[], Article> consumer, PublishedArticles published) {
        this.consumer = consumer;
        this.published = published;
        this.thread = new Thread(this::poll, "benchmark-watcher");
        this.thread.setDaemon(true);
    }

    /** What to wait for before the output topic is looked up: the service, which creates it, being ready. */
    interface Readiness {
        void await(Duration timeout) throws InterruptedException;
    }

    /** Waits until {@code ready} (the service has created its topics), then reads {@code topic} from its start. */
    static OutputWatcher start(String bootstrap, String registryUrl, String topic, PublishedArticles published,
                               Readiness ready) throws InterruptedException {
        ready.await(Duration.ofMinutes(5));
        return start(bootstrap, registryUrl, topic, published);
    }

    static OutputWatcher start(String bootstrap, String registryUrl, String topic, PublishedArticles published) {
        AvroSerde<Article> serde = new AvroSerde<>(Article.class);
        serde.configure(Map.of("schema.registry.url", registryUrl), false);
        KafkaConsumer<byte[], Article> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), serde.deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.isEmpty()) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            if (partitions.isEmpty() && System.nanoTime() > deadline) {
                consumer.close();
                throw new IllegalStateException("no topic " + topic);
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        OutputWatcher watcher = new OutputWatcher(consumer, published);
        watcher.thread.start();
        return watcher;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], Article> record : consumer.poll(Duration.ofMillis(50))) {
                    long nanos = System.nanoTime();
                    long wall = System.currentTimeMillis();
                    Article article = record.value();
                    String key = PublishedArticles.key(article.getId(), article.getVersion());
                    PublishedArticles.Stamp stamp = published.stamp(key);
                    Arrival arrival = new Arrival(nanos, key, stamp == null ? -1 : wall - stamp.receivedAtMillis(),
                            stamp != null && stamp.flash());
                    synchronized (arrivals) {
                        arrivals.add(arrival);
                    }
                }
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            throw e;
        } finally {
            consumer.close();
        }
    }

    int count() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /**
     * Waits until {@code expected} articles have arrived, failing when {@code stillWorking} says the service stopped
     * or {@code timeout} passes without one article arriving (a slow machine is waited for; a stuck service is not).
     */
    void awaitCount(int expected, Duration timeout, BooleanSupplier stillWorking, String what) throws InterruptedException {
        long lastProgress = System.nanoTime();
        int seen = count();
        while (seen < expected) {
            if (!stillWorking.getAsBoolean()) {
                throw new IllegalStateException(what + ": the service stopped with " + seen + " of " + expected + " articles out");
            }
            if (failures.get() > 0) {
                throw new IllegalStateException(what + ": the output watcher failed");
            }
            Thread.sleep(20);
            int now = count();
            if (now > seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new IllegalStateException(what + ": no article out for " + timeout.toSeconds() + " s, " + seen
                        + " of " + expected + " out");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
