package news.wiretranslation.translate.apertium;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the local {@code apertium} command. Kept apart from {@link ApertiumCliTranslator} so that configuration
 * code can build, validate and log it without starting a process.
 *
 * @param executable    the {@code apertium} command, found on the PATH unless a path is given; null means
 *                      {@value #DEFAULT_EXECUTABLE}
 * @param dataDirectory Apertium's data directory, passed as {@code -d}; its {@code modes} subdirectory holds the
 *                      installed pairs. Null lets {@code apertium} use its default ({@code $APERTIUM_DATADIR}, else
 *                      {@code /usr/share/apertium})
 * @param timeout       how long one {@code apertium} process (one hop of one request) may take before it is killed;
 *                      null means {@link #DEFAULT_TIMEOUT}
 * @param maxHops       longest chain of pairs a translation may pivot through; 0 means
 *                      {@link ApertiumPairs#DEFAULT_MAX_HOPS}
 */
public record ApertiumCliSettings(String executable, Path dataDirectory, Duration timeout, int maxHops) {

    public static final String DEFAULT_EXECUTABLE = "apertium";

    /**
     * A 50-paragraph article takes well under a second per hop, most of it the pipeline's start-up; this leaves room
     * for a loaded machine while still freeing a stream thread long before Kafka's max.poll.interval.ms.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ApertiumCliSettings {
        if (executable == null || executable.isBlank()) {
            executable = DEFAULT_EXECUTABLE;
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("Apertium timeout must be positive, was " + timeout);
        }
        if (maxHops == 0) {
            maxHops = ApertiumPairs.DEFAULT_MAX_HOPS;
        }
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be positive (or 0 for the default), was " + maxHops);
        }
    }

    /** {@code apertium} from the PATH, its default data, {@link #DEFAULT_TIMEOUT}, one pivot at most. */
    public static ApertiumCliSettings defaults() {
        return new ApertiumCliSettings(null, null, null, 0);
    }

    /** These settings with another timeout. */
    public ApertiumCliSettings withTimeout(Duration timeout) {
        return new ApertiumCliSettings(executable, dataDirectory, timeout, maxHops);
    }
}
