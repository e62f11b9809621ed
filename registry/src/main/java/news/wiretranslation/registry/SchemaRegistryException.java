package news.wiretranslation.registry;

import java.io.IOException;

/**
 * A registry request that failed, with what is needed to decide what to do about it.
 *
 * <p>{@link #isRetriable()} separates a registry that is down or overloaded (the stream should stop and try again
 * later, never dead-letter good records) from an answer that will not change on retry (a 404, a rejected schema,
 * wrong credentials). The message names the URL path, the subject or schema id, the HTTP status and the registry's
 * own {@code error_code} and message; it never contains credentials.
 */
public class SchemaRegistryException extends RuntimeException {

    /** {@link #httpStatus()} when no HTTP answer arrived at all (connection refused, timeout, interrupted). */
    public static final int NO_HTTP_STATUS = -1;
    /** {@link #errorCode()} when the registry gave no {@code error_code}. */
    public static final int NO_ERROR_CODE = -1;

    /** Confluent's error code for "subject not found". */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code for "version not found". */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent's error code for "schema not found", both by id and under a subject. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The registry answered, but not with success. */
    static SchemaRegistryException httpError(RegistryCall call, int httpStatus, int errorCode, String registryMessage) {
        StringBuilder message = new StringBuilder("Schema registry ").append(call.describe())
                .append(" failed: HTTP ").append(httpStatus);
        if (errorCode != NO_ERROR_CODE) {
            message.append(", error_code ").append(errorCode);
        }
        if (registryMessage != null && !registryMessage.isBlank()) {
            message.append(": ").append(registryMessage);
        }
        return new SchemaRegistryException(message.toString(), httpStatus, errorCode, null);
    }

    /** No registry answered: every URL failed to connect or timed out. */
    static SchemaRegistryException unreachable(RegistryCall call, String urlsTried, IOException cause) {
        String message = "Schema registry " + call.describe() + " failed: no registry reachable at " + urlsTried
                + (cause == null ? "" : " (" + cause + ")");
        return new SchemaRegistryException(message, NO_HTTP_STATUS, NO_ERROR_CODE, cause);
    }

    /**
     * The same failure after the client gave up retrying: the message says how many attempts were made, status and
     * error code are kept, and this exception is the cause.
     */
    SchemaRegistryException afterAttempts(int attempts) {
        return new SchemaRegistryException(getMessage() + " (gave up after " + attempts + " attempts)", httpStatus,
                errorCode, this);
    }

    /** The HTTP status the registry answered with, or {@link #NO_HTTP_STATUS} when it could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code} (e.g. 40403), or {@link #NO_ERROR_CODE}. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * True when the same request may succeed later: the registry could not be reached, answered 5xx, 408 (request
     * timeout) or 429 (too many requests). False for answers that describe the request itself.
     */
    public boolean isRetriable() {
        return httpStatus == NO_HTTP_STATUS || httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
    }
}
