package news.wiretranslation.service;

import news.wiretranslation.deadletter.Causes;
import news.wiretranslation.health.ThreadFailures;
import news.wiretranslation.translate.TranslationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream thread's death means. A transient failure (engine or registry unavailable) replaces the thread:
 * its transaction was aborted, so the record is processed again and nothing is lost or duplicated. A rejected
 * engine key cannot heal by retrying, so the instance shuts down loudly instead of spinning. Every failure is counted
 * (a meter, and readiness, which reports not ready while threads keep failing): a loop is never silent.
 */
public final class StreamFailurePolicy implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamFailurePolicy.class);

    private final ThreadFailures failures;
    private final Runnable meter;

    /**
     * @param failures where each failure is counted, for readiness: a thread replaced again and again is a loop
     * @param meter    counts each failure (wire_translation_stream_thread_failures_total)
     */
    public StreamFailurePolicy(ThreadFailures failures, Runnable meter) {
        this.failures = failures;
        this.meter = meter;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        failures.failed(describe(exception));
        meter.run();
        TranslationException translation = Causes.find(exception, TranslationException.class);
        if (translation != null && translation.kind() == TranslationException.Kind.AUTHENTICATION) {
            log.error("Stopping: the translation engine rejected the credentials ({}). Fix DEEPL_AUTH_KEY and restart.",
                    translation.getMessage());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        log.warn("Stream thread failed ({} in the last {} min); replacing it, its records will be processed again: {}",
                failures.recent(), ThreadFailures.WINDOW.toMinutes(), describe(exception));
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /**
     * The failure as readiness reports it: where, from the first line of Kafka Streams' own message (it names the topic
     * a record could not be sent to, or the task and offset being processed), and why, the innermost cause. The cause
     * alone ("a message larger than the max message size") would not tell an operator which topic to fix.
     */
    static String describe(Throwable exception) {
        String why = Causes.describe(exception);
        StreamsException streams = Causes.find(exception, StreamsException.class);
        if (streams == null || streams.getMessage() == null) {
            return why;
        }
        String where = streams.getMessage().lines().findFirst().orElse("")
                .replaceFirst(", stacktrace=.*$", "").replaceFirst("\\s*due to:?\\s*$", "").strip();
        return where.isEmpty() || where.equals(why) ? why : where + ": " + why;
    }
}
