package news.wiretranslation.registry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.avro.Translation;

/** Fully populated records of each generated class, with millisecond timestamps as the Avro schemas store them. */
final class SampleRecords {

    private SampleRecords() {
    }

    static RawArticle rawArticle(String id) {
        return RawArticle.newBuilder()
                .setId(id)
                .setSource("afp")
                .setUrl("https://example.org/" + id)
                .setHeadline("Élections : le second tour aura lieu dimanche")
                .setBody("<p>Premier paragraphe.</p><p>Deuxième paragraphe.</p>")
                .setBodyFormat(BodyFormat.HTML)
                .setDeclaredLanguage("fr")
                .setRevision(2)
                .setUrgency(3)
                .setPublishedAt(Instant.parse("2026-03-01T08:15:30.123Z"))
                .setReceivedAt(Instant.parse("2026-03-01T08:15:31.456Z"))
                .setAttributes(Map.of("slug", "elections", "category", "POL"))
                .build();
    }

    static Article translatedArticle() {
        return Article.newBuilder()
                .setUri("urn:wire-translation:afp:a-1:en")
                .setId("a-1")
                .setVersion(2)
                .setLanguage("en")
                .setHeadline("Elections: the second round will take place on Sunday")
                .setBody(List.of("First paragraph.", "Second paragraph."))
                .setVersionCreated(Instant.parse("2026-03-01T08:15:30.123Z"))
                .setSource("afp")
                .setOriginalUrl(null)
                .setMachineTranslated(true)
                .setDetectedLanguage("fr")
                .setDetectionConfidence(0.97)
                .setTranslation(Translation.newBuilder()
                        .setEngine("deepl")
                        .setEngineModel("quality_optimized")
                        .setSourceLanguage("fr")
                        .setDetectionConfidence(0.97)
                        .setOriginalArticleId("a-1")
                        .setTranslatedAt(Instant.parse("2026-03-01T08:15:32.000Z"))
                        .setBilledCharacters(87)
                        .setDisclaimer("Machine-translated from French by DeepL.")
                        .build())
                .setProcessedAt(Instant.parse("2026-03-01T08:15:32.500Z"))
                .setPipelineVersion("0.1.0-SNAPSHOT")
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setReason("BAD_MAGIC_BYTE")
                .setMessage("first byte is 123")
                .setStage("deserialize")
                .setArticleId(null)
                .setTargetLanguage(null)
                .setOriginalTopic("articles.raw")
                .setOriginalPartition(3)
                .setOriginalOffset(42L)
                .setOriginalKey(ByteBuffer.wrap("a-1".getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(new byte[] {123, 34, 105, 100, 34}))
                .setFailedAt(Instant.parse("2026-03-01T08:15:33.000Z"))
                .setPipelineVersion("0.1.0-SNAPSHOT")
                .build();
    }
}
