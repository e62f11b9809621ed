package news.wiretranslation.review.queue;

import news.wiretranslation.avro.Article;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts translations from the review topic in the queue: a newer revision of a story replaces the one waiting; one
 * older than what waits, or than what was settled, is dropped. Forwards nothing.
 */
public final class QueueAdmission implements Processor<String, Article, Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(QueueAdmission.class);

    private QueueState state;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        state = QueueState.of(context);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null) {
            return;
        }
        String key = ItemKey.of(article).text();
        if (state.isSettled(key, article.getVersion())) {
            log.info("Review item {} revision {} not queued: it or a newer revision was decided or published", key,
                    article.getVersion());
            return;
        }
        Article waiting = state.waiting(key);
        if (waiting != null && waiting.getVersion() > article.getVersion()) {
            log.info("Review item {} revision {} not queued: revision {} waits already", key, article.getVersion(),
                    waiting.getVersion());
            return;
        }
        state.await(key, article);
    }
}
