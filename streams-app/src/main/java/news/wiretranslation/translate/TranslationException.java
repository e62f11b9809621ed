package news.wiretranslation.translate;

/** A translation that failed, classified so that the pipeline knows whether to retry, pause or dead-letter. */
public class TranslationException extends Exception {
    /** The configuration fault of a glossary the engine does not know (the tag of the configuration-faults meter). */
    public static final String GLOSSARY_NOT_FOUND = "glossary_not_found";
    /**
     * The configuration fault of a style rule or translation memory the engine does not know (deleted at DeepL after
     * start-up checked it): the service cannot recreate what it does not own, so the pair is held until it is back.
     */
    public static final String CUSTOMIZATION_NOT_FOUND = "customization_not_found";
    /** The configuration fault of a proxy that refuses the credentials it was given. */
    public static final String PROXY_AUTHENTICATION = "proxy_authentication";
    /**
     * Every configuration fault an engine reports: the series of each exists from start-up (at 0), so that the alert
     * on {@code wire_translation_engine_configuration_faults_total} has a series to compare before the first fault.
     */
    public static final java.util.List<String> CONFIGURATION_FAULTS = java.util.List.of(GLOSSARY_NOT_FOUND, PROXY_AUTHENTICATION,
            CUSTOMIZATION_NOT_FOUND);


    /** What kind of failure this was; drives the pipeline's fault policy. */
    public enum Kind {
        /** 429: too many requests. Retry after a pause. */
        RATE_LIMITED(true),
        /** 456: the account's character quota is used up. Pause translation; never dead-letter. */
        QUOTA_EXCEEDED(true),
        /** 5xx or a response that could not be read. Retry. */
        SERVER_ERROR(true),
        /** Timeout or connection failure. Retry. */
        UNAVAILABLE(true),
        /** 403: the key is wrong or revoked. Stop the service. */
        AUTHENTICATION(false),
        /**
         * The engine's configuration, not the article, is at fault (e.g. DeepL no longer knows a glossary the service
         * owns): the translator repairs what it can and the request is retried, with backoff, until it succeeds.
         * Never a dead letter; {@link TranslationException#configurationFault()} names the fault.
         */
        CONFIGURATION(true),
        /** 400 and the like: the engine refuses this input (e.g. an unsupported language pair). Dead-letter the article. */
        REJECTED(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    private final Kind kind;
    private final java.time.Duration retryAfter;
    private String configurationFault;
    private UnsupportedPair unsupportedPair;

    public TranslationException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    /** @param retryAfter how long the engine asked to wait before the next request ({@code Retry-After}), or null */
    public TranslationException(Kind kind, String message, Throwable cause, java.time.Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public TranslationException(Kind kind, String message) {
        this(kind, message, null);
    }

    /**
     * A {@link Kind#CONFIGURATION} failure.
     *
     * @param fault what is wrong, a short code for metrics and logs (e.g. {@code glossary_not_found})
     */
    public static TranslationException configuration(String fault, String message, Throwable cause) {
        TranslationException e = new TranslationException(Kind.CONFIGURATION, message, cause);
        e.configurationFault = fault;
        return e;
    }

    /**
     * A {@link Kind#REJECTED} failure because the engine does not translate {@code source} to {@code target}: the
     * article is dead-lettered as for any refusal, but the refusal is no error of the engine (see
     * {@link #unsupportedPair()}).
     */
    public static TranslationException unsupportedPair(String source, String target, String message) {
        TranslationException e = new TranslationException(Kind.REJECTED, message);
        e.unsupportedPair = new UnsupportedPair(source, target);
        return e;
    }

    /** The pair the engine does not translate, when that is why it refused; empty for every other failure. */
    public java.util.Optional<UnsupportedPair> unsupportedPair() {
        return java.util.Optional.ofNullable(unsupportedPair);
    }

    /** For a {@link Kind#CONFIGURATION} failure, its code (e.g. {@code glossary_not_found}); otherwise null. */
    public String configurationFault() {
        return kind == Kind.CONFIGURATION && configurationFault == null ? "other" : configurationFault;
    }

    public Kind kind() {
        return kind;
    }

    /** The engine's {@code Retry-After}, when it sent one: the fault policy waits at least this long. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public boolean isRetriable() {
        return kind.retriable();
    }
}
