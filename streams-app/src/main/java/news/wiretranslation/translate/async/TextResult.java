package news.wiretranslation.translate.async;

import java.util.List;

import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;

/**
 * One text's translation.
 *
 * @param text              the translation
 * @param engineModel       the model the engine reported, or null
 * @param detectedLanguage  the source language the engine reported, or null
 * @param billedCharacters  characters billed for it to this article (0 when {@code shared})
 * @param shared            translated for another article at the same moment, and billed to that one
 * @param untranslatedSpans what the dispatcher's {@link SpanCheck} found, or null without one
 */
public record TextResult(String text, String engineModel, String detectedLanguage, long billedCharacters,
                         boolean shared, List<UntranslatedSpan> untranslatedSpans) {
}
