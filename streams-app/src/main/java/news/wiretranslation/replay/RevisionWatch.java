package news.wiretranslation.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.registry.AvroDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the input from where the plan stopped reading it and tells the replay of every article that gets a new
 * revision meanwhile: the live service writes that revision, and the replay must not write an older one after it.
 * The window left is the time between the new revision's arrival and this thread seeing it (a poll).
 */
final class RevisionWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RevisionWatch.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);

    RevisionWatch(ServiceConfig config, ReplayPlan plan, PlannedReplay replay) {
        this.consumer = TopicScan.consumer(config);
        String topic = config.topics().input();
        AvroDeserializer<RawArticle> raws = new AvroDeserializer<>(RawArticle.class);
        raws.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        List<TopicPartition> partitions = plan.inputEnds().keySet().stream().map(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        for (Map.Entry<Integer, Long> end : plan.inputEnds().entrySet()) {
            consumer.seek(new TopicPartition(topic, end.getKey()), end.getValue());
        }
        this.thread = new Thread(() -> {
            try {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        RawArticle raw = ReplayPlanner.decode(raws, topic, record);
                        if (raw != null && raw.getId() != null) {
                            replay.revised(raw.getId());
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                log.warn("Watching the input for new revisions failed; the replay goes on without it", e);
            }
        }, "replay-revision-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
