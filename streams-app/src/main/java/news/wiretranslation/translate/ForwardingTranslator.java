package news.wiretranslation.translate;

import news.wiretranslation.glossary.Terminology;

/**
 * A translator that wraps another (retries, counting) and passes everything but {@link #translate} on, so that a
 * wrapper never hides the engine's settings, glossaries or preparation.
 */
public interface ForwardingTranslator extends Translator {

    /** The translator this one wraps. */
    Translator delegate();

    @Override
    default String engine() {
        return delegate().engine();
    }

    @Override
    default String settings() {
        return delegate().settings();
    }

    @Override
    default String settings(String sourceLanguage, String targetLanguage) {
        return delegate().settings(sourceLanguage, targetLanguage);
    }

    @Override
    default TranslationOptions options(String sourceLanguage, String targetLanguage) {
        return delegate().options(sourceLanguage, targetLanguage);
    }

    @Override
    default boolean billsCharacters() {
        return delegate().billsCharacters();
    }

    @Override
    default boolean headlineAsContext() {
        return delegate().headlineAsContext();
    }

    @Override
    default Terminology terminology() {
        return delegate().terminology();
    }

    @Override
    default void prepare() throws TranslationException {
        delegate().prepare();
    }

    @Override
    default void verify() throws TranslationException {
        delegate().verify();
    }

    @Override
    default void probe() throws TranslationException {
        delegate().probe();
    }

    @Override
    default CharacterQuota quota() throws TranslationException {
        return delegate().quota();
    }

    @Override
    default java.util.Optional<java.time.Instant> quotaPeriodEnd() {
        return delegate().quotaPeriodEnd();
    }

    @Override
    default void close() {
        delegate().close();
    }
}
