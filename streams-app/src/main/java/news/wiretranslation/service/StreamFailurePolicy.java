package news.wiretranslation.service;

import news.wiretranslation.deadletter.Causes;
import news.wiretranslation.translate.TranslationException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream thread's death means. A transient failure (engine or registry unavailable) replaces the thread:
 * its transaction was aborted, so the record is processed again and nothing is lost or duplicated. A rejected
 * engine key cannot heal by retrying, so the instance shuts down loudly instead of spinning.
 */
public final class StreamFailurePolicy implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamFailurePolicy.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        TranslationException translation = Causes.find(exception, TranslationException.class);
        if (translation != null && translation.kind() == TranslationException.Kind.AUTHENTICATION) {
            log.error("Stopping: the translation engine rejected the credentials ({}). Fix DEEPL_AUTH_KEY and restart.",
                    translation.getMessage());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        log.warn("Stream thread failed; replacing it, its records will be processed again: {}", Causes.describe(exception));
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
