package news.wiretranslation.article;

import news.wiretranslation.avro.RawArticle;

/**
 * An article ready for translation: as delivered, as normalized, and the language it was decided to be in.
 *
 * @param raw        the article as the producer sent it
 * @param text       its normalized headline and paragraphs
 * @param language   ISO 639-1 code of the source language, lower case
 * @param confidence how certain that decision is, 0 to 1
 */
public record DetectedArticle(RawArticle raw, NormalizedArticle text, String language, double confidence) {
}
