package news.wiretranslation.health;

/**
 * The paths the service's HTTP server answers on: Prometheus scrapes the first, orchestrators probe the others.
 * Kept in one place because the Docker health check and the Kubernetes probes name them too.
 */
public final class Endpoints {
    public static final String METRICS = "/metrics";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    /** The translation engine's state (available, circuit open, quota paused) and since when; never a probe. */
    public static final String ENGINE = "/health/engine";

    private Endpoints() {
    }
}
