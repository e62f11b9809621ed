package news.wiretranslation.review.queue;

import news.wiretranslation.avro.Article;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Watches the output topics: when a newer revision of a story is published without review (it was not flagged), an
 * older revision waiting on the desk is removed, so that approving it later cannot turn the published story back.
 */
public final class PublishedRevisions implements Processor<String, Article, Void, Void> {
    private QueueState state;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        state = QueueState.of(context);
    }

    @Override
    public void process(Record<String, Article> record) {
        if (record.value() != null) {
            state.settle(ItemKey.of(record.value()).text(), record.value().getVersion());
        }
    }
}
