package news.wiretranslation.translate.deepl;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link UsagePeriod}: the billing period's end in DeepL's usage answer. */
class UsagePeriodTest {

    @Test
    void theEndTimeOfAProKeysAnswerIsRead() {
        assertThat(UsagePeriod.end("{\"character_count\":180118,\"character_limit\":1250000,"
                + "\"start_time\":\"2026-12-01T00:00:00Z\",\"end_time\":\"2027-01-01T00:00:00Z\"}"))
                .contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(UsagePeriod.end("{\"end_time\":\"2027-01-01T01:00:00+01:00\"}"))
                .as("an offset other than Z").contains(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void anAnswerWithoutAPeriodOrUnreadableGivesNothingAndNoError() {
        assertThat(UsagePeriod.end("{\"character_count\":1,\"character_limit\":500000}")).as("a Free key").isEmpty();
        assertThat(UsagePeriod.end("{\"end_time\":\"next month\"}")).isEmpty();
        assertThat(UsagePeriod.end("not json")).isEmpty();
        assertThat(UsagePeriod.end("")).isEmpty();
    }
}
