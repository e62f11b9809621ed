package news.wiretranslation.review.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewSource;
import news.wiretranslation.avro.Translation;
import news.wiretranslation.review.decision.ReviewedArticle;

/** Builds the queue's rows and the item page from the articles waiting. */
final class ItemPages {
    private final ReviewedArticle reviewed;

    ItemPages(ReviewedArticle reviewed) {
        this.reviewed = reviewed;
    }

    static String link(Article article) {
        return link(article.getLanguage(), article.getId());
    }

    /** The item's page: /item/{language}/{story id, percent-encoded}. */
    static String link(String language, String storyId) {
        return "/item/" + language + "/" + URLEncoder.encode(storyId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    QueuePage.Row row(Article article) {
        Translation translation = article.getTranslation();
        return new QueuePage.Row(link(article), article.getHeadline(), article.getSource(),
                article.getDetectedLanguage(), article.getUrgency(), article.getVersion(), article.getVersionCreated(),
                article.getQualityFlags().size(), translation == null ? null : translation.getEngine());
    }

    ItemPage item(DeskFrame frame, Article article) {
        ReviewSource original = article.getReviewSource();
        FlagSpans.Placed headlineFlags = FlagSpans.place(article.getHeadline(), -1, article.getQualityFlags());
        ParagraphRow headline = new ParagraphRow(-1, original == null ? article.getHeadline() : original.getHeadline(),
                article.getHeadline(), headlineFlags.segments(), headlineFlags.unplaced(), true);
        int editable = ReviewedArticle.editableParagraphs(article);
        List<ParagraphRow> body = new ArrayList<>();
        for (int i = 0; i < article.getBody().size(); i++) {
            String text = article.getBody().get(i);
            String source = i >= editable ? "" : original == null ? text
                    : i < original.getBody().size() ? original.getBody().get(i) : "";
            FlagSpans.Placed placed = FlagSpans.place(text, i, article.getQualityFlags());
            body.add(new ParagraphRow(i, source, text, placed.segments(), placed.unplaced(), i < editable));
        }
        Translation translation = article.getTranslation();
        ItemPage.Label label = translation == null
                ? new ItemPage.Label(null, null, null, null, null, null)
                : new ItemPage.Label(translation.getEngine(), translation.getEngineModel(),
                translation.getSourceLanguage(), String.format(Locale.ROOT, "%.2f", translation.getDetectionConfidence()),
                translation.getDisclaimer(), translation.getSettingsFingerprint());
        return new ItemPage(frame, article.getLanguage(), article.getId(), article.getVersion(), link(article),
                article.getSource(), article.getUrgency(), label, headline, body, reviewed.disclaimer(article));
    }
}
