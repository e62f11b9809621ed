package news.wiretranslation.topology;

import java.nio.charset.StandardCharsets;

import news.wiretranslation.avro.Article;
import news.wiretranslation.config.TargetLanguage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The replay instance's steps in the topology: selection by input position, and the mark on what it writes. */
final class ReplayFilter {
    private ReplayFilter() {
    }

    /** Forwards input records the replay selects for some target. */
    static <V> FixedKeyProcessorSupplier<String, V, V> anyTarget(ReplaySelection replay) {
        return () -> new Selecting<>((partition, offset) -> replay.selectsAny(partition, offset));
    }

    /** Forwards articles the replay selects for {@code target}. */
    static <V> FixedKeyProcessorSupplier<String, V, V> forTarget(ReplaySelection replay, TargetLanguage target) {
        return () -> new Selecting<>((partition, offset) -> replay.selects(target, partition, offset));
    }

    /** Adds the replay header to each article written for {@code target}, unless the replay leaves it out. */
    static FixedKeyProcessorSupplier<String, Article, Article> marker(ReplaySelection replay, TargetLanguage target) {
        byte[] id = replay.replayId().getBytes(StandardCharsets.UTF_8);
        return () -> new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, Article> context;

            @Override
            public void init(FixedKeyProcessorContext<String, Article> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, Article> record) {
                // A copy: the input's headers may be shared with the other targets' branches.
                RecordHeaders headers = new RecordHeaders(record.headers().toArray());
                headers.remove(ReplaySelection.HEADER);
                headers.add(ReplaySelection.HEADER, id);
                if (replay.write(target, record.value())) {
                    context.forward(record.withHeaders(headers));
                }
            }
        };
    }

    private interface Position {
        boolean selected(int partition, long offset);
    }

    private static final class Selecting<V> implements FixedKeyProcessor<String, V, V> {
        private final Position selection;
        private FixedKeyProcessorContext<String, V> context;

        Selecting(Position selection) {
            this.selection = selection;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, V> record) {
            RecordMetadata position = context.recordMetadata().orElseThrow(
                    () -> new IllegalStateException("a replayed record without its input position"));
            if (selection.selected(position.partition(), position.offset())) {
                context.forward(record);
            }
        }
    }
}
