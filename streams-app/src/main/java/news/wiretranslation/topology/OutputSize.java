package news.wiretranslation.topology;

import java.nio.charset.StandardCharsets;

import news.wiretranslation.avro.Article;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The size of the record an output article makes, as the producer counts it against max.request.size: key, headers
 * and the Avro value (encoded here once more; the Confluent wire format's header is smaller than the encoder's), with
 * room for the record's framing.
 */
final class OutputSize {
    /** Record and batch framing, and the difference between the two Avro headers, generously. */
    private static final int FRAMING_BYTES = 1024;

    private OutputSize() {
    }

    static long of(String key, Headers headers, Article article) {
        long size = FRAMING_BYTES + (key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length);
        if (headers != null) {
            for (Header header : headers) {
                size += header.key().length() + (header.value() == null ? 0 : header.value().length);
            }
        }
        try {
            return size + Article.getEncoder().encode(article).remaining();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
