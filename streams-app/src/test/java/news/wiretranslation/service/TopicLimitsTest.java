package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import org.junit.jupiter.api.Test;

/** Which topics start-up raises (its own changelogs) and which make it stop (everyone else's). */
class TopicLimitsTest {
    private static final long KAFKA_DEFAULT = 1_048_588;
    private final ServiceConfig config = TestConfigs.load(TestConfigs.localSettingsWith("APPLICATION_ID", "newsroom",
            "OUTPUT_TOPIC_PREFIX", "newsroom.out.", "DLQ_TOPIC", "newsroom.dlq"));
    private final long needed = config.sizes().recordLimit();

    @Test
    void theServicesOwnChangelogsBelowTheLimitAreRaisedAndNothingStops() {
        TopicLimits.Plan plan = TopicLimits.plan(config, Map.of(
                "newsroom-story-revisions-changelog", KAFKA_DEFAULT,
                "newsroom-translation-pending-de-changelog", KAFKA_DEFAULT,
                "newsroom-translation-memory-de-changelog", needed,
                "newsroom.out.de", needed));

        assertThat(plan.toRaise()).containsOnlyKeys("newsroom-story-revisions-changelog",
                "newsroom-translation-pending-de-changelog").containsValue(KAFKA_DEFAULT);
        assertThat(plan.tooSmall()).isEmpty();
    }

    @Test
    void outputsDeadLettersAndTopicsOfAnotherApplicationAreNeverChangedButStopStartUp() {
        TopicLimits.Plan plan = TopicLimits.plan(config, Map.of(
                "newsroom.out.de", KAFKA_DEFAULT,
                "newsroom.dlq", KAFKA_DEFAULT,
                "other-app-story-revisions-changelog", KAFKA_DEFAULT,
                "newsroom-something-repartition", KAFKA_DEFAULT));

        assertThat(plan.toRaise()).isEmpty();
        assertThat(plan.tooSmall()).containsOnlyKeys("newsroom.out.de", "newsroom.dlq",
                "other-app-story-revisions-changelog", "newsroom-something-repartition");
    }

    @Test
    void onlyChangelogsNamedAfterTheApplicationIdAreTheServicesOwn() {
        assertThat(List.of("newsroom-story-revisions-changelog", "newsroom-translation-memory-en-us-changelog"))
                .allMatch(topic -> TopicLimits.ownChangelog(config, topic));
        assertThat(List.of("newsroom.out.en-us-changelog", "newsroomx-story-revisions-changelog", "newsroom-story-revisions",
                "newsroom.dlq")).noneMatch(topic -> TopicLimits.ownChangelog(config, topic));
    }
}
