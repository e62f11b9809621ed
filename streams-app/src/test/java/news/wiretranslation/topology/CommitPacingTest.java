package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CommitPacingTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        long millis = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final CommitPacing pacing = new CommitPacing(clock);

    @Test
    void caughtUpOutputIsCommittedAtOnceButNotMoreOftenThanTheMinimumInterval() {
        pacing.read(clock.millis() - 50);
        assertThat(pacing.commitDue()).as("nothing emitted yet").isFalse();

        pacing.emitted();
        assertThat(pacing.commitDue()).isTrue();
        assertThat(pacing.commitDue()).as("nothing new since").isFalse();

        pacing.emitted();
        clock.millis += CommitPacing.MIN_INTERVAL.toMillis() - 1;
        assertThat(pacing.commitDue()).as("too soon after the last").isFalse();
        clock.millis += 1;
        assertThat(pacing.commitDue()).isTrue();
    }

    @Test
    void aBacklogLeavesCommitsToTheCommitIntervalUntilTheInputIsCaughtUpAgain() {
        pacing.read(clock.millis() - CommitPacing.CAUGHT_UP_AGE.toMillis() - 1);
        pacing.emitted();
        assertThat(pacing.commitDue()).isFalse();

        pacing.read(clock.millis() - CommitPacing.CAUGHT_UP_AGE.toMillis());
        assertThat(pacing.commitDue()).as("the output emitted during the backlog is still uncommitted").isTrue();
    }

    @Test
    void beforeAnyInputNothingIsAskedFor() {
        pacing.emitted(); // e.g. pending articles of a previous owner, finished at start-up
        assertThat(pacing.commitDue()).isFalse();
    }
}
