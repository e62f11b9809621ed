package news.wiretranslation.replay;

import java.util.Locale;

/** The periodic progress line of a running replay: done/total, rate, estimated time left, characters billed so far. */
final class ReplayProgress {
    private final long total;
    private final long estimatedBilled;
    private final long startedMillis;

    ReplayProgress(long total, long estimatedBilled, long startedMillis) {
        this.total = total;
        this.estimatedBilled = estimatedBilled;
        this.startedMillis = startedMillis;
    }

    String line(long done, long billed, long nowMillis) {
        double seconds = Math.max(0.001, (nowMillis - startedMillis) / 1000.0);
        double rate = done / seconds;
        String eta = done >= total ? "0 s" : rate <= 0 ? "unknown" : formatSeconds((total - done) / rate);
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        return String.format(Locale.ROOT, "replay: %d/%d articles (%d%%), %.1f/s, ETA %s, billed %,d of ~%,d characters",
                done, total, percent, rate, eta, billed, estimatedBilled);
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s < 120 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }
}
