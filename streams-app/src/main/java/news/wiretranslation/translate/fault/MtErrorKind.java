package news.wiretranslation.translate.fault;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import news.wiretranslation.translate.TranslationException;

/** The {@code kind} tag of {@code wire_translation_mt_errors} for one failure. */
public final class MtErrorKind {
    /** Every kind, in the order dashboards list them; each series exists from start-up, so rate() sees the first error. */
    public static final java.util.List<String> KINDS = java.util.List.of("429", "456", "5xx", "timeout", "connection", "403", "400", "configuration", "other");

    private MtErrorKind() {
    }

    /** One of {@code 429}, {@code 456}, {@code 5xx}, {@code timeout}, {@code connection}, {@code 403}, {@code 400}, {@code configuration}, {@code other}. */
    public static String of(TranslationException failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED -> "429";
            case QUOTA_EXCEEDED -> "456";
            case SERVER_ERROR -> "5xx";
            case UNAVAILABLE -> isTimeout(failure) ? "timeout" : "connection";
            case AUTHENTICATION -> "403";
            case REJECTED -> "400";
            case CONFIGURATION -> "configuration";
        };
    }

    /** A timeout shows as a timeout exception in the chain, or (when the cause was dropped) in the message. */
    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || (t instanceof InterruptedIOException && !(t instanceof java.nio.channels.ClosedByInterruptException))) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
