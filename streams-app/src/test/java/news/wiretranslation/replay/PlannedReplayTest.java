package news.wiretranslation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import news.wiretranslation.avro.Article;
import news.wiretranslation.config.TargetLanguage;
import org.junit.jupiter.api.Test;

class PlannedReplayTest {
    private static final TargetLanguage EN_US = TargetLanguage.parse("EN-US");
    private static final TargetLanguage DE = TargetLanguage.parse("DE");

    @Test
    void anArticleRevisedMeanwhileIsLeftOutOnlyForTheLanguagesTheLiveServiceWrites() {
        ReplayPlan plan = new ReplayPlan(List.of(new PartitionRange(0, 0, 10)), List.of(EN_US, DE),
                new news.wiretranslation.metrics.EnginePrice("deepl", true, 25));
        PlannedReplay replay = new PlannedReplay(plan, "replay-1", Set.of(EN_US));
        replay.revised("story-7");

        assertThat(replay.write(EN_US, article("story-7"))).as("the live service writes its new revision").isFalse();
        assertThat(replay.write(DE, article("story-7"))).as("a language only the replay writes").isTrue();
        assertThat(replay.write(EN_US, article("story-8"))).isTrue();
        assertThat(replay.leftOut()).isEqualTo(1);
        assertThat(replay.written()).isEqualTo(2);
        assertThat(replay.written(DE)).isEqualTo(1);
    }

    private static Article article(String id) {
        Article article = new Article();
        article.setId(id);
        return article;
    }
}
