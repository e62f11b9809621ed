package news.wiretranslation.replay;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.metrics.PipelineMetrics;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.service.TranslationService;
import news.wiretranslation.topology.TranslationCounters;
import news.wiretranslation.translate.Translator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs a replay as a separate instance of the service, with its own application id, beside the live one: its own
 * consumer group (the live group's offsets are not touched), its own state and internal topics, the same output
 * topics. Before it starts, its translation memory is seeded from the live memory's changelogs, and its group's
 * offsets are set to the range's start; its topology reprocesses only what the {@link ReplayPlan} selects. It stops
 * when every partition has been consumed past the range's end and nothing is left in flight; then its consumer
 * group, internal topics and local state are deleted.
 */
public final class ReplayInstance {
    /**
     * What the replay did.
     *
     * @param billedCharacters what the engine billed for the articles written (their labels' figures)
     * @param sentCharacters   what the service sent to the engine by its own count (code points of the texts neither
     *                         remembered nor shared), for every article translated, also those then left out
     */
    public record Summary(long written, long leftOut, long billedCharacters, long memoryCharacters, Duration elapsed,
                          Map<TargetLanguage, Long> writtenPerTarget, long sentCharacters) {
    }

    private static final Duration CHECK_INTERVAL = Duration.ofMillis(250);

    private final ServiceConfig live;
    private final ServiceConfig replay;
    private final Clock clock;

    /**
     * @param live   the live service's configuration (its application id owns the memory to seed from)
     * @param replay the replay instance's: the live one with its own application id and the replay's targets
     */
    public ReplayInstance(ServiceConfig live, ServiceConfig replay, Clock clock) {
        if (live.applicationId().equals(replay.applicationId())) {
            throw new IllegalArgumentException("a replay instance needs an application id of its own");
        }
        this.live = live;
        this.replay = replay;
        this.clock = clock;
    }

    public Summary run(ReplayPlan plan, LanguageDetector detector, Translator translator, Duration progressInterval,
                       PrintWriter out) throws InterruptedException, ExecutionException {
        String id = replay.applicationId();
        try (Admin admin = Admin.create(replay.kafkaClientProperties())) {
            prepare(admin, plan, out);
            PlannedReplay selection = new PlannedReplay(plan, id, Set.copyOf(live.targetLanguages()));
            long started = clock.millis();
            ReplayProgress progress = new ReplayProgress(plan.outputs(), plan.billedCharacters(), started);
            TranslationService service = TranslationService.create(replay, detector, translator, java.util.Optional.of(selection));
            // The service counts what it sends in the process's global meters (kind="sent"), which keep nothing unless
            // a registry is attached (the replay has no /metrics): one of its own counts this run.
            SimpleMeterRegistry counted = new SimpleMeterRegistry();
            Metrics.globalRegistry.add(counted);
            try (RevisionWatch watch = new RevisionWatch(replay, plan, selection)) {
                watch.start();
                service.start();
                long lastLine = started;
                while (!finished(admin, plan, service)) {
                    KafkaStreams.State state = service.state();
                    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                            || state == KafkaStreams.State.PENDING_ERROR) {
                        throw new IllegalStateException("the replay instance stopped (" + state + "); see the log above");
                    }
                    Thread.sleep(CHECK_INTERVAL.toMillis());
                    long now = clock.millis();
                    if (now - lastLine >= progressInterval.toMillis()) {
                        out.println(progress.line(selection.written() + selection.leftOut(), selection.billedCharacters(), now));
                        out.flush();
                        lastLine = now;
                    }
                }
            } finally {
                service.close();
                Metrics.globalRegistry.remove(counted);
            }
            long now = clock.millis();
            out.println(progress.line(selection.written() + selection.leftOut(), selection.billedCharacters(), now));
            Map<TargetLanguage, Long> perTarget = new HashMap<>();
            plan.targets().forEach(t -> perTarget.put(t, selection.written(t)));
            // Not KafkaStreams#cleanUp: it leaves the directory (and warns "not empty"); this removes all of it.
            ReplayStateDirectory state = ReplayStateDirectory.of(replay);
            state.remove();
            out.printf("removed the replay's state directory %s%n", state.path());
            cleanUp(admin, out);
            return new Summary(selection.written(), selection.leftOut(), selection.billedCharacters(), selection.memoryCharacters(),
                    Duration.ofMillis(now - started), perTarget,
                    PipelineMetrics.charactersCounted(counted, "sent"));
        }
    }

    /** Seeds the memory from the live service's, and sets the replay group's offsets to the range's start. */
    private void prepare(Admin admin, ReplayPlan plan, PrintWriter out) throws InterruptedException, ExecutionException {
        String id = replay.applicationId();
        boolean memoryInUse = replay.memory().enabled() && replay.async().mode() == ServiceConfig.TranslationMode.ASYNC;
        Optional<Short> replication = replay.streams().replicationFactor() < 0
                ? Optional.empty() : Optional.of(replay.streams().replicationFactor());
        if (memoryInUse) {
            try (Consumer<byte[], byte[]> consumer = TopicScan.consumer(replay)) {
                for (TargetLanguage target : plan.targets()) {
                    long copied = MemoryChangelog.seed(admin, consumer, replay, live.applicationId(), id,
                            target, plan.ranges().size(), replication);
                    out.printf("translation memory for %s: %d entries copied from %s%n", target.code(), copied, live.applicationId());
                }
            }
        }
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (PartitionRange range : plan.ranges()) {
            start.put(new TopicPartition(replay.topics().input(), range.partition()), new OffsetAndMetadata(range.start()));
        }
        admin.alterConsumerGroupOffsets(id, start).all().get();
        out.flush();
    }

    /** Every partition consumed past the range's end, and no article still in the translate step. */
    private boolean finished(Admin admin, ReplayPlan plan, TranslationService service)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(replay.applicationId())
                .partitionsToOffsetAndMetadata().get();
        for (PartitionRange range : plan.ranges()) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(replay.topics().input(), range.partition()));
            if (offset == null || offset.offset() < range.end()) {
                return false;
            }
        }
        return inFlight(service.translateStep().counters().snapshot()) == 0;
    }

    private static long inFlight(TranslationCounters.Snapshot counters) {
        return counters.articles() - counters.passedThrough() - counters.translated() - counters.deadLetters();
    }

    /** Deletes the replay's consumer group and internal topics: a finished replay leaves nothing behind. */
    private void cleanUp(Admin admin, PrintWriter out) throws InterruptedException, ExecutionException {
        String id = replay.applicationId();
        admin.deleteConsumerGroups(List.of(id)).all().get();
        Set<String> topics = admin.listTopics().names().get();
        List<String> internal = topics.stream().filter(t -> t.startsWith(id + "-")).sorted().toList();
        if (!internal.isEmpty()) {
            admin.deleteTopics(internal).all().get();
        }
        out.printf("removed the replay's consumer group %s and its %d internal topics%n", id, internal.size());
        out.flush();
    }
}
