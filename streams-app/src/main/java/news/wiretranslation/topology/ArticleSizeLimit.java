package news.wiretranslation.topology;

import java.util.Map;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.config.Setting;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Refuses an input record larger than MAX_ARTICLE_BYTES on arrival, before any work is spent decoding, normalizing
 * or translating it: every record the service writes for an article is a few times its size, so a larger one could
 * not be written. The refusal is a {@link DeadLetterException}, which the deserialization handler dead-letters as
 * {@link DeadLetterReason#ARTICLE_TOO_LARGE} with the original bytes (or their prefix, size and checksum).
 */
final class ArticleSizeLimit<T> implements Deserializer<T> {
    private final Deserializer<T> inner;
    private final int maxBytes;

    ArticleSizeLimit(Deserializer<T> inner, int maxBytes) {
        this.inner = inner;
        this.maxBytes = maxBytes;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        check(data);
        return inner.deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        check(data);
        return inner.deserialize(topic, headers, data);
    }

    private void check(byte[] data) {
        if (data != null && data.length > maxBytes) {
            throw new DeadLetterException(DeadLetterReason.ARTICLE_TOO_LARGE, Stage.DESERIALIZE, null,
                    "The article is " + data.length + " bytes, more than the " + maxBytes + " accepted ("
                            + Setting.MAX_ARTICLE_BYTES.env() + ")");
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
