package news.wiretranslation.replay;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import news.wiretranslation.avro.Article;
import news.wiretranslation.registry.AvroDeserializer;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * What an output topic holds now for each article, as a compacted topic converges: the last record per key. The
 * replay leaves alone an article whose current output is already what it would write (same revision, pipeline
 * version and translation settings), and one whose output is of a later revision than the record it would replay.
 */
final class OutputIndex {
    /** One article's current output. {@code fingerprint} is null for an article passed through untranslated. */
    record Current(int version, String pipelineVersion, String fingerprint) {
        boolean same(int revision, String pipeline, String expectedFingerprint) {
            return version == revision && Objects.equals(pipelineVersion, pipeline) && Objects.equals(fingerprint, expectedFingerprint);
        }
    }

    private final Map<String, Current> byId;

    private OutputIndex(Map<String, Current> byId) {
        this.byId = byId;
    }

    static OutputIndex empty() {
        return new OutputIndex(Map.of());
    }

    static OutputIndex read(Consumer<byte[], byte[]> consumer, String topic, AvroDeserializer<Article> articles) {
        Map<String, Current> byId = new HashMap<>();
        if (!TopicScan.exists(consumer, topic)) {
            return new OutputIndex(byId);
        }
        TopicScan.read(consumer, topic, TopicScan.whole(consumer, topic), record -> {
            if (record.key() == null) {
                return;
            }
            String id = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                byId.remove(id);
                return;
            }
            Article article = articles.deserialize(topic, record.value());
            byId.put(id, new Current(article.getVersion(), article.getPipelineVersion(),
                    article.getTranslation() == null ? null : article.getTranslation().getSettingsFingerprint()));
        });
        return new OutputIndex(byId);
    }

    Current get(String id) {
        return byId.get(id);
    }
}
