package news.wiretranslation.translate.deepl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The misbehaviour {@link DeepLStandIn} has been told to show: latency, a script of failures and hangs for the next
 * requests, a rate limit and an exhausted quota. Tests change it while requests are in flight, so every part is
 * thread-safe: the script and the rate window under this object's lock, the rest in volatile fields.
 */
final class StandInFaults {

    /** What a scripted entry does to the request it meets. */
    enum Action {
        /** Handle the request normally: lets a script fail the n-th request from now. */
        PASS,
        /** Answer with {@code status} (and {@code Retry-After} if set). */
        FAIL,
        /** Hold the request for {@code hang}, then handle it normally. */
        HANG
    }

    /** One entry of the script, consumed by one request. */
    record Scripted(Action action, int status, Duration retryAfter, Duration hang) {
    }

    private final Deque<Scripted> script = new ArrayDeque<>();
    private final Deque<Long> admittedNanos = new ArrayDeque<>();
    private volatile Duration latencyBase = Duration.ZERO;
    private volatile Duration latencyJitter = Duration.ZERO;
    private volatile int requestsPerSecond;
    private volatile boolean quotaExceeded;

    void setLatency(Duration base, Duration jitter) {
        if (base.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        latencyBase = base;
        latencyJitter = jitter;
    }

    /** The latency for one request: the base plus a uniformly drawn share of the jitter. */
    Duration nextLatency() {
        Duration base = latencyBase;
        long jitterNanos = latencyJitter.toNanos();
        return jitterNanos == 0 ? base : base.plusNanos(ThreadLocalRandom.current().nextLong(jitterNanos + 1));
    }

    synchronized void failNext(int n, int status, Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure needs a 4xx or 5xx status, not " + status);
        }
        for (int i = 0; i < n; i++) {
            script.addLast(new Scripted(Action.FAIL, status, retryAfter, Duration.ZERO));
        }
    }

    synchronized void hangNext(int n, Duration hang) {
        for (int i = 0; i < n; i++) {
            script.addLast(new Scripted(Action.HANG, 0, null, hang));
        }
    }

    synchronized void passNext(int n) {
        for (int i = 0; i < n; i++) {
            script.addLast(new Scripted(Action.PASS, 0, null, Duration.ZERO));
        }
    }

    /** Takes the next scripted answer, or null when the script is empty. */
    synchronized Scripted nextScripted() {
        return script.pollFirst();
    }

    void setRateLimit(int requestsPerSecond) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("rate limit must not be negative");
        }
        synchronized (this) {
            this.requestsPerSecond = requestsPerSecond;
            admittedNanos.clear();
        }
    }

    /**
     * Whether one more request fits the rate limit: at most {@code requestsPerSecond} admitted in any sliding
     * second. Refused requests do not count against the window.
     */
    synchronized boolean admit(long nowNanos) {
        if (requestsPerSecond == 0) {
            return true;
        }
        long windowStart = nowNanos - 1_000_000_000L;
        while (!admittedNanos.isEmpty() && admittedNanos.peekFirst() <= windowStart) {
            admittedNanos.pollFirst();
        }
        if (admittedNanos.size() >= requestsPerSecond) {
            return false;
        }
        admittedNanos.addLast(nowNanos);
        return true;
    }

    void setQuotaExceeded(boolean exceeded) {
        quotaExceeded = exceeded;
    }

    boolean quotaExceeded() {
        return quotaExceeded;
    }

    synchronized void clear() {
        script.clear();
        admittedNanos.clear();
        requestsPerSecond = 0;
        latencyBase = Duration.ZERO;
        latencyJitter = Duration.ZERO;
        quotaExceeded = false;
    }
}
