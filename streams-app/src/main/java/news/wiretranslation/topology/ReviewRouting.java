package news.wiretranslation.topology;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewSource;
import news.wiretranslation.config.ServiceConfig;

/**
 * Which articles wait for an editor on the review topic instead of going to their output topic: those the quality
 * checks flagged, and every translation of the sources and urgencies the newsroom chose ({@code REVIEW_SOURCES},
 * {@code REVIEW_URGENCIES}). Those take their original along, so the review desk can show it paragraph by paragraph.
 */
final class ReviewRouting {
    private final ServiceConfig.Review review;

    ReviewRouting(ServiceConfig.Review review) {
        this.review = review;
    }

    boolean waitsForReview(Article article) {
        return !article.getQualityFlags().isEmpty()
                || article.getMachineTranslated() && review.selects(article.getSource(), article.getUrgency());
    }

    /** The outcome's article, with its original attached when it goes to review. */
    Article routed(TranslationOutcome outcome) {
        Article article = outcome.article();
        if (outcome.original() == null || !waitsForReview(article)) {
            return article;
        }
        return Article.newBuilder(article)
                .setReviewSource(new ReviewSource(outcome.original().headline(), outcome.original().paragraphs()))
                .build();
    }
}
