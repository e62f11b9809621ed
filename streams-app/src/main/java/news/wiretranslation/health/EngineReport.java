package news.wiretranslation.health;

import java.time.Duration;
import java.time.InstantSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.wiretranslation.translate.EngineState;

/**
 * What {@link Endpoints#ENGINE} answers: the translation engine's state, why, and since when. Always 200: the state is
 * information for operators (and their alert), not a verdict on the pod, which is readiness's. Before the service is
 * built there is no engine yet: {@code NOT_STARTED}. Thread-safe.
 */
public final class EngineReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstantSource clock;
    private volatile EngineState engine;

    public EngineReport(InstantSource clock) {
        this.clock = clock;
    }

    /** Called once the service is built, with the state its fault policy keeps. */
    public void serviceBuilt(EngineState engineState) {
        this.engine = engineState;
    }

    /**
     * {@code {"state":"QUOTA_PAUSED","reason":"...","since":"2026-12-07T08:30:00Z","seconds":125}}: seconds in the
     * current state, whole.
     */
    public String json() {
        ObjectNode body = JSON.createObjectNode();
        EngineState state = engine;
        if (state == null) {
            return body.put("state", "NOT_STARTED").toString();
        }
        EngineState.Snapshot now = state.snapshot();
        body.put("state", now.status().name());
        if (!now.reason().isEmpty()) {
            body.put("reason", now.reason());
        }
        body.put("since", now.since().toString());
        body.put("seconds", Math.max(0, Duration.between(now.since(), clock.instant()).toSeconds()));
        return body.toString();
    }
}
