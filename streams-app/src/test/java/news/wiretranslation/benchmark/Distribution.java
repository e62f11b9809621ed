package news.wiretranslation.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Order statistics of a set of measurements: percentiles by the nearest-rank method (the p-th percentile is a value
 * that was measured, the smallest with at least p of the values at or below it), and the median with the spread (the
 * lowest and the highest) that the benchmark prints for its repetitions.
 */
final class Distribution {
    private final List<Double> sorted;

    private Distribution(List<Double> sorted) {
        this.sorted = sorted;
    }

    static Distribution of(Collection<? extends Number> values) {
        List<Double> sorted = new ArrayList<>(values.size());
        values.forEach(v -> sorted.add(v.doubleValue()));
        sorted.sort(Double::compare);
        return new Distribution(List.copyOf(sorted));
    }

    int count() {
        return sorted.size();
    }

    /**
     * The nearest-rank percentile, {@code p} from 0 to 1: the value at rank ceil(p x n) (the lowest for p = 0). With
     * 200 values, p99 is the 198th: the two highest lie above it. NaN when there are no values.
     */
    double percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a percentile is between 0 and 1, got " + p);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The middle value; for an even count, the mean of the two middle ones. NaN when there are no values. */
    double median() {
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(0);
    }

    double max() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    /** The median of repetitions with their range, as printed and written to the JSON. */
    Spread spread() {
        return new Spread(median(), min(), max(), sorted);
    }

    /**
     * @param values every repetition's value, in ascending order
     */
    record Spread(double median, double min, double max, List<Double> values) {
        /** The range as a share of the median: how far the repetitions disagree. */
        double relativeRange() {
            return median == 0 ? 0 : (max - min) / median;
        }
    }
}
