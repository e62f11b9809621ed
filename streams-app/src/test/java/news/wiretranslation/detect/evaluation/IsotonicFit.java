package news.wiretranslation.detect.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import news.wiretranslation.detect.ConfidenceCalibration;

/**
 * Fits a {@link ConfidenceCalibration} to (raw margin, right or wrong) pairs: pool-adjacent-violators (isotonic
 * regression), then neighbouring steps merged until each holds at least {@code minPerStep} detections, so that no
 * step stands on a handful of texts. Merging neighbours of a non-decreasing sequence keeps it non-decreasing.
 */
final class IsotonicFit {

    record Outcome(double rawMargin, boolean right) {
    }

    private IsotonicFit() {
    }

    static ConfidenceCalibration fit(List<Outcome> outcomes, int minPerStep) {
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingDouble(Outcome::rawMargin));
        // Each block: upper bound, number right, count.
        List<double[]> blocks = new ArrayList<>();
        for (Outcome outcome : sorted) {
            double[] block = {outcome.rawMargin(), outcome.right() ? 1 : 0, 1};
            if (!blocks.isEmpty() && blocks.get(blocks.size() - 1)[0] == outcome.rawMargin()) {
                merge(blocks.get(blocks.size() - 1), block);
            } else {
                blocks.add(block);
            }
            while (blocks.size() > 1 && rate(blocks.get(blocks.size() - 2)) >= rate(blocks.get(blocks.size() - 1))) {
                double[] last = blocks.remove(blocks.size() - 1);
                merge(blocks.get(blocks.size() - 1), last);
            }
        }
        for (int i = 0; i < blocks.size(); ) {
            if (blocks.get(i)[2] >= minPerStep || blocks.size() == 1) {
                i++;
                continue;
            }
            double[] small = blocks.remove(i);
            // Into the next step (now at i), or the previous one when it was the last.
            merge(blocks.get(i < blocks.size() ? i : i - 1), small);
            i = Math.max(0, i - 1);
        }
        blocks.get(blocks.size() - 1)[0] = 1.0;
        return ConfidenceCalibration.of(blocks.stream().mapToDouble(b -> b[0]).toArray(),
                blocks.stream().mapToDouble(IsotonicFit::rate).toArray());
    }

    private static void merge(double[] into, double[] other) {
        into[0] = Math.max(into[0], other[0]);
        into[1] += other[1];
        into[2] += other[2];
    }

    private static double rate(double[] block) {
        return block[1] / block[2];
    }
}
