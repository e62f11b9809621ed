package news.wiretranslation.deadletter;

import java.util.Map;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.registry.SchemaRegistryException;
import news.wiretranslation.registry.WireFormatException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records whose bytes cannot be read as a RawArticle to the dead-letter topic, with the precise reason,
 * inside the same transaction as the rest of the task's output. A registry that is unreachable or refuses the
 * service's credentials is not the record's fault: the thread fails and the record is read again, rather than
 * dead-lettering good data.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.fromStreamsConfig(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        DeadLetterException refused = Causes.find(exception, DeadLetterException.class);
        if (refused != null) {
            // Refused before decoding, e.g. ARTICLE_TOO_LARGE: the step that refused it says why.
            log.atWarn().addKeyValue(ArticleLog.STAGE, refused.stage().label()).addKeyValue("reason", refused.reason())
                    .log("Dead-lettering {}-{}@{}: {} {}", context.topic(), context.partition(), context.offset(),
                            refused.reason(), refused.getMessage());
            return Response.resume(deadLetters.of(context, refused.reason(), refused.stage(), null, null,
                    refused.getMessage()));
        }
        WireFormatException wireFormat = Causes.find(exception, WireFormatException.class);
        SchemaRegistryException registry = Causes.find(exception, SchemaRegistryException.class);
        if (wireFormat == null && registry != null) {
            // Unreachable, or refusing our credentials: the registry's problem, not the record's. Fail the thread so
            // the record is read again once it is fixed, rather than dead-lettering good data.
            log.warn("Schema registry failed while reading {}-{}@{} (HTTP {}); the record will be retried: {}",
                    context.topic(), context.partition(), context.offset(), registry.httpStatus(), registry.getMessage());
            return Response.fail();
        }
        DeadLetterReason reason = wireFormat == null ? DeadLetterReason.MALFORMED_AVRO : reasonFor(wireFormat);
        // The wire-format message says what was wrong and, for a body that does not decode, in which field and at
        // which byte decoding stopped; the innermost cause would say only "EOFException".
        String message = wireFormat != null ? wireFormat.getMessage() : Causes.describe(exception);
        log.atWarn().addKeyValue(ArticleLog.STAGE, Stage.DESERIALIZE.label()).addKeyValue("reason", reason)
                .log("Dead-lettering {}-{}@{}: {} {}", context.topic(), context.partition(), context.offset(), reason, message);
        return Response.resume(deadLetters.of(context, reason, Stage.DESERIALIZE, null, null, message));
    }

    private static DeadLetterReason reasonFor(WireFormatException e) {
        return switch (e.reason()) {
            case NOT_AVRO -> DeadLetterReason.NOT_AVRO;
            case BAD_MAGIC_BYTE -> DeadLetterReason.BAD_MAGIC_BYTE;
            case UNKNOWN_SCHEMA_ID -> DeadLetterReason.UNKNOWN_SCHEMA_ID;
            case MALFORMED_AVRO -> DeadLetterReason.MALFORMED_AVRO;
        };
    }
}
