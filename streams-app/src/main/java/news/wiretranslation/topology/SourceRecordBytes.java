package news.wiretranslation.topology;

import java.util.Optional;

import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * The input record's key and value bytes as they were read, which a dead letter written later (after an asynchronous
 * refusal) must carry. Kafka Streams keeps them for its dead-letter handlers (KIP-1034) but offers them to processors
 * only through its internal {@link ProcessorRecordContext}: this class is the project's one use of Kafka Streams'
 * internal API, and {@code SourceRecordBytesTest} fails when an upgrade takes it away.
 */
record SourceRecordBytes(byte[] key, byte[] value) {
    static final SourceRecordBytes NONE = new SourceRecordBytes(null, null);

    /** The bytes of the record being processed, or {@link #NONE} where Kafka Streams does not tell (a punctuation). */
    static SourceRecordBytes of(Optional<RecordMetadata> metadata) {
        if (metadata.isPresent() && metadata.get() instanceof ProcessorRecordContext source) {
            return new SourceRecordBytes(source.sourceRawKey(), source.sourceRawValue());
        }
        return NONE;
    }
}
