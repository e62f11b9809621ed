package news.wiretranslation.translate;

import java.util.List;

/**
 * The engine's answer to one {@link TranslationRequest}.
 *
 * @param texts                  translated texts, one per requested text, same order
 * @param engine                 engine name, e.g. {@code deepl}
 * @param engineModel            the model the engine reports having used (DeepL's model_type_used), or null
 * @param detectedSourceLanguage the source language the engine reports (ISO 639-1, lower case), or null
 * @param billedCharacters       characters the engine billed for the request
 */
public record TranslationResult(List<String> texts, String engine, String engineModel,
                                String detectedSourceLanguage, long billedCharacters) {
    public TranslationResult {
        texts = List.copyOf(texts);
    }
}
