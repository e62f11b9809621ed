package news.wiretranslation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DistributionTest {

    private static List<Long> oneTo(int n) {
        List<Long> values = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            values.add(i);
        }
        Collections.shuffle(values, new Random(7));
        return values;
    }

    @Test
    void percentilesAreNearestRankValuesThatWereMeasured() {
        Distribution d = Distribution.of(oneTo(200));

        assertThat(d.percentile(0.99)).as("the 198th of 200: two values lie above it").isEqualTo(198);
        assertThat(d.percentile(0.50)).isEqualTo(100);
        assertThat(d.percentile(0.90)).isEqualTo(180);
        assertThat(d.percentile(1.0)).isEqualTo(200);
        assertThat(d.percentile(0.0)).isEqualTo(1);
    }

    @Test
    void withFewSamplesTheP99IsTheHighest() {
        // 16 samples cannot tell a p99 from the maximum: the old benchmark's flash figure had 16.
        assertThat(Distribution.of(oneTo(16)).percentile(0.99)).isEqualTo(16);
    }

    @Test
    void aSingleOutlierAbove99PercentDoesNotMoveTheP99() {
        List<Long> values = oneTo(199);
        values.add(1_000_000L);

        assertThat(Distribution.of(values).percentile(0.99)).isEqualTo(198);
        assertThat(Distribution.of(values).max()).isEqualTo(1_000_000);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheTwo() {
        assertThat(Distribution.of(List.of(310.0, 120.0, 290.0)).median()).isEqualTo(290);
        assertThat(Distribution.of(List.of(4, 1, 3, 2)).median()).isEqualTo(2.5);
    }

    @Test
    void theSpreadOfRepetitionsIsTheirMedianWithTheLowestAndHighest() {
        Distribution.Spread spread = Distribution.of(List.of(212.0, 250.0, 199.0)).spread();

        assertThat(spread.median()).isEqualTo(212);
        assertThat(spread.min()).isEqualTo(199);
        assertThat(spread.max()).isEqualTo(250);
        assertThat(spread.values()).containsExactly(199.0, 212.0, 250.0);
        assertThat(spread.relativeRange()).isCloseTo(51.0 / 212, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void nothingMeasuredIsNotANumberRatherThanZero() {
        Distribution empty = Distribution.of(List.<Double>of());

        assertThat(empty.percentile(0.99)).isNaN();
        assertThat(empty.median()).isNaN();
        assertThat(empty.spread().values()).isEmpty();
    }

    @Test
    void aPercentileOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Distribution.of(List.of(1)).percentile(99)).isInstanceOf(IllegalArgumentException.class);
    }
}
