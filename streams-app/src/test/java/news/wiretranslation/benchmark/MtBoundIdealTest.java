package news.wiretranslation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MtBoundIdealTest {

    @Test
    void theIdealIsRequestsASecondTimesTheBatchReachedOverTheTextsAnArticleNeeds() {
        // 8 slots, 240 ms a request: 33.3 requests/s; 10 texts each: 333 texts/s; 2.5 texts an article: 133 articles/s.
        MtBoundIdeal ideal = new MtBoundIdeal(8, 240, 10, 2.5);

        assertThat(ideal.articlesPerSecond()).isCloseTo(8 * 1000.0 / 240 * 10 / 2.5, offset(1e-9));
    }

    @Test
    void theMeasuredBatchNotTheAllowedOneBoundsTheIdeal() {
        // The old benchmark assumed full batches of 50 and the nominal latency: five times too high with 10-text batches.
        MtBoundIdeal measured = new MtBoundIdeal(8, 240, 10, 2.5);
        MtBoundIdeal assumed = new MtBoundIdeal(8, 175, 50, 2.5);

        assertThat(assumed.articlesPerSecond() / measured.articlesPerSecond()).isCloseTo(5 * 240 / 175.0, offset(1e-9));
    }

    @Test
    void nothingMeasuredGivesNoIdeal() {
        assertThat(new MtBoundIdeal(8, 0, 0, 0).articlesPerSecond()).isZero();
        assertThat(new MtBoundIdeal(8, 200, 10, 0).articlesPerSecond()).isZero();
    }

    @Test
    void eachAssumptionIsPrintedWithTheFigureItRestsOn() {
        MtBoundIdeal ideal = new MtBoundIdeal(8, 240, 10, 2.5);

        assertThat(ideal.assumptions()).hasSize(5);
        assertThat(ideal.assumptions().get(0)).contains("8 engine requests");
        assertThat(ideal.assumptions().get(1)).contains("240 ms");
        assertThat(ideal.assumptions().get(2)).contains("10.0 texts");
        assertThat(ideal.assumptions().get(3)).contains("2.50 texts");
        assertThat(ideal.assumptions().get(4)).endsWith("= 133 articles/s");
    }
}
