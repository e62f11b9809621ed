package news.wiretranslation.translate.meters;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import news.wiretranslation.translate.EngineState;

/**
 * The translation engine's state as gauges: {@code wire_translation_engine_state{state}} is 1 for the current state
 * and 0 for the others, so that "circuit open" and "quota paused" can be graphed; and
 * {@code wire_translation_engine_paused_for_seconds}, how long the current pause has lasted (0 while available), for
 * the alert on a pause that goes on ({@code WireTranslationEnginePaused}): the paused-seconds counter only grows when a
 * pause ends, too late for that.
 */
public final class EngineStateGauges {
    private EngineStateGauges() {
    }

    public static void bind(MeterRegistry registry, EngineState engine) {
        for (EngineState.Status status : EngineState.Status.values()) {
            Gauge.builder("wire_translation_engine_state", engine, e -> e.status() == status ? 1 : 0)
                    .description("1 for the translation engine's current state (available, circuit_open, quota_paused), else 0")
                    .tag("state", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("wire_translation_engine_paused_for_seconds", engine, e -> e.pausedFor().toMillis() / 1000.0)
                .description("How long the translation engine has been paused (circuit open or quota used up) so far; 0 while available")
                .register(registry);
    }
}
