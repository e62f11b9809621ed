package news.wiretranslation.translate.deepl;

import com.deepl.api.AuthorizationException;
import com.deepl.api.ConnectionException;
import com.deepl.api.DeepLException;
import com.deepl.api.QuotaExceededException;
import com.deepl.api.TooManyRequestsException;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;

/**
 * Turns what deepl-java throws into the pipeline's {@link TranslationException} kinds, which decide between retrying,
 * pausing, dead-lettering and stopping.
 *
 * <p>Every message passes through {@link #redact}: the auth key must never reach a log or an exception, even if a
 * server or proxy were to echo it back. A cause whose messages contain the key is dropped for the same reason.
 */
final class DeepLFailures {

    private static final String HIDDEN = "<hidden auth key>";

    /** The configuration fault of a proxy that refuses the credentials of {@code DEEPL_PROXY_URL}. */
    static final String PROXY_AUTHENTICATION = TranslationException.PROXY_AUTHENTICATION;

    private DeepLFailures() {
    }

    /**
     * Classifies a failure of one call to DeepL.
     *
     * @param failure what the client threw
     * @param action  what was being done, for the message (e.g. {@code translating fr -> EN-US (request 2 of 3)})
     * @param authKey the key, only to redact it
     */
    static TranslationException classify(Exception failure, String action, String authKey) {
        if (failure instanceof InterruptedException) {
            // The stream thread is being stopped: keep the flag so that its owner sees it.
            Thread.currentThread().interrupt();
            return failure(Kind.UNAVAILABLE, "interrupted while " + action, failure, authKey);
        }
        if (failure instanceof TooManyRequestsException) {
            return failure(Kind.RATE_LIMITED, "DeepL rate limit hit (HTTP 429) while " + action, failure, authKey);
        }
        if (failure instanceof QuotaExceededException) {
            return failure(Kind.QUOTA_EXCEEDED,
                    "DeepL character quota of this billing period is used up (HTTP 456) while " + action,
                    failure, authKey);
        }
        if (failure instanceof AuthorizationException) {
            return failure(Kind.AUTHENTICATION, "DeepL refused the auth key (HTTP 403) while " + action
                    + "; check the setting " + DeepLSettings.AUTH_KEY_SETTING, failure, authKey);
        }
        if (failure instanceof ConnectionException && proxyRefusedTunnel(failure)) {
            // HTTPS through DEEPL_PROXY_URL: the JDK reports the proxy's 407 to CONNECT as an I/O error, not a status.
            return TranslationException.configuration(PROXY_AUTHENTICATION, redact("the HTTP proxy (setting "
                    + "DEEPL_PROXY_URL) refused the service's credentials for the HTTPS tunnel (HTTP 407) while " + action
                    + " (with HTTPS, the JDK offers Basic credentials only when jdk.http.auth.tunneling.disabledSchemes "
                    + "leaves Basic out: docs/configuration.md)", authKey), null);
        }
        if (failure instanceof ConnectionException) {
            return failure(Kind.UNAVAILABLE, "DeepL unreachable or too slow while " + action + ": "
                    + failure.getMessage(), failure, authKey);
        }
        if (failure instanceof StatusReportingDeepLClient.HttpStatusException status && status.status() == 407) {
            // The proxy of DEEPL_PROXY_URL wants other credentials: the service's configuration, not the article.
            return TranslationException.configuration(PROXY_AUTHENTICATION, redact("the HTTP proxy (setting "
                    + "DEEPL_PROXY_URL) refused the service's credentials (HTTP 407) while " + action, authKey), null);
        }
        if (failure instanceof StatusReportingDeepLClient.HttpStatusException status && customizationNotFound(status)) {
            // A style rule, translation memory or glossary that DeepL no longer knows: the configuration, not the
            // article, is at fault (the service's own glossary is recreated by DeepLTranslator before this matters).
            boolean glossary = String.valueOf(status.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("glossary");
            return TranslationException.configuration(glossary ? TranslationException.GLOSSARY_NOT_FOUND
                    : TranslationException.CUSTOMIZATION_NOT_FOUND, redact("DeepL does not know a resource the request "
                    + "names (" + failure.getMessage() + ") while " + action + "; check DEEPL_STYLE_ID, "
                    + "DEEPL_TRANSLATION_MEMORY_ID, DEEPL_GLOSSARY_IDS", authKey), mentionsKey(failure, authKey) ? null : failure);
        }
        if (failure instanceof StatusReportingDeepLClient.HttpStatusException status) {
            Kind kind = status.isServerError() ? Kind.SERVER_ERROR : Kind.REJECTED;
            String what = status.isServerError() ? "DeepL server error" : "DeepL rejected the request";
            return failure(kind, what + " while " + action + ": " + failure.getMessage(), failure, authKey);
        }
        if (failure instanceof DeepLException) {
            // Other client-side refusals, e.g. a request deepl-java could not build.
            return failure(Kind.REJECTED, "DeepL request refused while " + action + ": " + failure.getMessage(),
                    failure, authKey);
        }
        if (failure instanceof IllegalArgumentException) {
            // deepl-java validates arguments before sending, e.g. target "EN" instead of "EN-GB"/"EN-US".
            return failure(Kind.REJECTED, "DeepL client refused the arguments while " + action + ": "
                    + failure.getMessage(), failure, authKey);
        }
        // deepl-java parses answers with Gson, which throws unchecked exceptions on a malformed body.
        return failure(Kind.SERVER_ERROR, "unreadable answer from DeepL while " + action + ": " + failure,
                failure, authKey);
    }

    /**
     * Whether DeepL answered a translation carrying a glossary id that it does not know that glossary: deepl-java's
     * {@link com.deepl.api.GlossaryNotFoundException} or a 404 (what deepl-java and the DeepL mock report), or a 400
     * whose message names the glossary as not found, unknown or invalid (what the DeepL API itself answered when the
     * glossary had been deleted). Only asked about requests that carried a glossary id.
     */
    static boolean glossaryNotFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.deepl.api.GlossaryNotFoundException) {
                return true;
            }
            if (t instanceof StatusReportingDeepLClient.HttpStatusException status) {
                if (status.status() == 404) {
                    return true;
                }
                String message = String.valueOf(status.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (status.status() == 400 && message.contains("glossary") && (message.contains("not found")
                        || message.contains("unknown") || message.contains("invalid") || message.contains("does not exist"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A 400 or 404 whose message says that a style rule, translation memory or glossary named in the request is not
     * found, unknown or invalid (a bare 404 without such words stays a refusal of the request).
     */
    private static boolean customizationNotFound(StatusReportingDeepLClient.HttpStatusException status) {
        if (status.status() != 400 && status.status() != 404) {
            return false;
        }
        String message = String.valueOf(status.getMessage()).toLowerCase(java.util.Locale.ROOT);
        boolean names = message.contains("style") || message.contains("translation memory") || message.contains("glossary");
        return names && (message.contains("not found") || message.contains("unknown") || message.contains("invalid")
                || message.contains("does not exist"));
    }

    /** The JDK's "Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 ..."", anywhere in the causes. */
    private static boolean proxyRefusedTunnel(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Unable to tunnel through proxy") && message.contains("407")) {
                return true;
            }
        }
        return false;
    }

    /** The message with every occurrence of the key replaced. */
    static String redact(String message, String authKey) {
        if (message == null || authKey == null || authKey.isEmpty()) {
            return message;
        }
        return message.replace(authKey, HIDDEN);
    }

    private static TranslationException failure(Kind kind, String message, Exception cause, String authKey) {
        return new TranslationException(kind, redact(message, authKey), mentionsKey(cause, authKey) ? null : cause);
    }

    private static boolean mentionsKey(Throwable cause, String authKey) {
        if (authKey == null || authKey.isEmpty()) {
            return false;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.toString().contains(authKey)) {
                return true;
            }
        }
        return false;
    }
}
