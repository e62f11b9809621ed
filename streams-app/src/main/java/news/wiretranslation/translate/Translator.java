package news.wiretranslation.translate;

import news.wiretranslation.glossary.Terminology;

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
     * The settings that shape translations for one language pair: {@link #settings()} plus what depends on the pair
     * (DeepL: the target's formality, the protected terms). Part of the settings fingerprint and the memory keys.
     */
    default String settings(String sourceLanguage, String targetLanguage) {
        return settings();
    }

    /**
     * The options every request for this pair carries right now: its glossary (DeepL). The caller adds the context
     * where {@link #headlineAsContext()} asks for it.
     */
    default TranslationOptions options(String sourceLanguage, String targetLanguage) {
        return TranslationOptions.NONE;
    }

    /**
     * True when the engine bills by the character and reports what it billed for each request (DeepL's
     * {@code billed_characters}): only then are its figures compared with the characters the service sent. An engine
     * that bills nothing (Apertium) reports 0 and says false.
     */
    default boolean billsCharacters() {
        return false;
    }

    /** True when requests should carry the article's headline as context (DeepL's {@code context}, not billed). */
    default boolean headlineAsContext() {
        return false;
    }

    /** The glossaries and protected terms this engine applies, for the checks after translation. */
    default Terminology terminology() {
        return Terminology.NONE;
    }

    /**
     * Brings what the engine keeps on its side in line with the configuration before the first translation, and
     * again on each reload: DeepL's glossaries (created, reused or deleted). Reads the terminology files afresh; when
     * nothing changed it does nothing. A bad file throws {@code ConfigException} naming it.
     */
    default void prepare() throws TranslationException {
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

    /**
     * Like {@link #probe()} (nothing translated or billed), and says how many characters the account's quota still
     * allows, so that a quota pause can hold until the engine can take the work waiting: the fault policy compares
     * it with what the dispatcher holds. Throws {@link TranslationException.Kind#QUOTA_EXCEEDED} while the limit is
     * reached. Null when the engine has no quota to tell (the default: {@link #probe()}).
     */
    default CharacterQuota quota() throws TranslationException {
        probe();
        return null;
    }

    /**
     * When the account's current billing period ends, and with it a used-up quota, as the engine last reported it
     * (DeepL: {@code end_time} of {@code /v2/usage}, for Pro keys); empty when it reports none. Read without a
     * request, so that a pause's log line and a gauge can show it.
     */
    default java.util.Optional<java.time.Instant> quotaPeriodEnd() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {
    }
}
