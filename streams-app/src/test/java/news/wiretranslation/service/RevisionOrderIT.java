package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.config.TestConfigs;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.topology.TestArticles;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revision order on the real broker, with exactly-once: revisions 1 and 3 of a story are published by one instance;
 * a second instance, on an empty state directory (so what it knows comes from the gate's changelog, as after a
 * rebalance or on a new pod), then gets revision 2, revision 3 with other text, revision 3 again, and a good article.
 * Read with read_committed: the story's outputs are 1 and 3, the late and the conflicting revisions are dead letters
 * with their original bytes, the repeat is nothing, and the good article arrives.
 */
class RevisionOrderIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static ServiceTestBench bench;

    @BeforeAll
    static void startBench() throws Exception {
        bench = ServiceTestBench.start("revisions-it:fx");
    }

    @AfterAll
    static void stopBench() {
        if (bench != null) {
            bench.close();
        }
    }

    private static RawArticle story(int revision, String update) {
        RawArticle article = TestArticles.french("story");
        article.setRevision(revision);
        article.setBody(article.getBody() + " " + update);
        return article;
    }

    @Test
    void noRevisionOlderThanOnePublishedIsPublishedAfterItAcrossARestartAndAGoodArticleStillArrives(
            @TempDir Path firstState, @TempDir Path secondState) throws Exception {
        ServiceConfig first = TestConfigs.load(bench.settings("revisions-it", firstState));
        ServiceConfig second = TestConfigs.load(bench.settings("revisions-it", secondState));
        bench.createTopic(first.topics().input(), 3);
        TargetLanguage english = TargetLanguage.parse("EN-US");
        AvroSerde<Article> articles = ServiceTopics.serde(Article.class, first);
        String englishTopic = first.topics().output(english);

        RawArticle three = story(3, "Le texte de la révision trois.");
        try (TranslationService service = TranslationService.create(first)) {
            service.start();
            bench.publish(first, List.of(story(1, "Le texte de la révision un."), three));
            assertThat(TopicReader.readUntil(bench.broker.bootstrapServers(), englishTopic, articles.deserializer(),
                    records -> records.size() >= 2, TIMEOUT)).extracting(r -> r.value().getVersion()).containsExactly(1, 3);
        }

        RawArticle two = story(2, "Le texte de la révision deux.");
        RawArticle otherThree = story(3, "Un autre texte sous le même numéro de révision.");
        RawArticle good = TestArticles.german("good");
        try (TranslationService service = TranslationService.create(second)) {
            service.start();
            bench.publish(second, List.of(two, otherThree, three, good));

            List<ConsumerRecord<byte[], Article>> outputs = TopicReader.readUntil(bench.broker.bootstrapServers(),
                    englishTopic, articles.deserializer(), records -> records.size() >= 3, TIMEOUT);
            List<ConsumerRecord<byte[], DeadLetter>> deadLetters = TopicReader.readUntil(bench.broker.bootstrapServers(),
                    second.topics().deadLetter(), ServiceTopics.serde(DeadLetter.class, second).deserializer(),
                    records -> records.size() >= 2, TIMEOUT);
            List<ConsumerRecord<byte[], Article>> german = TopicReader.readUntil(bench.broker.bootstrapServers(),
                    second.topics().output(TargetLanguage.parse("DE")), articles.deserializer(),
                    records -> records.size() >= 3, TIMEOUT);

            assertThat(outputs).extracting(r -> r.value().getId() + "#" + r.value().getVersion())
                    .containsExactly("story#1", "story#3", "good#1");
            assertThat(german).extracting(r -> r.value().getId() + "#" + r.value().getVersion())
                    .containsExactly("story#1", "story#3", "good#1");
            assertThat(outputs.get(1).value().getBody()).anySatisfy(p -> assertThat(p).contains("révision trois"));

            assertThat(deadLetters).extracting(r -> r.value().getReason())
                    .containsExactly("SUPERSEDED_REVISION", "REVISION_CONFLICT");
            AvroSerde<RawArticle> raws = ServiceTopics.serde(RawArticle.class, second);
            assertThat(raws.deserializer().deserialize(second.topics().input(), bytes(deadLetters.get(0).value().getOriginalValue())))
                    .isEqualTo(two);
            assertThat(raws.deserializer().deserialize(second.topics().input(), bytes(deadLetters.get(1).value().getOriginalValue())))
                    .isEqualTo(otherThree);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
