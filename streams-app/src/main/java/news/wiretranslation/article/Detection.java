package news.wiretranslation.article;

/**
 * The detector's answer.
 *
 * @param language   ISO 639-1 code, lower case (e.g. {@code fr}, {@code nb}, {@code zh})
 * @param confidence 0 to 1: how often a detection like this one is right (calibrated on a labelled set, see
 *                   docs/detection.md); a detector narrowed to a few languages reports its raw margin instead
 */
public record Detection(String language, double confidence) {
}
