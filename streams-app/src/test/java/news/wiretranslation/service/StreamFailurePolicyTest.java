package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import news.wiretranslation.health.Readiness;
import news.wiretranslation.health.ThreadFailures;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** A dying stream thread is replaced, counted, and described so that an operator knows what to fix. */
class StreamFailurePolicyTest {
    private static final StreamsException REFUSED_CHANGELOG_RECORD = new StreamsException(
            "Error encountered sending record to topic app-story-revisions-changelog for task 0_0 due to:\n"
                    + "org.apache.kafka.common.errors.RecordTooLargeException: The request included a message larger than "
                    + "the max message size the server will accept.\nException handler choose to FAIL the processing.",
            new RecordTooLargeException("The request included a message larger than the max message size the server will accept."));

    @Test
    void aThreadFailingAgainAndAgainOnARefusedRecordMakesReadinessNameTheTopicAndTheCause() {
        ThreadFailures failures = new ThreadFailures(Clock.systemUTC());
        AtomicInteger meter = new AtomicInteger();
        StreamFailurePolicy policy = new StreamFailurePolicy(failures, meter::incrementAndGet);

        for (int i = 0; i < ThreadFailures.THRESHOLD; i++) {
            assertThat(policy.handle(REFUSED_CHANGELOG_RECORD)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }

        assertThat(meter).hasValue(ThreadFailures.THRESHOLD);
        Readiness.Check check = failures.check();
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("sending record to topic app-story-revisions-changelog for task 0_0")
                .contains("larger than the max message size").doesNotContain("due to");
    }

    @Test
    void aFailureInProcessingIsDescribedByItsTaskAndOffsetWithoutTheStackTrace() {
        String described = StreamFailurePolicy.describe(new StreamsException("Exception caught in process. taskId=0_1, "
                + "processor=to-de, topic=articles.raw, partition=1, offset=42, stacktrace=java.lang.IllegalStateException: "
                + "boom\n\tat news.wiretranslation.Foo.bar(Foo.java:1)", new IllegalStateException("boom")));

        assertThat(described).isEqualTo("Exception caught in process. taskId=0_1, processor=to-de, topic=articles.raw, "
                + "partition=1, offset=42: boom");
    }

    @Test
    void aFailureWithoutKafkaStreamsContextIsItsInnermostCause() {
        assertThat(StreamFailurePolicy.describe(new IllegalStateException("outer", new RuntimeException("inner"))))
                .isEqualTo("inner");
    }
}
