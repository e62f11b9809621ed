package news.wiretranslation.translate.async;

import java.util.Objects;

import news.wiretranslation.translate.TranslationOptions;

/**
 * Texts that can share a request: one source and one target language, and the same options (the glossary id is
 * part of the key, so a batch never mixes texts meant for an old and a new glossary; with the headline as context,
 * each article's texts form their own lane).
 */
public record Lane(String sourceLanguage, String targetLanguage, TranslationOptions options) {
    public Lane {
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        options = options == null ? TranslationOptions.NONE : options;
    }

    /** A lane without glossary or context. */
    public Lane(String sourceLanguage, String targetLanguage) {
        this(sourceLanguage, targetLanguage, TranslationOptions.NONE);
    }
}
