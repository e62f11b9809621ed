package news.wiretranslation.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private final Readiness readiness = new Readiness();
    private final AtomicReference<KafkaStreams.State> streams = new AtomicReference<>(KafkaStreams.State.CREATED);

    @Test
    void isStartingUntilTheServiceIsBuilt() {
        Readiness.Report report = readiness.report();

        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).isEqualTo("languageModels: loading; kafkaStreams: not started");
    }

    @Test
    void isReadyOnlyWhileKafkaStreamsRuns() {
        readiness.serviceBuilt(streams::get);
        assertThat(readiness.report().reasons()).isEqualTo("kafkaStreams: CREATED");

        streams.set(KafkaStreams.State.RUNNING);
        assertThat(readiness.report().ready()).isTrue();
        assertThat(readiness.report().reasons()).isEmpty();

        streams.set(KafkaStreams.State.REBALANCING);
        assertThat(readiness.report().reasons()).isEqualTo("kafkaStreams: REBALANCING");

        streams.set(KafkaStreams.State.ERROR);
        assertThat(readiness.report().reasons()).isEqualTo("kafkaStreams: ERROR");
    }

    @Test
    void doesNotCheckTheEngineSoThatAPauseLeavesEveryPodReady() {
        readiness.serviceBuilt(streams::get);
        streams.set(KafkaStreams.State.RUNNING);

        Readiness.Report report = readiness.report();

        assertThat(report.ready()).isTrue();
        assertThat(report.checks()).containsOnlyKeys("languageModels", "kafkaStreams");
    }

    @Test
    void saysInJsonWhyItIsNotReady() throws Exception {
        ThreadFailures failures = new ThreadFailures(Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC));
        readiness.serviceBuilt(streams::get);
        readiness.watch(failures);
        streams.set(KafkaStreams.State.PENDING_SHUTDOWN);

        JsonNode body = new ObjectMapper().readTree(HealthServer.json(readiness.report()));

        assertThat(body.path("status").asText()).isEqualTo("NOT_READY");
        assertThat(body.path("reason").asText()).isEqualTo("kafkaStreams: PENDING_SHUTDOWN");
        assertThat(body.path("checks").path("kafkaStreams").path("ok").asBoolean()).isFalse();
        assertThat(body.path("checks").path("streamThreads").path("ok").asBoolean()).isTrue();
    }
}
