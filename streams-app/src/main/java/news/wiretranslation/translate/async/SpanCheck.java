package news.wiretranslation.translate.async;

import java.util.List;

import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;

/**
 * Looks at each translated text off the stream thread, after the engine answered and before the article is told:
 * the quality check's search for untranslated spans, kept in the translation memory with the text.
 */
@FunctionalInterface
public interface SpanCheck {
    List<UntranslatedSpan> spans(String translation, Lane lane);
}
