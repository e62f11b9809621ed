package news.wiretranslation.article;

/**
 * The detector's answer.
 *
 * @param language   ISO 639-1 code, lower case (e.g. {@code fr}, {@code nb}, {@code zh})
 * @param confidence 0 to 1: how far ahead of the runner-up the winner is (1 - the runner-up's relative confidence)
 */
public record Detection(String language, double confidence) {
}
