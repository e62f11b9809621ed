package news.wiretranslation.review.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.label.Disclaimers;
import news.wiretranslation.review.ReviewItems;
import org.junit.jupiter.api.Test;

class ReviewedArticleTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final ReviewedArticle reviewed = new ReviewedArticle(Disclaimers.reviewed());
    private final Article waiting = ReviewItems.flagged("budget", 4);

    @Test
    void onlyTextsThatChangedCountAsEditedAndTheDisclaimerIsNotTheEditorsToChange() {
        ReviewRequest request = ReviewItems.approve(waiting, "ada", Map.of(
                "0", "  " + waiting.getBody().get(0) + " ", // the same, but for white space
                "1", "The unions denounced unfair measures.",
                "2", "No disclaimer at all.", // the disclaimer paragraph
                "7", "beyond the body", "x", "not an index"));
        request.setHeadline("Government unveils austerity budget");

        Article published = reviewed.approved(waiting, request, NOW);

        assertThat(published.getReview().getEditedParagraphs()).containsExactly(1);
        assertThat(published.getReview().getHeadlineEdited()).isTrue();
        assertThat(published.getHeadline()).isEqualTo("Government unveils austerity budget");
        assertThat(published.getBody()).containsExactly(waiting.getBody().get(0), "The unions denounced unfair measures.",
                "This article was machine-translated from French by DeepL and reviewed by the newsroom.");
        assertThat(published.getVersion()).isEqualTo(4);
        assertThat(published.getQualityFlags()).isEqualTo(waiting.getQualityFlags());
    }

    @Test
    void anApprovalWithoutEditsKeepsTheTranslationAndMarksItReviewed() {
        Article published = reviewed.approved(waiting, ReviewItems.approve(waiting, "grace", Map.of()), NOW);

        assertThat(published.getHeadline()).isEqualTo(waiting.getHeadline());
        assertThat(published.getBody().subList(0, 2)).isEqualTo(waiting.getBody().subList(0, 2));
        assertThat(published.getEditorialReview()).isTrue();
        assertThat(published.getReview().getReviewer()).isEqualTo("grace");
        assertThat(published.getReview().getEditedParagraphs()).isEmpty();
        assertThat(published.getReview().getHeadlineEdited()).isFalse();
        assertThat(published.getReviewSource()).isNull();
    }

    @Test
    void anArticlePassedThroughKeepsItsLastParagraphAndHasNoDisclaimerToReplace() {
        Article original = Article.newBuilder(waiting).setMachineTranslated(false).setTranslation(null).build();

        Article published = reviewed.approved(original, ReviewItems.approve(original, "ada", Map.of("2", "Edited last.")), NOW);

        assertThat(reviewed.disclaimer(original)).isNull();
        assertThat(published.getBody().get(2)).isEqualTo("Edited last.");
        assertThat(published.getReview().getEditedParagraphs()).containsExactly(2);
    }
}
