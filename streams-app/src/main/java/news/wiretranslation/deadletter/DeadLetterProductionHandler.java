package news.wiretranslation.deadletter;

import java.util.Map;

import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.logging.ArticleLog;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the service cannot write (too large for the producer or the topic, refused by the broker, or not
 * serializable) becomes a dead letter in the project's one format, with the input record's original bytes (bounded,
 * see {@link BoundedOriginal}), and the stream goes on: Kafka's default handler fails the thread instead, and the
 * replacement thread meets the same record again, for ever. Records to the service's own internal topics
 * (changelogs) and timeouts are not the record's fault: the thread fails and the record is processed again.
 *
 * <p>Under exactly-once a record the broker refused has already doomed its transaction; the dead letter then goes
 * down with it and the thread fails, which {@code StreamFailurePolicy} counts and readiness reports. The topic checks
 * at start-up ({@code TopicLimits}) and the translate step's own size check exist so that it does not come to that.
 */
public class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.fromStreamsConfig(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (record.topic().equals(deadLetters.topic())) {
            // A dead letter that cannot be written cannot become another one (that would never end).
            log.error("Could not write a dead letter to {}: {}", record.topic(), Causes.describe(exception));
            return Response.fail();
        }
        if (isInternal(record.topic()) || exception instanceof RetriableException && !(exception instanceof RecordTooLargeException)) {
            log.warn("Could not write to {} ({}); the thread fails and the record will be processed again",
                    record.topic(), Causes.describe(exception));
            return Response.fail();
        }
        DeadLetterReason reason = Causes.find(exception, RecordTooLargeException.class) != null
                ? DeadLetterReason.OUTPUT_TOO_LARGE : DeadLetterReason.OUTPUT_REFUSED;
        return deadLetter(context, record.topic(), sizeOf(record), reason, exception);
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLetter(context, record.topic(), -1, DeadLetterReason.OUTPUT_REFUSED, exception);
    }

    private Response deadLetter(ErrorHandlerContext context, String topic, long size, DeadLetterReason reason,
                                Exception exception) {
        String message = "Could not write " + (size < 0 ? "a record" : "a record of " + size + " bytes") + " to " + topic
                + ": " + Causes.describe(exception);
        log.atWarn().addKeyValue(ArticleLog.STAGE, Stage.PRODUCE.label()).addKeyValue("reason", reason)
                .log("Dead-lettering the record from {}-{}@{}: {}", context.topic(), context.partition(), context.offset(),
                        message);
        return Response.resume(deadLetters.of(context, reason, Stage.PRODUCE, null, null, message));
    }

    /** Kafka Streams' own topics: a changelog or repartition record that is lost would corrupt the task's state. */
    static boolean isInternal(String topic) {
        return topic.endsWith("-changelog") || topic.endsWith("-repartition");
    }

    private static long sizeOf(ProducerRecord<byte[], byte[]> record) {
        return (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
    }
}
