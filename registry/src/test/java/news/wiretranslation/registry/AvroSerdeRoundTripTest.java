package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeRoundTripTest {

    private static final String SCOPE = "round-trip-test";
    private static final Map<String, Object> CONFIGS = Map.of("schema.registry.url", "mock://" + SCOPE);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> AvroSerde<T> valueSerde(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(CONFIGS, false);
        return serde;
    }

    @Test
    void rawArticleSurvivesTheRoundTripThroughTheMockRegistry() {
        AvroSerde<RawArticle> serde = valueSerde(RawArticle.class);
        RawArticle article = SampleRecords.rawArticle("a-1");

        byte[] bytes = serde.serializer().serialize("articles.raw", article);

        assertThat(serde.deserializer().deserialize("articles.raw", bytes)).isEqualTo(article);
    }

    @Test
    void articleWithItsTranslationLabelSurvivesTheRoundTrip() {
        AvroSerde<Article> serde = valueSerde(Article.class);
        Article article = SampleRecords.translatedArticle();

        byte[] bytes = serde.serializer().serialize("articles.normalized.en", article);

        assertThat(serde.deserializer().deserialize("articles.normalized.en", bytes)).isEqualTo(article);
    }

    @Test
    void deadLetterWithItsOriginalBytesSurvivesTheRoundTrip() {
        AvroSerde<DeadLetter> serde = valueSerde(DeadLetter.class);
        DeadLetter deadLetter = SampleRecords.deadLetter();

        byte[] bytes = serde.serializer().serialize("articles.dlq", deadLetter);

        assertThat(serde.deserializer().deserialize("articles.dlq", bytes)).isEqualTo(deadLetter);
    }

    @Test
    void serdesConfiguredWithTheSameMockScopeShareOneRegistry() {
        AvroSerde<RawArticle> writing = valueSerde(RawArticle.class);
        AvroSerde<RawArticle> reading = valueSerde(RawArticle.class);
        RawArticle article = SampleRecords.rawArticle("a-2");

        byte[] bytes = writing.serializer().serialize("articles.raw", article);

        assertThat(reading.deserializer().deserialize("articles.raw", bytes)).isEqualTo(article);
        assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).containsExactly("articles.raw-value");
    }

    @Test
    void keySerdeRegistersUnderTheKeySubject() {
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);
        serde.configure(CONFIGS, true);

        byte[] bytes = serde.serializer().serialize("articles.raw", SampleRecords.rawArticle("a-3"));

        assertThat(serde.deserializer().deserialize("articles.raw", bytes).getId()).isEqualTo("a-3");
        assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).containsExactly("articles.raw-key");
    }

    @Test
    void nullRecordIsNullBytesAndNullBytesIsNullRecord() {
        AvroSerde<RawArticle> serde = valueSerde(RawArticle.class);

        assertThat(serde.serializer().serialize("articles.raw", null)).isNull();
        assertThat(serde.deserializer().deserialize("articles.raw", null)).isNull();
    }

    @Test
    void serdeWiredInCodeWorksWithoutConfigure() {
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class, new MockSchemaRegistry(), true, false);
        RawArticle article = SampleRecords.rawArticle("a-4");

        byte[] bytes = serde.serializer().serialize("articles.raw", article);

        assertThat(serde.deserializer().deserialize("articles.raw", bytes)).isEqualTo(article);
    }

    @Test
    void oneSerdeInstanceIsSafeToShareBetweenThreads() throws Exception {
        AvroSerde<RawArticle> serde = valueSerde(RawArticle.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int threadNumber = thread;
                results.add(pool.submit(() -> {
                    int matching = 0;
                    for (int i = 0; i < 250; i++) {
                        RawArticle article = SampleRecords.rawArticle("t" + threadNumber + "-" + i);
                        String topic = "articles.raw." + (i % 3);
                        byte[] bytes = serde.serializer().serialize(topic, article);
                        if (serde.deserializer().deserialize(topic, bytes).equals(article)) {
                            matching++;
                        }
                    }
                    return matching;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(250);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(MockSchemaRegistry.forScope(SCOPE).subjects())
                .containsExactly("articles.raw.0-value", "articles.raw.1-value", "articles.raw.2-value");
    }
}
