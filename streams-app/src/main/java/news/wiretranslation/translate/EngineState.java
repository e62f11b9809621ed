package news.wiretranslation.translate;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Whether the translation engine takes work now, and since when. The fault policy sets it (circuit open after
 * sustained failure, paused while the quota is exhausted); the engine endpoint and metrics read it. One per instance.
 * Readiness does not: a pause is the engine's, shared by every instance, and must not take them all out of service.
 */
public final class EngineState {
    public enum Status {
        AVAILABLE, CIRCUIT_OPEN, QUOTA_PAUSED
    }

    /** One state: what, why, and when it began (a new reason for the same state keeps the start). */
    public record Snapshot(Status status, String reason, Instant since) {
    }

    private final InstantSource clock;
    private volatile Snapshot current;

    public EngineState() {
        this(InstantSource.system());
    }

    public EngineState(InstantSource clock) {
        this.clock = clock;
        this.current = new Snapshot(Status.AVAILABLE, "", clock.instant());
    }

    public synchronized void set(Status status, String reason) {
        Objects.requireNonNull(status);
        Instant since = current.status() == status ? current.since() : clock.instant();
        current = new Snapshot(status, Objects.requireNonNullElse(reason, ""), since);
    }

    public void available() {
        set(Status.AVAILABLE, "");
    }

    public Status status() {
        return current.status();
    }

    /** Why the engine is not available, in words for the engine endpoint; empty when available. */
    public String reason() {
        return current.reason();
    }

    public boolean isAvailable() {
        return current.status() == Status.AVAILABLE;
    }

    /** The current state with its reason and start, read at once (the three agree). */
    public Snapshot snapshot() {
        return current;
    }

    /** How long the engine has been paused (circuit open or quota used up) until now; zero while available. */
    public Duration pausedFor() {
        Snapshot now = current;
        if (now.status() == Status.AVAILABLE) {
            return Duration.ZERO;
        }
        Duration paused = Duration.between(now.since(), clock.instant());
        return paused.isNegative() ? Duration.ZERO : paused;
    }
}
