package news.wiretranslation.translate;

/**
 * What shapes one request besides its texts and languages, chosen per language pair (and per article for the
 * context). Requests with different options never share a batch.
 *
 * @param glossaryId   the engine's id of the pair's glossary (DeepL), or null
 * @param glossaryHash the content hash of that glossary ({@code Glossary.contentHash}), or null; part of the settings
 *                     fingerprint and of translation-memory keys, so a changed glossary counts as new settings
 * @param context      text that helps the engine but is not translated nor billed (DeepL's {@code context}: the
 *                     article's headline), or null
 */
public record TranslationOptions(String glossaryId, String glossaryHash, String context) {
    public static final TranslationOptions NONE = new TranslationOptions(null, null, null);

    /**
     * The options for one article's texts: the pair's ({@link Translator#options}), with the headline as context
     * when the translator asks for it.
     */
    public static TranslationOptions forArticle(Translator translator, String sourceLanguage, String targetLanguage,
                                                String headline) {
        TranslationOptions options = translator.options(sourceLanguage, targetLanguage);
        return translator.headlineAsContext() && headline != null && !headline.isBlank()
                ? options.withContext(headline) : options;
    }

    /** These options with {@code context}. */
    public TranslationOptions withContext(String context) {
        return new TranslationOptions(glossaryId, glossaryHash, context);
    }

    /** What of these options belongs in the settings fingerprint: the glossary, not the per-article context. */
    public String fingerprint() {
        return glossaryHash == null ? "" : "glossary=" + glossaryHash;
    }
}
