package news.wiretranslation.article;

import news.wiretranslation.avro.RawArticle;

/**
 * Checks what the Avro schema cannot: that an article decoded from the wire carries the content the pipeline
 * needs. Fails with the field that is wrong, so the producer's team can fix it from the dead letter alone.
 */
public final class ArticleValidator {

    public RawArticle validate(RawArticle raw) {
        if (raw == null) {
            throw new DeadLetterException(DeadLetterReason.EMPTY_RECORD, Stage.VALIDATE, null,
                    "the record has no value (a tombstone); an article was expected");
        }
        String id = raw.getId();
        if (id == null || id.isBlank()) {
            throw invalid(null, "id is blank");
        }
        if (raw.getSource() == null || raw.getSource().isBlank()) {
            throw invalid(id, "source is blank");
        }
        if (raw.getRevision() < 1) {
            throw invalid(id, "revision is " + raw.getRevision() + "; revisions start at 1");
        }
        Integer urgency = raw.getUrgency();
        if (urgency != null && (urgency < 1 || urgency > 9)) {
            throw invalid(id, "urgency is " + urgency + "; IPTC urgency runs from 1 (flash) to 9");
        }
        if (isBlank(raw.getHeadline()) && isBlank(raw.getBody())) {
            throw new DeadLetterException(DeadLetterReason.EMPTY_ARTICLE, Stage.VALIDATE, id,
                    "headline and body are both empty");
        }
        return raw;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static DeadLetterException invalid(String id, String problem) {
        return new DeadLetterException(DeadLetterReason.INVALID_ARTICLE, Stage.VALIDATE, id, problem);
    }
}
