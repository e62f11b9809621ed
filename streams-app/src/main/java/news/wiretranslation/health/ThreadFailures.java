package news.wiretranslation.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stream-thread failures in a sliding window. One failure now and then is a transient fault that the replacement
 * thread gets past; {@link #THRESHOLD} within {@link #WINDOW} means a thread keeps failing, most likely on the same
 * record, and readiness says so rather than let a loop look healthy. Thread-safe.
 */
public final class ThreadFailures {
    /** Failures within the window that make the instance not ready. */
    public static final int THRESHOLD = 3;
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private String lastCause = "";

    public ThreadFailures(Clock clock) {
        this.clock = clock;
    }

    public synchronized void failed(String cause) {
        recent.addLast(clock.instant());
        lastCause = cause;
        prune();
    }

    /** Failures within the window. */
    public synchronized int recent() {
        prune();
        return recent.size();
    }

    /** The readiness check: ok while failures are rare, with the count and the last cause when they are not. */
    public synchronized Readiness.Check check() {
        int count = recent();
        if (count < THRESHOLD) {
            return new Readiness.Check(true, count + " in the last " + WINDOW.toMinutes() + " min");
        }
        return new Readiness.Check(false, count + " stream thread failures in the last " + WINDOW.toMinutes()
                + " min, last: " + lastCause);
    }

    private void prune() {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
            recent.removeFirst();
        }
    }
}
