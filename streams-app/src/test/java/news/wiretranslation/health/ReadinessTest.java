package news.wiretranslation.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.translate.EngineState;
import news.wiretranslation.translate.meters.EngineStateGauges;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private final Readiness readiness = new Readiness();
    private final EngineState engine = new EngineState();
    private final AtomicReference<KafkaStreams.State> streams = new AtomicReference<>(KafkaStreams.State.CREATED);

    @Test
    void isStartingUntilTheServiceIsBuilt() {
        Readiness.Report report = readiness.report();

        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).isEqualTo("languageModels: loading; kafkaStreams: not started; translation: not started");
    }

    @Test
    void isReadyOnlyWhenKafkaStreamsRunsAndTheEngineIsAvailable() {
        readiness.serviceBuilt(streams::get, engine);
        assertThat(readiness.report().reasons()).isEqualTo("kafkaStreams: CREATED");

        streams.set(KafkaStreams.State.RUNNING);
        assertThat(readiness.report().ready()).isTrue();
        assertThat(readiness.report().reasons()).isEmpty();

        engine.set(EngineState.Status.CIRCUIT_OPEN, "5 failures in a row");
        assertThat(readiness.report().reasons()).isEqualTo("translation: CIRCUIT_OPEN: 5 failures in a row");

        engine.available();
        streams.set(KafkaStreams.State.REBALANCING);
        assertThat(readiness.report().reasons()).isEqualTo("kafkaStreams: REBALANCING");
    }

    @Test
    void saysInJsonWhyItIsNotReady() throws Exception {
        readiness.serviceBuilt(streams::get, engine);
        streams.set(KafkaStreams.State.RUNNING);
        engine.set(EngineState.Status.QUOTA_PAUSED, "quota used up");

        JsonNode body = new ObjectMapper().readTree(HealthServer.json(readiness.report()));

        assertThat(body.path("status").asText()).isEqualTo("NOT_READY");
        assertThat(body.path("reason").asText()).isEqualTo("translation: QUOTA_PAUSED: quota used up");
        assertThat(body.path("checks").path("kafkaStreams").path("detail").asText()).isEqualTo("RUNNING");
        assertThat(body.path("checks").path("translation").path("ok").asBoolean()).isFalse();
    }

    @Test
    void engineStateGaugesShowTheCurrentStateOnly() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EngineStateGauges.bind(registry, engine);
        engine.set(EngineState.Status.QUOTA_PAUSED, "456");

        assertThat(registry.get("wire_translation_engine_state").tag("state", "quota_paused").gauge().value()).isEqualTo(1);
        assertThat(registry.get("wire_translation_engine_state").tag("state", "available").gauge().value()).isZero();
        assertThat(registry.get("wire_translation_engine_state").tag("state", "circuit_open").gauge().value()).isZero();
    }
}
