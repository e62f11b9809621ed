package news.wiretranslation.translate.async;

import java.util.List;

import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;

/**
 * Looks at each translated text off the stream thread, after the engine answered and before the article is told:
 * the quality check's search for untranslated spans (a comparison of the translation with the text sent), kept in
 * the translation memory with the text.
 */
@FunctionalInterface
public interface SpanCheck {
    List<UntranslatedSpan> spans(String source, String translation, Lane lane);
}
