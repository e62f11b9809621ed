package news.wiretranslation.translate;

import java.util.List;
import java.util.Objects;

/**
 * Texts to translate from one language into another.
 *
 * @param sourceLanguage ISO 639-1 code of the source, lower case (e.g. {@code fr})
 * @param targetLanguage target as the engine names it, e.g. {@code EN-US} or {@code DE}
 * @param texts          the texts, in order (headline first, then paragraphs, by convention of the caller)
 * @param options        glossary and context ({@link Translator#options})
 */
public record TranslationRequest(String sourceLanguage, String targetLanguage, List<String> texts,
                                 TranslationOptions options) {
    public TranslationRequest {
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        texts = List.copyOf(texts);
        options = options == null ? TranslationOptions.NONE : options;
    }

    /** A request without glossary or context. */
    public TranslationRequest(String sourceLanguage, String targetLanguage, List<String> texts) {
        this(sourceLanguage, targetLanguage, texts, TranslationOptions.NONE);
    }

    /** Characters of source text in this request: what DeepL bills. */
    public long characters() {
        return texts.stream().mapToLong(String::length).sum();
    }
}
