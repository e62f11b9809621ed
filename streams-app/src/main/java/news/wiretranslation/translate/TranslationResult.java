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
 * @param billedPerText          characters billed for each text, same order, when the engine says (DeepL does);
 *                               empty when it does not
 */
public record TranslationResult(List<String> texts, String engine, String engineModel,
                                String detectedSourceLanguage, long billedCharacters, List<Long> billedPerText) {
    public TranslationResult {
        texts = List.copyOf(texts);
        billedPerText = List.copyOf(billedPerText);
        if (!billedPerText.isEmpty() && billedPerText.size() != texts.size()) {
            throw new IllegalArgumentException("billedPerText needs one value per text");
        }
    }

    public TranslationResult(List<String> texts, String engine, String engineModel, String detectedSourceLanguage,
                             long billedCharacters) {
        this(texts, engine, engineModel, detectedSourceLanguage, billedCharacters, List.of());
    }

    /**
     * Characters billed for text {@code i}: as the engine reported, or else the request's bill shared out in
     * proportion to the texts' lengths (so that the shares add up to the bill).
     */
    public long billedFor(int i, List<String> sources) {
        if (!billedPerText.isEmpty()) {
            return billedPerText.get(i);
        }
        if (billedCharacters == 0) {
            return 0;
        }
        long total = 0;
        long before = 0;
        for (int j = 0; j < sources.size(); j++) {
            if (j < i) {
                before += sources.get(j).length();
            }
            total += sources.get(j).length();
        }
        if (total == 0) {
            return 0;
        }
        long upTo = (before + sources.get(i).length()) * billedCharacters / total;
        return upTo - before * billedCharacters / total;
    }
}
