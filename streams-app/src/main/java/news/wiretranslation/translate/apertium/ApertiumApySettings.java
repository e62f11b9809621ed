package news.wiretranslation.translate.apertium;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an Apertium-APY server. Kept apart from {@link ApertiumApyTranslator} so that configuration code can
 * build, validate and log it without touching the network.
 *
 * @param baseUrl the server's base URL, e.g. {@code http://apertium-apy:2737}; a trailing slash is dropped
 * @param timeout connect timeout, and how long one HTTP request may take; null means {@link #DEFAULT_TIMEOUT}
 * @param maxHops longest chain of pairs a translation may pivot through; 0 means
 *                {@link ApertiumPairs#DEFAULT_MAX_HOPS}
 */
public record ApertiumApySettings(URI baseUrl, Duration timeout, int maxHops) {

    /** APY's own default pipeline timeout; one paragraph through a warm pipeline takes milliseconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ApertiumApySettings {
        if (baseUrl == null) {
            throw new IllegalArgumentException("Apertium-APY base URL is missing");
        }
        String scheme = baseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Apertium-APY base URL must be http(s)://host[:port][/path], was "
                    + baseUrl);
        }
        String url = baseUrl.toString();
        if (url.endsWith("/")) {
            baseUrl = URI.create(url.substring(0, url.length() - 1));
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("Apertium-APY timeout must be positive, was " + timeout);
        }
        if (maxHops == 0) {
            maxHops = ApertiumPairs.DEFAULT_MAX_HOPS;
        }
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be positive (or 0 for the default), was " + maxHops);
        }
    }

    /** Settings for the server at {@code baseUrl}, with {@link #DEFAULT_TIMEOUT} and one pivot at most. */
    public static ApertiumApySettings of(String baseUrl) {
        return new ApertiumApySettings(URI.create(baseUrl.strip()), null, 0);
    }
}
