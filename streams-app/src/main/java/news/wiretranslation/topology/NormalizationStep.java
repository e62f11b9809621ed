package news.wiretranslation.topology;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.normalize.TextNormalizer;

/** Normalizes an article's text and refuses one that has nothing left to translate (e.g. HTML that was all script). */
public final class NormalizationStep {
    private final TextNormalizer normalizer;

    public NormalizationStep(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** An article as delivered, with its normalized text beside it. */
    public record Normalized(RawArticle raw, NormalizedArticle text) {
    }

    public Normalized normalize(RawArticle raw) {
        NormalizedArticle text = normalizer.normalize(raw);
        if (text.isEmpty()) {
            throw new DeadLetterException(DeadLetterReason.EMPTY_ARTICLE, Stage.NORMALIZE, raw.getId(),
                    "no text is left after normalization (the " + raw.getBodyFormat() + " body holds no readable paragraph)");
        }
        return new Normalized(raw, text);
    }
}
