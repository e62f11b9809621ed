package news.wiretranslation.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class ConfidenceCalibrationTest {

    @Test
    void aRawMarginTakesTheConfidenceOfTheFirstStepThatReachesIt() {
        ConfidenceCalibration calibration = ConfidenceCalibration.of(new double[]{0.05, 0.1, 1.0}, new double[]{0.5, 0.9, 0.99});

        assertThat(calibration.confidence(0.0)).isEqualTo(0.5);
        assertThat(calibration.confidence(0.05)).isEqualTo(0.5);
        assertThat(calibration.confidence(0.07)).isEqualTo(0.9);
        assertThat(calibration.confidence(0.3)).isEqualTo(0.99);
        assertThat(calibration.confidence(1.0)).isEqualTo(0.99);
    }

    @Test
    void theIdentityReportsTheRawMargin() {
        assertThat(ConfidenceCalibration.identity().confidence(0.23)).isEqualTo(0.23);
    }

    @Test
    void refusesATableThatFallsOrDoesNotReachOne() {
        assertThatThrownBy(() -> ConfidenceCalibration.of(new double[]{0.1, 1.0}, new double[]{0.9, 0.8}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfidenceCalibration.of(new double[]{0.1, 0.5}, new double[]{0.5, 0.8}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheTableItWrites() throws IOException {
        ConfidenceCalibration calibration = ConfidenceCalibration.of(new double[]{0.05, 1.0}, new double[]{0.5, 0.99});

        ConfidenceCalibration read = ConfidenceCalibration.parse(new BufferedReader(new StringReader(
                "# comment\n" + calibration.format())));

        assertThat(read.confidence(0.01)).isEqualTo(0.5);
        assertThat(read.confidence(0.5)).isEqualTo(0.99);
    }

    @Test
    void theShippedTableRisesWithTheMarginAndTrustsPlainAnswers() {
        ConfidenceCalibration shipped = ConfidenceCalibration.shipped();

        assertThat(shipped.confidence(0.0)).isLessThan(shipped.confidence(0.3));
        assertThat(shipped.confidence(0.3)).isGreaterThan(0.95);
    }
}
