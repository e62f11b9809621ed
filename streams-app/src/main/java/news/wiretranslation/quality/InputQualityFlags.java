package news.wiretranslation.quality;

import java.util.List;

import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.normalize.TextNormalizer;

/**
 * Doubts about an article that come from its input rather than from a translation, so they are raised on every
 * output, passed through or translated: today {@value #INVALID_CHARACTERS}, for an original that held bytes that
 * were not valid UTF-8. Normalization removed their replacement characters (and noted {@code invalid-characters});
 * what they stood for is lost, so an editor should compare with the source.
 */
public final class InputQualityFlags {
    public static final String INVALID_CHARACTERS = "INVALID_CHARACTERS";

    private InputQualityFlags() {
    }

    public static List<QualityFlag> of(DetectedArticle article) {
        if (!article.text().rulesApplied().contains(TextNormalizer.INVALID_CHARACTERS_RULE)) {
            return List.of();
        }
        long count = replacementCharacters(article.raw().getHeadline()) + replacementCharacters(article.raw().getBody());
        return List.of(QualityFlag.newBuilder()
                .setCode(INVALID_CHARACTERS)
                .setMessage("the original held " + count + " replacement character" + (count == 1 ? "" : "s")
                        + " (U+FFFD, bytes that were not valid UTF-8); they were removed before detection and translation,"
                        + " and what they stood for is missing: compare with the source")
                .setText(null)
                .setParagraph(-1)
                .setOffset(-1)
                .build());
    }

    private static long replacementCharacters(String text) {
        return text == null ? 0 : text.chars().filter(c -> c == '\uFFFD').count();
    }
}
