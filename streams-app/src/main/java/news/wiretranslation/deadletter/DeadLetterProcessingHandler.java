package news.wiretranslation.deadletter;

import java.util.Map;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.registry.SchemaRegistryException;
import news.wiretranslation.translate.TranslationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a record when a pipeline step throws.
 * <ul>
 *   <li>{@link DeadLetterException}: the record can never succeed; it goes to the dead-letter topic with the
 *       step's reason and the original bytes, and the stream continues.</li>
 *   <li>A retriable translation or registry failure: not the record's fault. The thread fails, the transaction
 *       aborts, and the record is processed again by a replacement thread: nothing lost, nothing duplicated.</li>
 *   <li>A rejected key: fail, so that the service stops loudly.</li>
 *   <li>Anything else is a defect in the service: the record is dead-lettered as PROCESSING_ERROR so that it can
 *       be replayed once fixed, rather than blocking every record behind it.</li>
 * </ul>
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.fromStreamsConfig(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        DeadLetterException deadLetter = Causes.find(exception, DeadLetterException.class);
        if (deadLetter != null) {
            ArticleLog.event(log.atInfo(), deadLetter.articleId(), null, deadLetter.stage().label())
                    .addKeyValue("reason", deadLetter.reason())
                    .log("Dead-lettering article {} from {}-{}@{}: {} at {}: {}", deadLetter.articleId(), context.topic(),
                            context.partition(), context.offset(), deadLetter.reason(), deadLetter.stage().label(),
                            deadLetter.getMessage());
            return Response.resume(deadLetters.of(context, deadLetter.reason(), deadLetter.stage(),
                    deadLetter.articleId(), deadLetter.targetLanguage(), deadLetter.getMessage()));
        }
        if (isTransient(exception)) {
            log.warn("Transient failure at {} for {}-{}@{}; the record will be processed again: {}",
                    context.processorNodeId(), context.topic(), context.partition(), context.offset(),
                    Causes.describe(exception));
            return Response.fail();
        }
        TranslationException translation = Causes.find(exception, TranslationException.class);
        if (translation != null && translation.kind() == TranslationException.Kind.AUTHENTICATION) {
            log.error("The translation engine rejected the credentials: {}", translation.getMessage());
            return Response.fail();
        }
        log.error("Unexpected failure at {} for {}-{}@{}; dead-lettering the record", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), exception);
        return Response.resume(deadLetters.of(context, DeadLetterReason.PROCESSING_ERROR, Stage.PRODUCE, null, null,
                "at " + context.processorNodeId() + ": " + Causes.describe(exception)));
    }

    /** A failure that another attempt may not meet: an engine or registry that is slow, limited or down. */
    static boolean isTransient(Throwable exception) {
        TranslationException translation = Causes.find(exception, TranslationException.class);
        if (translation != null) {
            return translation.isRetriable();
        }
        SchemaRegistryException registry = Causes.find(exception, SchemaRegistryException.class);
        return registry != null && registry.isRetriable();
    }
}
