package news.wiretranslation.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether this pod does its work: ready only when the language models are loaded, Kafka Streams is RUNNING and stream
 * threads do not keep failing (a thread replaced again and again on the same record is RUNNING in Kafka Streams' eyes).
 * Before the service exists (models loading) it is "starting".
 *
 * <p>The translation engine's state (a DeepL quota pause, an open circuit) is not part of it: a pause is the engine's,
 * not the pod's, and hits every pod at once; had it made them all unready, node drains (the PodDisruptionBudget sees
 * every pod down) and rollouts would stall until the engine came back. It has its own endpoint ({@link EngineReport}),
 * gauges and alert. Thread-safe: the HTTP server reads it while the service starts.
 */
public final class Readiness {
    private volatile Supplier<KafkaStreams.State> streams;
    private volatile ThreadFailures threadFailures;

    /** Called once the service is built: its language models are loaded by then. */
    public void serviceBuilt(Supplier<KafkaStreams.State> streamsState) {
        this.streams = streamsState;
    }

    /** Stream threads that keep failing make the instance not ready (see {@link ThreadFailures}). */
    public void watch(ThreadFailures failures) {
        this.threadFailures = failures;
    }

    /** The checks, each with its state; ready when all pass. */
    public Report report() {
        Map<String, Check> checks = new LinkedHashMap<>();
        Supplier<KafkaStreams.State> streamsState = streams;
        if (streamsState == null) {
            checks.put("languageModels", new Check(false, "loading"));
            checks.put("kafkaStreams", new Check(false, "not started"));
            return new Report(checks);
        }
        checks.put("languageModels", new Check(true, "loaded"));
        KafkaStreams.State state = streamsState.get();
        checks.put("kafkaStreams", new Check(state == KafkaStreams.State.RUNNING, state.name()));
        ThreadFailures failures = threadFailures;
        if (failures != null) {
            checks.put("streamThreads", failures.check());
        }
        return new Report(checks);
    }

    /** One condition of readiness: whether it holds, and in words what was found. */
    public record Check(boolean ok, String detail) {
    }

    /** All conditions, in a fixed order. */
    public record Report(Map<String, Check> checks) {
        public boolean ready() {
            return checks.values().stream().allMatch(Check::ok);
        }

        /** Why not ready, e.g. {@code kafkaStreams: REBALANCING; streamThreads: 3 stream thread failures ...}; empty when ready. */
        public String reasons() {
            StringBuilder out = new StringBuilder();
            checks.forEach((name, check) -> {
                if (!check.ok()) {
                    out.append(out.isEmpty() ? "" : "; ").append(name).append(": ").append(check.detail());
                }
            });
            return out.toString();
        }
    }
}
