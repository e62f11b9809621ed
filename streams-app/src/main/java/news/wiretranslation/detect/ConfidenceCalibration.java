package news.wiretranslation.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the detector's raw margin (how far Lingua's winner is ahead of its runner-up, 0 to 1) into the share of
 * detections with that margin that were right on the labelled evaluation set: a calibrated confidence of 0.9 means
 * that nine detections in ten with that confidence named the right language. The raw margin has no such meaning
 * (plainly right paragraphs score 0.2 to 0.4 on it).
 *
 * <p>The table is a step function, non-decreasing (an isotonic fit): each row is a raw margin's upper bound and the
 * confidence of the margins up to it, above the previous row's bound. It is regenerated, with the reliability table
 * that checks it, by the detection report (docs/detection.md). Immutable and thread-safe.
 */
public final class ConfidenceCalibration {
    static final String RESOURCE = "/news/wiretranslation/detect/confidence-calibration.tsv";

    private final double[] upperBounds;
    private final double[] confidences;

    private ConfidenceCalibration(double[] upperBounds, double[] confidences) {
        this.upperBounds = upperBounds;
        this.confidences = confidences;
    }

    /** The raw margin itself: what the report fits the table on. */
    public static ConfidenceCalibration identity() {
        return new ConfidenceCalibration(new double[0], new double[0]);
    }

    /** The table shipped with the service. */
    public static ConfidenceCalibration shipped() {
        try (InputStream in = ConfidenceCalibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads rows of {@code upperBound<TAB>confidence}; {@code #} starts a comment line. */
    static ConfidenceCalibration parse(BufferedReader reader) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\t");
            rows.add(new double[]{Double.parseDouble(fields[0]), Double.parseDouble(fields[1])});
        }
        return of(rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray());
    }

    /**
     * @throws IllegalArgumentException unless the bounds increase, the confidences do not decrease, all lie in
     *                                  [0, 1] and the last bound is 1
     */
    public static ConfidenceCalibration of(double[] upperBounds, double[] confidences) {
        if (upperBounds.length == 0 || upperBounds.length != confidences.length
                || upperBounds[upperBounds.length - 1] != 1.0) {
            throw new IllegalArgumentException("a calibration needs as many confidences as bounds, the last bound 1.0");
        }
        for (int i = 0; i < upperBounds.length; i++) {
            boolean inRange = upperBounds[i] >= 0 && confidences[i] >= 0 && confidences[i] <= 1;
            boolean ordered = i == 0 || (upperBounds[i] > upperBounds[i - 1] && confidences[i] >= confidences[i - 1]);
            if (!inRange || !ordered) {
                throw new IllegalArgumentException("calibration row " + i + " is out of order or out of [0, 1]");
            }
        }
        return new ConfidenceCalibration(upperBounds.clone(), confidences.clone());
    }

    /** The calibrated confidence of a raw margin in [0, 1]. */
    public double confidence(double rawMargin) {
        if (upperBounds.length == 0) {
            return rawMargin;
        }
        for (int i = 0; i < upperBounds.length; i++) {
            if (rawMargin <= upperBounds[i]) {
                return confidences[i];
            }
        }
        return confidences[confidences.length - 1];
    }

    /** The table as the resource holds it. */
    public String format() {
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < upperBounds.length; i++) {
            table.append(String.format(java.util.Locale.ROOT, "%.4f\t%.4f%n", upperBounds[i], confidences[i]));
        }
        return table.toString();
    }
}
