package news.wiretranslation.translate;

/**
 * A language pair the engine does not translate (Apertium without an installed pair or chain between them): a refusal
 * of the article, not a failure of the engine, so it is counted apart from the engine's errors.
 *
 * @param source the source language as requested, e.g. {@code sv}
 * @param target the target language as requested, e.g. {@code EN-US}
 */
public record UnsupportedPair(String source, String target) {
}
