package news.wiretranslation.article;

import java.util.Locale;

/** The pipeline stage a dead letter failed in; written into {@code DeadLetter.stage}. */
public enum Stage {
    DESERIALIZE, VALIDATE, NORMALIZE, DETECT, TRANSLATE, PRODUCE,
    /** The revision gate: a story's revision checked against the last one accepted. */
    REVISION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
