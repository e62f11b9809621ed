package news.wiretranslation.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.meters.EngineStateGauges;
import org.junit.jupiter.api.Test;

class EngineReportTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T08:00:00Z"));
    private final InstantSource clock = now::get;
    private final EngineState engine = new EngineState(clock);
    private final EngineReport report = new EngineReport(clock);

    @Test
    void saysNotStartedBeforeTheServiceIsBuilt() throws Exception {
        assertThat(read().path("state").asText()).isEqualTo("NOT_STARTED");
    }

    @Test
    void reportsThePauseWithItsReasonAndSinceWhen() throws Exception {
        report.serviceBuilt(engine);
        advance(Duration.ofMinutes(3));
        engine.set(EngineState.Status.QUOTA_PAUSED, "DeepL character quota used up (HTTP 456)");
        advance(Duration.ofSeconds(125));

        JsonNode body = read();

        assertThat(body.path("state").asText()).isEqualTo("QUOTA_PAUSED");
        assertThat(body.path("reason").asText()).isEqualTo("DeepL character quota used up (HTTP 456)");
        assertThat(body.path("since").asText()).isEqualTo("2026-12-07T08:03:00Z");
        assertThat(body.path("seconds").asLong()).isEqualTo(125);
    }

    @Test
    void aNewReasonForTheSamePauseKeepsItsStart() throws Exception {
        report.serviceBuilt(engine);
        engine.set(EngineState.Status.QUOTA_PAUSED, "used up");
        advance(Duration.ofMinutes(1));
        engine.set(EngineState.Status.QUOTA_PAUSED, "room for the held work again");

        assertThat(read().path("since").asText()).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(engine.pausedFor()).isEqualTo(Duration.ofMinutes(1));

        engine.available();
        JsonNode available = read();
        assertThat(available.path("state").asText()).isEqualTo("AVAILABLE");
        assertThat(available.has("reason")).isFalse();
        assertThat(available.path("since").asText()).isEqualTo("2026-12-07T08:01:00Z");
        assertThat(engine.pausedFor()).isZero();
    }

    @Test
    void gaugesShowTheCurrentStateAndHowLongThePauseHasLasted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EngineStateGauges.bind(registry, engine);
        engine.set(EngineState.Status.CIRCUIT_OPEN, "5 failures in a row");
        advance(Duration.ofMinutes(20));

        assertThat(registry.get("wire_translation_engine_state").tag("state", "circuit_open").gauge().value()).isEqualTo(1);
        assertThat(registry.get("wire_translation_engine_state").tag("state", "available").gauge().value()).isZero();
        assertThat(registry.get("wire_translation_engine_state").tag("state", "quota_paused").gauge().value()).isZero();
        assertThat(registry.get("wire_translation_engine_paused_for_seconds").gauge().value()).isEqualTo(1200);

        engine.available();
        assertThat(registry.get("wire_translation_engine_paused_for_seconds").gauge().value()).isZero();
    }

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    private JsonNode read() throws Exception {
        return new ObjectMapper().readTree(report.json());
    }
}
