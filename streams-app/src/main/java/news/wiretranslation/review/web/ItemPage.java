package news.wiretranslation.review.web;

import java.util.List;

/**
 * One waiting translation: the label (engine, model, source language and confidence, disclaimer), the rows of the
 * side-by-side view, and the forms that approve (with edits) or reject it at this revision.
 */
public record ItemPage(DeskFrame frame, String language, String storyId, int revision, String action,
                       String source, Integer urgency, Label label, ParagraphRow headline, List<ParagraphRow> body,
                       String disclaimer) {

    /** The machine-translation label as the article carries it; engine null for an article passed through. */
    public record Label(String engine, String model, String sourceLanguage, String confidence, String disclaimer,
                        String settingsFingerprint) {
    }
}
