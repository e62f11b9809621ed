package news.wiretranslation.translate;

import java.util.Objects;

/**
 * Whether the translation engine takes work now. The fault policy sets it (circuit open after sustained failure,
 * paused while the quota is exhausted); readiness and metrics read it. One per instance.
 */
public final class EngineState {
    public enum Status {
        AVAILABLE, CIRCUIT_OPEN, QUOTA_PAUSED
    }

    private record Snapshot(Status status, String reason) {
    }

    private volatile Snapshot current = new Snapshot(Status.AVAILABLE, "");

    public void set(Status status, String reason) {
        current = new Snapshot(Objects.requireNonNull(status), Objects.requireNonNullElse(reason, ""));
    }

    public void available() {
        set(Status.AVAILABLE, "");
    }

    public Status status() {
        return current.status();
    }

    /** Why the engine is not available, in words for the health endpoint; empty when available. */
    public String reason() {
        return current.reason();
    }

    public boolean isAvailable() {
        return current.status() == Status.AVAILABLE;
    }
}
