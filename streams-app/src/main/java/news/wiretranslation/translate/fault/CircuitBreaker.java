package news.wiretranslation.translate.fault;

/**
 * Counts consecutive failed engine requests and says when they amount to sustained failure. Opening means: stop
 * sending, and let a probe find out when the engine is back ({@link EngineGuard}); one success in between resets the
 * count, so scattered faults under load never open it. Thread-safe.
 */
public final class CircuitBreaker {
    private final int threshold;
    private int consecutiveFailures;
    private boolean open;

    /** @param threshold consecutive failures that open the breaker, at least 1 */
    public CircuitBreaker(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    /** Counts a failure; true when this one opened the breaker. */
    public synchronized boolean recordFailure() {
        consecutiveFailures++;
        if (!open && consecutiveFailures >= threshold) {
            open = true;
            return true;
        }
        return false;
    }

    /** An answer from the engine: the failures so far were not sustained. Does not close an open breaker. */
    public synchronized void recordSuccess() {
        if (!open) {
            consecutiveFailures = 0;
        }
    }

    /** The engine is back (a probe said so). */
    public synchronized void close() {
        open = false;
        consecutiveFailures = 0;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public int threshold() {
        return threshold;
    }
}
