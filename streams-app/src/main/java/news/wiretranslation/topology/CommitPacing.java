package news.wiretranslation.topology;

import java.time.Clock;
import java.time.Duration;

/**
 * When the asynchronous translate step asks Kafka Streams for a commit.
 *
 * <p>Under exactly-once, a commit costs about the same whatever it carries (the stores flushed, the transaction
 * ended with a marker on every partition it wrote to), so a backlog goes through faster in fewer, larger
 * transactions: the service commits every {@link #BACKLOG_COMMIT_INTERVAL} by default. But a reader sees an article
 * only once its transaction has committed, so when the input is caught up (the last record read was under
 * {@link #CAUGHT_UP_AGE} old), the step asks for a commit as soon as it has emitted something, at most every
 * {@link #MIN_INTERVAL} (Kafka's own exactly-once default): a quiet wire keeps its latency, a burst gets the throughput.
 *
 * <p>One per stream thread ({@link PerThread}): Kafka Streams commits all of a thread's tasks together, so the
 * tasks and targets of a thread share one pacing, and a thread asks for at most one commit every {@link #MIN_INTERVAL}.
 */
public final class CommitPacing {
    /** commit.interval.ms in async mode unless COMMIT_INTERVAL_MS says otherwise. */
    public static final Duration BACKLOG_COMMIT_INTERVAL = Duration.ofSeconds(1);
    /**
     * Input this young means the service keeps up with the wire. Chosen by measurement: at half load, the benchmark's
     * p99 latency was 1.0-1.4 s with 1 s here (a stall of a loaded machine is enough to look like a backlog) and
     * 0.7-0.8 s with 3 s, as with Kafka's 100 ms commits.
     */
    static final Duration CAUGHT_UP_AGE = Duration.ofSeconds(3);
    /** Asked-for commits are at least this far apart. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    /** The pacing of each stream thread of one service instance. */
    public static final class PerThread {
        private final ThreadLocal<CommitPacing> pacing;

        public PerThread(Clock clock) {
            this.pacing = ThreadLocal.withInitial(() -> new CommitPacing(clock));
        }

        /** The calling stream thread's pacing. */
        CommitPacing current() {
            return pacing.get();
        }
    }

    private final Clock clock;
    private long lastInputAgeMillis = Long.MAX_VALUE;
    private boolean emittedSinceRequest;
    private long lastRequestMillis = Long.MIN_VALUE / 2;

    CommitPacing(Clock clock) {
        this.clock = clock;
    }

    /** A record was read; {@code timestamp} is its Kafka timestamp. */
    void read(long timestamp) {
        lastInputAgeMillis = clock.millis() - timestamp;
    }

    /** Something was forwarded downstream. */
    void emitted() {
        emittedSinceRequest = true;
    }

    /** Whether to ask for a commit now; when it answers yes, the next answer waits for new output. */
    boolean commitDue() {
        long now = clock.millis();
        if (!emittedSinceRequest || lastInputAgeMillis > CAUGHT_UP_AGE.toMillis()
                || now - lastRequestMillis < MIN_INTERVAL.toMillis()) {
            return false;
        }
        emittedSinceRequest = false;
        lastRequestMillis = now;
        return true;
    }
}
