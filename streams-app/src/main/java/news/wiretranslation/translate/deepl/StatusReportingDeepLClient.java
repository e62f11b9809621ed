package news.wiretranslation.translate.deepl;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLException;
import com.deepl.api.NotFoundException;
import com.deepl.api.DeepLClientOptions;
import com.deepl.api.Usage;
import com.deepl.api.http.HttpResponse;

import java.time.Instant;
import java.util.Optional;

/**
 * A {@link DeepLClient} whose generic errors carry the HTTP status.
 *
 * <p>Why: deepl-java 1.17.0 ({@code Translator.checkResponse}) throws dedicated exceptions for 403, 404, 429 and 456,
 * but a plain {@link DeepLException} for everything else: "Bad request" for 400, "Service unavailable" for 503 and
 * "Unknown error" for any other status - 500 and 502 as well as 413 or 422. Telling a retriable server error from
 * a request DeepL will never accept needs the status, so this subclass re-throws those plain exceptions as
 * {@link HttpStatusException}. Dedicated subclasses (429, 456, 403) pass through unchanged.
 */
final class StatusReportingDeepLClient extends DeepLClient {

    /** Set on the thread that asks for the usage, so that {@link #checkResponse} reads that answer's period. */
    private static final ThreadLocal<Boolean> READING_USAGE = ThreadLocal.withInitial(() -> false);

    /** The billing period's end as {@code /v2/usage} last reported it; null when it reported none. */
    private volatile Instant billingPeriodEnd;

    StatusReportingDeepLClient(String authKey, DeepLClientOptions options) {
        super(authKey, options);
    }

    /**
     * deepl-java's usage call, which also remembers the billing period DeepL reports for Pro keys
     * ({@code start_time}, {@code end_time}): deepl-java 1.17's {@link Usage} does not expose it, but its answer
     * passes {@link #checkResponse}, where the body is at hand. So the same request (same proxy, headers, timeout)
     * serves both; no HTTP call of the service's own.
     */
    @Override
    public Usage getUsage() throws DeepLException, InterruptedException {
        READING_USAGE.set(true);
        try {
            return super.getUsage();
        } finally {
            READING_USAGE.set(false);
        }
    }

    /** When the account's billing period ends, as the last usage answer said; empty when it said nothing. */
    Optional<Instant> billingPeriodEnd() {
        return Optional.ofNullable(billingPeriodEnd);
    }

    @Override
    protected void checkResponse(HttpResponse response, boolean inDocumentRequest, boolean usingGlossary)
            throws DeepLException {
        if (READING_USAGE.get() && response.getCode() == 200) {
            billingPeriodEnd = UsagePeriod.end(response.getBody()).orElse(null);
        }
        try {
            super.checkResponse(response, inDocumentRequest, usingGlossary);
        } catch (DeepLException e) {
            if (e.getClass() == DeepLException.class || e instanceof NotFoundException) {
                throw new HttpStatusException(response.getCode(), e);
            }
            throw e;
        }
    }

    /** A DeepL error response that deepl-java reports without a dedicated type, with its HTTP status. */
    static final class HttpStatusException extends DeepLException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HttpStatusException(int status, DeepLException reported) {
            super(reported.getMessage() + " (HTTP " + status + ")", reported);
            this.status = status;
        }

        int status() {
            return status;
        }

        boolean isServerError() {
            return status >= 500;
        }
    }
}
