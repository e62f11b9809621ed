package news.wiretranslation.review.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.EditorialReview;
import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.avro.Translation;
import news.wiretranslation.label.Disclaimers;

/**
 * The article an approval publishes: the waiting translation with the editor's edits, marked as reviewed (who, when,
 * what changed), and with the disclaimer saying it was machine-translated and reviewed by the newsroom. The original
 * beside it (reviewSource) stays behind: it is for the desk only.
 */
public final class ReviewedArticle {
    private final Disclaimers reviewedDisclaimers;

    public ReviewedArticle(Disclaimers reviewedDisclaimers) {
        this.reviewedDisclaimers = reviewedDisclaimers;
    }

    /** What the editor changed, as the request says it, compared with the waiting text. */
    public record Edits(String headline, List<String> body, boolean headlineEdited, List<Integer> editedParagraphs) {
    }

    /**
     * The request's edits applied to the waiting article. Only editable paragraphs count: a translation's last
     * paragraph is its disclaimer, which the desk writes itself. An edit equal to the text it replaces is no edit.
     */
    public static Edits edits(Article waiting, ReviewRequest request) {
        String headline = waiting.getHeadline();
        boolean headlineEdited = request.getHeadline() != null && !request.getHeadline().strip().isEmpty()
                && !request.getHeadline().strip().equals(headline.strip());
        if (headlineEdited) {
            headline = request.getHeadline().strip();
        }
        List<String> body = new ArrayList<>(waiting.getBody());
        int editable = editableParagraphs(waiting);
        List<Integer> edited = new ArrayList<>();
        for (Map.Entry<String, String> edit : request.getParagraphs().entrySet()) {
            int index;
            try {
                index = Integer.parseInt(edit.getKey());
            } catch (NumberFormatException e) {
                continue;
            }
            String text = edit.getValue() == null ? "" : edit.getValue().strip();
            if (index >= 0 && index < editable && !text.isEmpty() && !text.equals(body.get(index).strip())) {
                body.set(index, text);
                edited.add(index);
            }
        }
        edited.sort(null);
        return new Edits(headline, body, headlineEdited, edited);
    }

    /** Paragraphs an editor may change: all but a translation's disclaimer, the last one. */
    public static int editableParagraphs(Article article) {
        int size = article.getBody().size();
        return article.getMachineTranslated() && size > 0 ? size - 1 : size;
    }

    public Article approved(Article waiting, ReviewRequest request, Instant reviewedAt) {
        Edits edits = edits(waiting, request);
        List<String> body = new ArrayList<>(edits.body());
        Translation translation = waiting.getTranslation();
        String disclaimer = disclaimer(waiting);
        if (disclaimer != null && !body.isEmpty()) {
            body.set(body.size() - 1, disclaimer);
            translation = Translation.newBuilder(translation).setDisclaimer(disclaimer).build();
        }
        return Article.newBuilder(waiting)
                .setHeadline(edits.headline())
                .setBody(body)
                .setTranslation(translation)
                .setEditorialReview(true)
                .setReview(EditorialReview.newBuilder()
                        .setReviewer(request.getReviewer())
                        .setReviewedAt(reviewedAt)
                        .setHeadlineEdited(edits.headlineEdited())
                        .setEditedParagraphs(edits.editedParagraphs())
                        .setDecisionId(request.getRequestId())
                        .build())
                .setReviewSource(null)
                .build();
    }

    /** The disclaimer the article will carry once approved; null for an article that was not machine-translated. */
    public String disclaimer(Article waiting) {
        Translation translation = waiting.getTranslation();
        if (!waiting.getMachineTranslated() || translation == null) {
            return null;
        }
        return reviewedDisclaimers.disclaimer(language(waiting.getLanguage()), translation.getSourceLanguage(),
                translation.getEngine());
    }

    /** The bare language of a BCP 47 tag, as the disclaimers are keyed: {@code en} for {@code en-US}. */
    private static String language(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
