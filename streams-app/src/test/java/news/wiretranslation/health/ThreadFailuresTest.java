package news.wiretranslation.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aThreadThatKeepsFailingMakesTheInstanceNotReadyWithTheCauseAndRecoversOnceTheFailuresAgeOut() {
        ThreadFailures failures = new ThreadFailures(clock);
        Readiness readiness = new Readiness();
        readiness.serviceBuilt(() -> KafkaStreams.State.RUNNING);
        readiness.watch(failures);

        failures.failed("the broker refused a record");
        assertThat(readiness.report().ready()).as("one failure is a transient fault").isTrue();
        failures.failed("the broker refused a record");
        failures.failed("Invalid timestamp: -1");

        Readiness.Report report = readiness.report();
        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).contains("streamThreads: 3 stream thread failures").contains("Invalid timestamp: -1");

        now.set(now.get().plus(ThreadFailures.WINDOW).plus(Duration.ofSeconds(1)));
        assertThat(readiness.report().ready()).isTrue();
        assertThat(failures.recent()).isZero();
    }
}
