package news.wiretranslation.translate;

/**
 * A machine-translation backend. Implementations are thread-safe and make no retries of their own:
 * the pipeline decides when to retry (see {@link TranslationException#isRetriable()}).
 */
public interface Translator extends AutoCloseable {

    /** Short engine name written into every label, e.g. {@code deepl} or {@code apertium}. */
    String engine();

    /**
     * The options that shape this engine's output (model, formality, glossary...), as a stable string. Part of the
     * settings fingerprint on every translation: when it changes, consumers and replays can tell.
     */
    default String settings() {
        return "";
    }

    /**
     * Translates all texts of one request from one source language into one target language.
     * The result holds exactly one translated text per input text, in the same order.
     */
    TranslationResult translate(TranslationRequest request) throws TranslationException;

    /**
     * Checks at start-up that the backend is reachable and the credentials work, so that a bad key
     * stops the service before it consumes anything.
     */
    default void verify() throws TranslationException {
    }

    /**
     * Asks, without translating or billing anything, whether the engine would take work now: the fault policy calls
     * it while translation is paused (circuit open, quota used up) to know when to resume. Throws the failure that
     * still stands, e.g. {@link TranslationException.Kind#QUOTA_EXCEEDED} while the quota is used up. By default the
     * start-up check.
     */
    default void probe() throws TranslationException {
        verify();
    }

    @Override
    default void close() {
    }
}
