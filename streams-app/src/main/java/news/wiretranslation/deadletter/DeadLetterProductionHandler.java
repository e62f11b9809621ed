package news.wiretranslation.deadletter;

import java.util.Map;

import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.Article;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.registry.AvroSerde;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsConfig;
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
 * <p>Under exactly-once a record the producer sent and the broker refused (or the producer refused as larger than
 * {@code max.request.size}) has already doomed its transaction: the producer sends nothing more in it, so a dead letter
 * returned here (KIP-1034's response) would be refused too. Kafka Streams 4.3 offers nothing better for that case. The
 * handler then remembers the refused article in {@link OutputRefusals} and fails the thread; the transaction aborts, the
 * replacement thread processes the input again, and the translate step dead-letters the article instead of writing it.
 * A record that cannot be serialized was never sent, so its dead letter goes out in the same transaction.
 */
public class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetterRecords deadLetters;
    private OutputRefusals refusals;
    private boolean exactlyOnce;
    private Deserializer<Article> articles;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.fromStreamsConfig(configs);
        Object given = configs.get(OutputRefusals.CONFIG);
        refusals = given instanceof OutputRefusals shared ? shared : new OutputRefusals();
        Object guarantee = configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        exactlyOnce = guarantee != null && guarantee.toString().startsWith("exactly_once");
        AvroSerde<Article> serde = new AvroSerde<>(Article.class);
        serde.configure(configs, false);
        articles = serde.deserializer();
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
        if (exactlyOnce) {
            return rememberForTheRetry(record, reason, exception);
        }
        return deadLetter(context, record.topic(), sizeOf(record), reason, exception);
    }

    /** Exactly-once: the transaction is doomed; the translate step dead-letters the article when it comes again. */
    private Response rememberForTheRetry(ProducerRecord<byte[], byte[]> record, DeadLetterReason reason, Exception exception) {
        Article article;
        try {
            article = record.value() == null ? null : articles.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            article = null;
        }
        if (article == null) {
            log.error("The broker refused a record for {} that is not an article ({}); the thread fails",
                    record.topic(), Causes.describe(exception));
            return Response.fail();
        }
        OutputRefusals.Refusal refusal = new OutputRefusals.Refusal(reason, record.topic(), sizeOf(record),
                Causes.describe(exception));
        refusals.remember(article.getId(), article.getVersion(), article.getLanguage(), refusal);
        ArticleLog.event(log.atWarn(), article.getId(), article.getVersion(), Stage.PRODUCE.label())
                .addKeyValue("reason", reason).addKeyValue("targetLanguage", article.getLanguage())
                .log("The broker refused article {} revision {} for {} ({} bytes: {}); the transaction aborts and the "
                                + "article will be dead-lettered when its input is processed again", article.getId(),
                        article.getVersion(), record.topic(), refusal.bytes(), refusal.cause());
        return Response.fail();
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
