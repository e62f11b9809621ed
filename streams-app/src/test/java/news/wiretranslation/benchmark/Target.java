package news.wiretranslation.benchmark;

import java.util.Locale;

/**
 * One of the targets against what this run measured.
 *
 * @param goal     the target in words, e.g. ">= 300 articles/s per instance"
 * @param measured the figure it is judged on, in words (the median of the repetitions, unless said otherwise)
 * @param status   {@code met}, {@code not met}, or {@code not measured} (the run's conditions differ from the target's)
 * @param note     why not measured, or what else to know; empty when nothing
 */
record Target(String goal, String measured, String status, String note) {
    static final String MET = "met";
    static final String NOT_MET = "NOT MET";
    static final String NOT_MEASURED = "not measured";

    /** At most or at least {@code limit}, as {@code atMost} says; NaN measured is not measured. */
    static Target judge(String goal, double value, double limit, boolean atMost, String format, String note) {
        if (Double.isNaN(value)) {
            return new Target(goal, "-", NOT_MEASURED, note);
        }
        boolean met = atMost ? value <= limit : value >= limit;
        return new Target(goal, String.format(Locale.ROOT, format, value), met ? MET : NOT_MET, note);
    }

    static Target notMeasured(String goal, String why) {
        return new Target(goal, "-", NOT_MEASURED, why);
    }
}
